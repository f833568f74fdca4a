import { z } from 'zod';

// An official step's number, with a letter where one step has several checkpoints (DK-3.4.2.2-b), or a family and a
// number for certbench's own checks beyond the official protocol (DK-XDS-1).
const checkpointId = z
  .string()
  .regex(
    /^[A-Z]{2,6}-(\d+(\.\d+)*(-[a-z])?|[A-Z]{2,5}-\d+)$/,
    'must look like DK-3.3.1.2, DK-3.4.2.2-b (official step, letter) or DK-XDS-1 (own check family, number)',
  );
const stepNumber = z.string().regex(/^\d+(\.\d+)+$/, 'must be an official step number such as 3.3.1.2');

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
  officialProtocol: z
    .strictObject({
      file: z.string().min(1).describe('the official protocol as data, relative to the certbench root'),
      notCovered: z
        .array(
          z.strictObject({
            steps: z.array(stepNumber).min(1),
            reason: z.string().min(10),
            standIns: z
              .array(checkpointId)
              .optional()
              .describe("certbench's checkpoints that stand in for the step"),
          }),
        )
        .optional()
        .describe('official steps no checkpoint implements, each with the reason'),
    })
    .optional()
    .describe("MedCom's published test protocol this manifest implements, step by step"),
  changelog: z
    .array(
      z.strictObject({
        version: z.string().regex(/^\d+\.\d+\.\d+$/),
        date: z.iso.date(),
        description: z.string().min(1),
        renamed: z
          .record(z.string(), z.union([z.array(checkpointId).min(1), z.null()]))
          .optional()
          .describe('earlier checkpoint id -> the ids that took its place (null: dropped)'),
      }),
    )
    .optional(),
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
        officialSteps: z
          .array(stepNumber)
          .min(1)
          .optional()
          .describe("the official protocol's steps this checkpoint implements"),
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
  /** SHA-256 of the manifest file's bytes: recorded with every result, so a signed result names what judged it. */
  sha256: string;
  /** The official MedCom protocol it implements, as recorded in each result (set when the protocols load). */
  official?: OfficialProtocolRef;
}

/**
 * Which official protocol, where MedCom publishes it, and its steps in MedCom's words: recorded with every result, so
 * the filled-in test protocol can be made from the record alone (src/projections/test-protocol).
 */
export interface OfficialProtocolRef {
  title: string;
  version: string;
  date: string;
  source: { repository: string; commit: string; path: string };
  standard: { en: string; da: string; version: string; type: string };
  changelog: { version: string; date: string; description: string }[];
  sections: { number: string; title: string; useCase?: string }[];
  steps: { number: string; section: string; action: string; testData?: string; expected: string }[];
  /** certbench's reasons for the steps no checkpoint implements (from the manifest). */
  notCovered: { steps: string[]; reason: string; standIns?: string[] }[];
}
