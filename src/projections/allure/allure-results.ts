import { createHash } from 'node:crypto';
import type { Projection, Writer } from '../types.ts';
import { allWritten } from '../writer.ts';
import { evidenceAttachments, type AttachmentFile } from './attachments.ts';
import { formatProperties } from './properties.ts';
import { certbenchCategories, environmentEntries, executor } from './run-files.ts';
import { checkpointTestResult } from './test-result.ts';

export const ALLURE_RESULTS_DIR = 'allure-results';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Allure results from the record: verdicts are certbench's, never re-derived by Allure. */
export const allureResultsProjection: Projection = {
  name: 'allure-results',
  description: 'Allure results (one test per checkpoint, evidence attached) in allure-results/',
  async project({ result, writer, env }) {
    const attachments = await evidenceAttachments(result, writer, ALLURE_RESULTS_DIR);
    let cursor = Date.parse(result.run.startedAt);
    if (Number.isNaN(cursor)) throw new Error(`run.startedAt is not a timestamp: ${result.run.startedAt}`);
    // Every test result is made before any file is written, so an inconsistent record writes nothing.
    const files: { name: string; text: string }[] = [];
    const attachmentFiles: AttachmentFile[] = [];
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
        files.push({ name: `${ALLURE_RESULTS_DIR}/${testResult.uuid}-result.json`, text: json(testResult) });
        attachmentFiles.push(...cited.files);
      }
    }
    // Side by side (the writer bounds how many at once).
    await allWritten([
      ...files.map((f) => writer.write(f.name, f.text)),
      ...writeAttachments(writer, attachmentFiles),
    ]);
    await writer.write(
      `${ALLURE_RESULTS_DIR}/environment.properties`,
      formatProperties(environmentEntries(result)),
    );
    await writer.write(`${ALLURE_RESULTS_DIR}/executor.json`, json(executor(result, env)));
    await writer.write(`${ALLURE_RESULTS_DIR}/categories.json`, json(certbenchCategories));
  },
};

/**
 * Writes the attachment files; one with the same bytes as a file already written is a second name for it (a hard
 * link): Allure reads every attachment from its own file, but a quarter of the parts repeat (the same headers, the
 * same short answer), and creating a file costs far more than naming one.
 */
function writeAttachments(writer: Writer, files: readonly AttachmentFile[]): Promise<void>[] {
  const first = new Map<string, { path: string; written: Promise<void> }>();
  return files.map((file) => {
    const key = createHash('sha256').update(file.content).digest('base64');
    const earlier = first.get(key);
    if (earlier) return earlier.written.then(() => writer.copy(earlier.path, file.path));
    const written = writer.write(file.path, file.content);
    first.set(key, { path: file.path, written });
    return written;
  });
}
