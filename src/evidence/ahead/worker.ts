// The worker of exchange-files-ahead.ts: for each exchange the run attaches, writes its evidence file and its Allure
// attachment files, and answers, when told the run is done, what it wrote.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { Exchange } from '../exchange.ts';
import { ALLURE_RESULTS_DIR, attachmentWriter } from '../../projections/allure/allure-results.ts';
import { exchangeAttachments } from '../../projections/allure/attachments.ts';
import { allWritten, FileSystemWriter } from '../../projections/writer.ts';
import { evidenceFile, evidenceText } from '../../verdicts/evidence-collector.ts';
import type { AheadRequest, WrittenExchange } from './exchange-files-ahead.ts';

const { outDir, runId } = workerData as { outDir: string; runId: string };
const writer = new FileSystemWriter(outDir);
const attach = attachmentWriter(writer);
const written: Promise<WrittenExchange | undefined>[] = [];

async function write(body: string): Promise<WrittenExchange | undefined> {
  try {
    const exchange = JSON.parse(body) as Exchange;
    const text = evidenceText(exchange);
    const file = evidenceFile(exchange.id);
    const { attachments, files } = exchangeAttachments(runId, exchange.id, exchange, ALLURE_RESULTS_DIR);
    await allWritten([writer.write(file, text), ...files.map(attach)]);
    const sha256 = createHash('sha256').update(text).digest('hex');
    return { id: exchange.id, file, sha256, attachments, files: files.map((f) => f.path) };
  } catch {
    // Not written ahead: the run writes it when it reports, as it would without this worker.
    return undefined;
  }
}

parentPort?.on('message', (request: AheadRequest) => {
  if (request.type === 'exchange') written.push(write(request.body));
  else
    void Promise.all(written).then((all) =>
      parentPort?.postMessage(all.filter((w): w is WrittenExchange => w !== undefined)),
    );
});
