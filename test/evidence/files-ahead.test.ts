// Exchange files written during the run (src/evidence/ahead): a run folder made with them is the same, file for file
// and byte for byte, as one whose evidence and allure-results are written only when the run reports; what the record
// does not cite is not left behind.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ExchangeFilesAhead, keepCited } from '../../src/evidence/ahead/exchange-files-ahead.ts';
import type { Exchange } from '../../src/evidence/exchange.ts';
import {
  allureResultsProjection,
  createAllureResultsProjection,
} from '../../src/projections/allure/allure-results.ts';
import { allWritten, FileSystemWriter } from '../../src/projections/writer.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { evidenceText } from '../../src/verdicts/evidence-collector.ts';
import { tempDir } from '../support/temp.ts';
import { sampleRun } from '../projections/result-builder.ts';

const stdout = { write: () => true };

/** The sample run's record, with the SHA-256 of each evidence file as a run records it, and its exchanges. */
function sample(): { result: CertificationResult; exchanges: Exchange[] } {
  const { result, writer } = sampleRun();
  const exchanges = result.evidence.map((r) => JSON.parse(writer.text(r.file)) as Exchange);
  for (const [i, record] of result.evidence.entries())
    record.sha256 = createHash('sha256')
      .update(evidenceText(exchanges[i] as Exchange))
      .digest('hex');
  return { result, exchanges };
}

/** Every file under a folder, by relative path, with its bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), await readFile(path));
    }
  return files;
}

describe('exchange files written ahead', () => {
  it('make the same run folder as writing them when the run reports, and leave nothing uncited', async () => {
    const { result, exchanges } = sample();

    // As without the worker: the evidence files, then allure-results from the record.
    const plain = await tempDir();
    const plainWriter = new FileSystemWriter(plain);
    await allWritten(exchanges.map((e, i) => plainWriter.write(result.evidence[i]!.file, evidenceText(e))));
    await allureResultsProjection.project({ result, writer: plainWriter, stdout });

    // With it: every exchange of the run (one the record does not cite, as a retried scenario's first attempt).
    const ahead = await tempDir();
    const files = new ExchangeFilesAhead(ahead, result.run.id);
    const uncited: Exchange = { ...(exchanges[0] as Exchange), id: 'ev-not-cited' };
    for (const exchange of [...exchanges, uncited]) files.add(JSON.stringify(exchange));
    const written = await files.finish();
    assert.deepEqual([...written.keys()].sort(), ['ev-1', 'ev-2', 'ev-not-cited']);
    const kept = await keepCited(ahead, written, result);
    assert.deepEqual([...kept.evidenceFiles].sort(), ['evidence/ev-1.json', 'evidence/ev-2.json']);
    await createAllureResultsProjection(kept.attachments).project({
      result,
      writer: new FileSystemWriter(ahead),
      stdout,
    });

    const [expected, actual] = [await tree(plain), await tree(ahead)];
    assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
    for (const [path, bytes] of expected) assert.ok(actual.get(path)?.equals(bytes), `${path} differs`);
    assert.ok(written.get('ev-not-cited')!.files.length > 0, 'the uncited exchange had attachment files');
  });

  it('a run that stops early leaves no exchange files', async () => {
    const { result, exchanges } = sample();
    const dir = await tempDir();
    const files = new ExchangeFilesAhead(dir, result.run.id);
    for (const exchange of exchanges) files.add(JSON.stringify(exchange));
    await files.cancel();
    assert.deepEqual(await readdir(dir), []);
  });
});
