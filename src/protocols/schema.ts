import { z } from 'zod';

const checkpointId = z
  .string()
  .regex(/^[A-Z]{2,6}-\d+(\.\d+)*$/, 'must look like DK-3.3.1.2 (prefix, dot-separated numbers)');

/** A protocol manifest as written in `protocols/<id>.yaml`. */
export const manifestSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, 'must be major.minor.patch (standard major.minor + protocol patch)'),
  standard: z.strictObject({
    name: z.string().min(1),
    packageId: z.string().min(1),
    version: z.string().min(1),
    canonical: z.url(),
  }),
  channel: z.enum(['send', 'receive', 'send-receive']),
  features: z.string().min(1).describe('folder of the feature files, relative to the certbench root'),
  variants: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/),
        title: z.string().min(1),
      }),
    )
    .min(1)
    .optional()
    .describe('ways a system can be tested against this protocol; a SUT profile claiming it must choose one'),
  useCases: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Z][A-Za-z0-9.-]*$/),
        title: z.string().min(1),
        mandatory: z.boolean(),
      }),
    )
    .min(1),
  checkpoints: z
    .array(
      z.strictObject({
        id: checkpointId,
        title: z.string().min(1),
        useCase: z.string().min(1),
        grade: z.enum(['F1', 'F2', 'F3', 'F4']),
        mode: z.enum(['automatic', 'manual']),
        requirements: z.array(z.strictObject({ text: z.string().min(1), url: z.url().optional() })).min(1),
        provisional: z.strictObject({ source: z.string().min(10) }).optional(),
        notTestable: z
          .string()
          .min(10)
          .optional()
          .describe('why this checkpoint cannot be tested yet (pending)'),
      }),
    )
    .min(1),
});

export type Manifest = z.output<typeof manifestSchema>;
export type ManifestCheckpoint = Manifest['checkpoints'][number];
export type Grade = ManifestCheckpoint['grade'];

/** A manifest with where it came from. */
export interface LoadedManifest extends Manifest {
  file: string;
}
