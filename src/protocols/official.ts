// MedCom's published test protocols as data (protocols/official/*.yaml): every test step with its number, section,
// action, test data, expected result and where a bench can see the result. A manifest names the official protocol it
// implements; lint then holds its checkpoints to it (src/protocols/coverage.ts).
import { join } from 'node:path';
import { z } from 'zod';
import { readShippedYaml } from '../input/yaml-file.ts';

const stepNumber = z.string().regex(/^\d+(\.\d+)+$/, 'must be a step number such as 3.3.1.2');

/**
 * Where the expected result of a step can be seen:
 *   sent         in what the SUT sends (the document, message, metadata): certbench judges it
 *   ui           on the SUT's screen (certbench reads it through an observation where the API offers one)
 *   explanation  only in what the vendor explains or describes to the assessor
 *   files        the saving of screenshots and files (certbench keeps every exchange as evidence)
 *   tool         in another tool (TouchStone, the SUT's own validation log)
 */
export const SEEN_IN = ['sent', 'ui', 'explanation', 'files', 'tool'] as const;

export const officialProtocolSchema = z.strictObject({
  title: z.string().min(1),
  standard: z.strictObject({
    en: z.string().min(1),
    da: z.string().min(1),
    version: z.string().min(1),
    type: z.string().min(1),
  }),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  date: z.iso.date(),
  source: z.strictObject({
    repository: z.string().min(1),
    branch: z.string().min(1),
    commit: z.string().regex(/^[0-9a-f]{7,40}$/),
    path: z.string().min(1),
    converted: z.string().min(1).describe('how the text was made from the Word document'),
  }),
  changelog: z
    .array(z.strictObject({ version: z.string().min(1), date: z.iso.date(), description: z.string().min(1) }))
    .min(1),
  sections: z
    .array(
      z.strictObject({
        number: stepNumber,
        title: z.string().min(1),
        useCase: z.string().min(1).optional(),
      }),
    )
    .min(1),
  steps: z
    .array(
      z.strictObject({
        number: stepNumber,
        section: stepNumber,
        action: z.string().min(1),
        testData: z.string().optional(),
        // May be empty: HomeCareObservation receive 3.2.1.12 ("Load … Test example 2") states no expected result.
        expected: z.string(),
        seenIn: z.array(z.enum(SEEN_IN)).min(1),
      }),
    )
    .min(1),
});

export type OfficialProtocol = z.output<typeof officialProtocolSchema>;
export type OfficialStep = OfficialProtocol['steps'][number];

/** An official protocol with where it came from (relative to the certbench root). */
export interface LoadedOfficialProtocol extends OfficialProtocol {
  file: string;
}

const cache = new Map<string, OfficialStep[]>();

/** Keeps the official protocol loadProtocols read for a manifest, so that officialStep need not read it again. */
export function rememberOfficialSteps(root: string, protocolId: string, steps: OfficialStep[]): void {
  cache.set(`${root}|${protocolId}`, steps);
}

/**
 * An official step of the protocol a manifest implements, read from the files once per process (for the assessor's
 * question in MedCom's own words).
 */
export function officialStep(root: string, protocolId: string, number: string): OfficialStep {
  const key = `${root}|${protocolId}`;
  let steps = cache.get(key);
  if (!steps) {
    const manifest = readShippedYaml(join(root, 'protocols', `${protocolId}.yaml`)) as {
      officialProtocol?: { file?: string };
    };
    const file = manifest.officialProtocol?.file;
    if (!file) throw new Error(`protocol ${protocolId} names no official protocol`);
    steps = officialProtocolSchema.parse(readShippedYaml(join(root, file))).steps;
    cache.set(key, steps);
  }
  const step = steps.find((s) => s.number === number);
  if (!step) throw new Error(`${number} is not a step of the official protocol of ${protocolId}`);
  return step;
}
