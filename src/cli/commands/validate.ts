import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { InvalidInputError } from '../../errors/index.ts';
import type { ReportedIssue } from '../../validation/known-issues/apply.ts';
import { resolveCacheFolder } from '../../validation/packages/cache-folder.ts';
import { findPackageFor } from '../../validation/packages/find-package.ts';
import { FhirPackageMissingError } from '../../validation/packages/missing-package.ts';
import { packageKey } from '../../validation/packages/package-ref.ts';
import { checkProfile } from '../../validation/profile-check.ts';
import { formatIssue } from '../../validation/validator/issue.ts';
import { VALIDATOR_VERSION } from '../../validation/version.ts';

/** The options of `certbench validate`. */
export interface ValidateOptions {
  /** Canonical URL of the profile; default: the resource's first `meta.profile`, else its R4 core definition. */
  profile?: string;
  /** FHIR package cache folder; default CERTBENCH_FHIR_PACKAGES, else ~/.fhir/packages. */
  fhirPackages?: string;
}

/**
 * `certbench validate <file>`: validates a FHIR R4 JSON resource (a document or message Bundle) against a profile
 * with the profile's package and its dependencies, prints every issue and suppression, and returns 0 without errors,
 * 1 with errors. An unreadable file, a missing package or an unknown profile is invalid input.
 */
export async function validateCommand(
  file: string,
  options: ValidateOptions,
  env: RunEnvironment,
): Promise<number> {
  const path = resolve(env.cwd, file);
  const resource = await readResource(path);
  const cacheFolder = resolveCacheFolder(options.fhirPackages, env.env, env.cwd);
  const profile = options.profile ?? declaredProfile(resource);
  try {
    const root = await findPackageFor(profile, cacheFolder);
    if (!root)
      throw new InvalidInputError([
        {
          file: options.profile ? '--profile' : path,
          message: `no FHIR package in ${cacheFolder} or shipped with certbench defines ${profile}`,
        },
      ]);
    env.stdout.write(
      `${file}: validating against ${profile} (package ${packageKey(root)}, certbench validator ${VALIDATOR_VERSION})\n`,
    );
    const assessment = await checkProfile(resource, {
      profile,
      package: packageKey(root),
      cacheFolder,
      now: env.clock.now(),
    });
    for (const issue of assessment.issues) env.stdout.write(`  ${describe(issue)}\n`);
    for (const e of assessment.expired)
      env.stdout.write(
        `  known issue ${e.id} expired on ${e.expires}: it no longer suppresses ${e.location}\n`,
      );
    const count = (severity: string) => assessment.issues.filter((i) => i.severity === severity).length;
    env.stdout.write(
      `${assessment.errors.length === 0 ? 'valid' : 'INVALID'}: ${assessment.errors.length} errors, ` +
        `${count('warning')} warnings, ${count('information')} information, ${assessment.suppressed.length} suppressed\n`,
    );
    return assessment.errors.length === 0 ? EXIT.ok : EXIT.blockingFailure;
  } catch (error) {
    if (error instanceof FhirPackageMissingError)
      throw new InvalidInputError(
        [{ file: error.cacheFolder, message: error.message }],
        'missing FHIR package',
      );
    throw error;
  }
}

async function readResource(path: string): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InvalidInputError([
      { file: path, message: `cannot read FHIR JSON: ${(error as Error).message}` },
    ]);
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof (parsed as { resourceType?: unknown }).resourceType !== 'string'
  )
    throw new InvalidInputError([{ file: path, message: 'is not a FHIR resource (no resourceType)' }]);
  return parsed as Record<string, unknown>;
}

function declaredProfile(resource: Record<string, unknown>): string {
  const declared = (resource.meta as { profile?: unknown } | undefined)?.profile;
  const first = Array.isArray(declared) ? declared.find((p) => typeof p === 'string') : undefined;
  return typeof first === 'string'
    ? first
    : `http://hl7.org/fhir/StructureDefinition/${String(resource.resourceType)}`;
}

function describe(issue: ReportedIssue): string {
  const line = formatIssue(issue);
  return issue.suppressedBy
    ? `suppressed by known issue ${issue.suppressedBy.id} (${issue.suppressedBy.rationale}): ${line}`
    : line;
}
