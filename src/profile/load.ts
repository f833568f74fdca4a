import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InvalidInputError } from '../errors/index.ts';
import { parseYaml } from '../input/yaml-file.ts';
import { writtenProfileSchema, type SutProfile } from './schema.ts';

/** Reads, validates and normalises a SUT profile. Throws InvalidInputError naming file, line and field. */
export async function loadProfile(file: string): Promise<SutProfile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError([{ file, message: `cannot read SUT profile: ${(error as Error).message}` }]);
  }
  const written = parseYaml(text, file, writtenProfileSchema, 'SUT profile');
  return {
    file,
    sha256: createHash('sha256').update(text).digest('hex'),
    vendor: written.vendor,
    system: written.system,
    version: written.version,
    driver: written.driver,
    automation: written.automation,
    counterparts: written.counterparts,
    clockToleranceMs: written.clockToleranceMs,
    ...(written.fhirPackages ? { fhirPackages: resolve(dirname(file), written.fhirPackages) } : {}),
    ...(written.signing
      ? {
          signing: {
            ...(written.signing.key ? { key: resolve(dirname(file), written.signing.key) } : {}),
            ...(written.signing.cert ? { cert: resolve(dirname(file), written.signing.cert) } : {}),
            ...(written.signing.passphraseEnv ? { passphraseEnv: written.signing.passphraseEnv } : {}),
          },
        }
      : {}),
    protocols: written.protocols,
  };
}

/** Reads the bearer token from the environment variable the profile names; missing is an input error. */
export function resolveToken(
  profile: SutProfile,
  env: Record<string, string | undefined>,
): string | undefined {
  const auth = profile.automation.auth;
  if (!auth) return undefined;
  const token = env[auth.tokenEnv];
  if (!token) {
    throw new InvalidInputError([
      {
        file: profile.file,
        field: 'automation.auth.tokenEnv',
        message: `environment variable ${auth.tokenEnv} is not set (it must hold the SUT's bearer token)`,
      },
    ]);
  }
  return token;
}
