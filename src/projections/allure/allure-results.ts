import type { Projection } from '../types.ts';
import { evidenceAttachments } from './attachments.ts';
import { formatProperties } from './properties.ts';
import { certbenchCategories, environmentEntries, executor } from './run-files.ts';
import { checkpointTestResult } from './test-result.ts';

export const ALLURE_RESULTS_DIR = 'allure-results';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Allure results from the record: verdicts are certbench's, never re-derived by Allure. */
export const allureResultsProjection: Projection = {
  name: 'allure-results',
  description: 'Allure results (one test per checkpoint, evidence attached) in allure-results/',
  async project({ result, writer }) {
    const attachments = evidenceAttachments(result, writer, ALLURE_RESULTS_DIR);
    let cursor = Date.parse(result.run.startedAt);
    if (Number.isNaN(cursor)) throw new Error(`run.startedAt is not a timestamp: ${result.run.startedAt}`);
    // The files are written side by side (the writer bounds how many at once); the times chain in order.
    const writes: Promise<void>[] = [];
    for (const protocol of result.protocols) {
      for (const checkpoint of protocol.checkpoints) {
        const { attachments: cited, written } = attachments.forCheckpoint(protocol.id, checkpoint);
        const testResult = checkpointTestResult(result, {
          protocol,
          checkpoint,
          start: cursor,
          attachments: cited,
        });
        cursor = testResult.stop;
        writes.push(
          written,
          writer.write(`${ALLURE_RESULTS_DIR}/${testResult.uuid}-result.json`, json(testResult)),
        );
      }
    }
    await Promise.all(writes);
    await writer.write(
      `${ALLURE_RESULTS_DIR}/environment.properties`,
      formatProperties(environmentEntries(result)),
    );
    await writer.write(`${ALLURE_RESULTS_DIR}/executor.json`, json(executor(result)));
    await writer.write(`${ALLURE_RESULTS_DIR}/categories.json`, json(certbenchCategories));
  },
};
