import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type { Projection, ProjectionContext, Writer } from '../types.ts';
import { allWritten, BatchedWrites } from '../writer.ts';
import { evidenceAttachments, type AttachedExchange, type AttachmentFile } from './attachments.ts';
import { formatProperties } from './properties.ts';
import { certbenchCategories, environmentEntries, executor } from './run-files.ts';
import { checkpointTestResult } from './test-result.ts';

export const ALLURE_RESULTS_DIR = 'allure-results';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Allure results from the record: verdicts are certbench's, never re-derived by Allure. `attachedAhead`: exchanges
 * whose attachment files a run wrote while it went on (src/evidence/ahead), with their attachments and parameters by
 * evidence id. `written`: told each checkpoint's result file (its path in the run folder) once it and its attachments
 * are written, so that Allure can read it while the others are made.
 */
export function createAllureResultsProjection(
  attachedAhead?: ReadonlyMap<string, AttachedExchange>,
  written?: (file: string) => void,
): Projection {
  return {
    name: 'allure-results',
    description: 'Allure results (one test per checkpoint, evidence attached) in allure-results/',
    project: (context) => projectAllureResults(context, attachedAhead, written),
  };
}

export const allureResultsProjection: Projection = createAllureResultsProjection();

async function projectAllureResults(
  { result, writer, env }: ProjectionContext,
  attachedAhead: ReadonlyMap<string, AttachedExchange> | undefined,
  written: ((file: string) => void) | undefined,
): Promise<void> {
  // The record is checked before any file is written (every cited exchange is there and read, the start is a
  // time), so an inconsistent record writes nothing.
  const attachments = await evidenceAttachments(result, writer, ALLURE_RESULTS_DIR, attachedAhead);
  let cursor = Date.parse(result.run.startedAt);
  if (Number.isNaN(cursor)) throw new Error(`run.startedAt is not a timestamp: ${result.run.startedAt}`);
  // Written as they are made (the writer bounds how many at once), a full run's results and parts being some 20 MB
  // of text that need not all be held at once; the next checkpoint is made while the last ones are written.
  const parts = attachmentWriter(writer);
  const writes = new BatchedWrites(WRITES_PER_BATCH);
  for (const protocol of result.protocols) {
    for (const checkpoint of protocol.checkpoints) {
      const cited = attachments.forCheckpoint(protocol.id, checkpoint, cursor);
      const testResult = checkpointTestResult(result, {
        protocol,
        checkpoint,
        start: cursor,
        evidence: cited.steps,
      });
      cursor = testResult.stop;
      const file = `${ALLURE_RESULTS_DIR}/${testResult.uuid}-result.json`;
      const attached = allWritten(cited.files.map(parts));
      await writes.add(
        attached,
        // Compact: only Allure reads it, and a full run's results are a few MB of it.
        writer.write(file, JSON.stringify(testResult)).then(async () => {
          await attached;
          written?.(file);
        }),
      );
      // Each write is several steps, each started from this thread: they move on between checkpoints.
      await setImmediate();
    }
  }
  await writes.flush();
  await writer.write(
    `${ALLURE_RESULTS_DIR}/environment.properties`,
    formatProperties(environmentEntries(result)),
  );
  await writer.write(`${ALLURE_RESULTS_DIR}/executor.json`, json(executor(result, env)));
  await writer.write(`${ALLURE_RESULTS_DIR}/categories.json`, json(certbenchCategories));
}

/** Files in a batch: enough to keep the writer busy, few enough to hold. */
const WRITES_PER_BATCH = 256;

/**
 * Writes attachment files; one with the same bytes as a file already written is a second name for it (a hard link):
 * Allure reads every attachment from its own file, but a quarter of the parts repeat (the same headers, the same
 * short answer), and creating a file costs far more than naming one.
 */
export function attachmentWriter(writer: Writer): (file: AttachmentFile) => Promise<void> {
  const first = new Map<string, { path: string; written: Promise<void> }>();
  return (file) => {
    const key = createHash('sha256').update(file.content).digest('base64');
    const earlier = first.get(key);
    if (earlier) return earlier.written.then(() => writer.copy(earlier.path, file.path));
    const written = writer.write(file.path, file.content);
    first.set(key, { path: file.path, written });
    return written;
  };
}
