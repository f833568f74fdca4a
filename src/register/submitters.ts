// Who may submit to the register server, and what: a YAML file of submitters, each with a role and the SHA-256 of
// its token (the file holds no secret). A vendor submits self-tests of its own systems; only MedCom certifies.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { readYamlFile } from '../input/yaml-file.ts';

const submitterSchema = z.strictObject({
  name: z.string().min(1),
  role: z.enum(['medcom', 'vendor', 'reader']),
  /** For a vendor: the `sut.vendor` of the results it may submit. */
  vendor: z.string().min(1).optional(),
  /** For a vendor: only these systems (default: every system of the vendor). */
  systems: z.array(z.string().min(1)).min(1).optional(),
  tokenSha256: z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 of the token, 64 lower-case hex digits'),
});

const submittersFileSchema = z
  .strictObject({ certbench: z.literal(1), submitters: z.array(submitterSchema).min(1) })
  .superRefine((file, ctx) => {
    file.submitters.forEach((s, i) => {
      if (s.role === 'vendor' && !s.vendor)
        ctx.addIssue({
          code: 'custom',
          path: ['submitters', i, 'vendor'],
          message: 'a vendor submitter names its vendor',
        });
      if (s.role !== 'vendor' && (s.vendor || s.systems))
        ctx.addIssue({
          code: 'custom',
          path: ['submitters', i, 'role'],
          message: 'only a vendor submitter has vendor and systems',
        });
    });
    const names = file.submitters.map((s) => s.name);
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['submitters', i, 'name'],
          message: `"${name}" is named twice`,
        });
    });
  });

export type Submitter = z.output<typeof submitterSchema>;

export async function loadSubmitters(file: string): Promise<Submitter[]> {
  return (await readYamlFile(file, submittersFileSchema, 'register submitters')).submitters;
}

/** The submitter whose token this is, compared in constant time; undefined for an unknown token. */
export function submitterOf(token: string, submitters: readonly Submitter[]): Submitter | undefined {
  const digest = createHash('sha256').update(token).digest();
  return submitters.find((s) => timingSafeEqual(digest, Buffer.from(s.tokenSha256, 'hex')));
}

/** Why `submitter` may not submit this run, or undefined when it may. */
export function submissionRefusal(
  submitter: Submitter,
  run: { mode: 'self-test' | 'certify'; vendor: string; system: string },
): string | undefined {
  if (submitter.role === 'reader') return `${submitter.name} may read the register, not submit to it`;
  if (submitter.role === 'medcom') return undefined;
  if (run.mode !== 'self-test') return `${submitter.name} is a vendor: only MedCom submits certifications`;
  if (run.vendor !== submitter.vendor)
    return `${submitter.name} submits for ${submitter.vendor}, not for ${run.vendor}`;
  if (submitter.systems && !submitter.systems.includes(run.system))
    return `${submitter.name} submits for ${submitter.systems.join(', ')}, not for ${run.system}`;
  return undefined;
}
