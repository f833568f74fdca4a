// The testcamp configuration: where the console listens, the upload limits, and one entry per vendor run with the
// tokens its operator and assessor log in with. Read like every user-written YAML: a mistake is named by file, line
// and field (exit 3). The tokens are secrets: they are compared, never shown or logged.
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { readYamlFile } from '../input/yaml-file.ts';

const token = z
  .string()
  .min(16, 'a login token has at least 16 characters (it is all that keeps others out of the run)');

const runSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40'),
    /** Shown on the run's page, e.g. the vendor and system. */
    title: z.string().min(1).optional(),
    profile: z.string().min(1).optional(),
    /** Rehearsal: the built-in reference GP system plays the vendor's system. */
    referenceGp: z.boolean().default(false),
    protocols: z.array(z.string().min(1)).min(1).optional(),
    out: z.string().min(1),
    assessor: z.string().min(1),
    /** The counterparts' port for this vendor: the vendor configures the system once for the whole camp. */
    counterpartsPort: z.int().min(1).max(65535).optional(),
    tokens: z.strictObject({ operator: token, assessor: token }),
  })
  .refine((r) => r.profile !== undefined || r.referenceGp, {
    message: 'give the vendor profile, or referenceGp: true for a rehearsal',
    path: ['profile'],
  });

const DEFAULT_TYPES = ['image/png', 'image/jpeg', 'application/pdf', 'text/plain'];

export const testcampSchema = z
  .strictObject({
    testcamp: z.literal(1),
    listen: z
      .strictObject({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.int().min(0).max(65535).default(8080),
      })
      .prefault({}),
    uploads: z
      .strictObject({
        maxBytes: z
          .int()
          .min(1024)
          .max(100 * 1024 * 1024)
          .default(10 * 1024 * 1024),
        types: z
          .array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/))
          .min(1)
          .default(DEFAULT_TYPES),
      })
      .prefault({}),
    runs: z.array(runSchema).min(1).max(32),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, string>();
    config.runs.forEach((run, i) => {
      const unique: [string, string, (string | number)[]][] = [
        [`id ${run.id}`, 'id', ['runs', i, 'id']],
        [`out ${resolve(run.out)}`, 'out', ['runs', i, 'out']],
        [`token ${run.tokens.operator}`, 'token', ['runs', i, 'tokens', 'operator']],
        [`token ${run.tokens.assessor}`, 'token', ['runs', i, 'tokens', 'assessor']],
        ...(run.counterpartsPort
          ? [
              [`port ${run.counterpartsPort}`, 'counterpartsPort', ['runs', i, 'counterpartsPort']] as [
                string,
                string,
                (string | number)[],
              ],
            ]
          : []),
      ];
      for (const [key, what, path] of unique) {
        const first = seen.get(key);
        // The token's value is never part of a message.
        if (first) ctx.addIssue({ code: 'custom', message: `the same ${what} as ${first}`, path });
        else seen.set(key, path.join('.'));
      }
    });
  });

export type TestcampConfig = z.output<typeof testcampSchema> & { file: string };
export type TestcampRunConfig = TestcampConfig['runs'][number];

/** Reads the testcamp file; relative paths in it (profiles, output folders) are taken from its folder. */
export async function loadTestcampConfig(file: string): Promise<TestcampConfig> {
  const config = await readYamlFile(file, testcampSchema, 'testcamp configuration');
  const base = dirname(file);
  return {
    ...config,
    file,
    runs: config.runs.map((r) => ({
      ...r,
      out: resolve(base, r.out),
      ...(r.profile ? { profile: resolve(base, r.profile) } : {}),
    })),
  };
}
