// A run's exchange files written while its checkpoints run: each exchange's evidence file and its Allure attachment
// files (both depend only on the exchange and the run's id) are written by a worker thread on the core the run leaves
// idle, so that reporting has only the record's own files left to write. What the run's record does not cite in the
// end (a retried scenario's earlier attempt) is removed again; anything not written ahead is written when the run
// reports, as before, so the outputs are the same either way.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AttachedExchange } from '../../projections/allure/attachments.ts';
import { ALLURE_RESULTS_DIR } from '../../projections/allure/allure-results.ts';
import type { CertificationResult } from '../../result/types.ts';
import { COMPILED, PACKAGE_ROOT } from '../../run/package-root.ts';

/** What the run asks of the worker: write an exchange (its JSON as attached), or say what was written. */
export type AheadRequest = { type: 'exchange'; body: string } | { type: 'finish' };

/** An exchange written ahead: its evidence file with the SHA-256 of what was written, and its attachments. */
export interface WrittenExchange extends AttachedExchange {
  id: string;
  file: string;
  sha256: string;
  /** The attachment files, relative to the run folder. */
  files: string[];
}

// Plain JavaScript, read from the installation folder, so the worker starts the same under tsx and compiled.
const ENTRY = pathToFileURL(join(PACKAGE_ROOT, 'src', 'evidence', 'ahead', 'worker-entry.js'));
const MODULE = new URL(COMPILED ? './worker.js' : './worker.ts', import.meta.url).href;

export class ExchangeFilesAhead {
  private readonly worker: Worker;
  private readonly outDir: string;
  private readonly failed: Promise<Error>;
  private settled = false;

  constructor(outDir: string, runId: string) {
    this.outDir = outDir;
    this.worker = new Worker(ENTRY, {
      workerData: { module: MODULE, outDir, runId },
      // Its garbage is short-lived and small: a small young generation keeps the worker's heap (and the run's peak
      // memory) small, at no cost in time that shows.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    // Between exchanges the worker does not keep the process alive.
    this.worker.unref();
    this.failed = new Promise((resolve) => {
      this.worker.once('error', resolve);
      this.worker.once('exit', (code) => resolve(new Error(`the exchange files' worker exited (${code})`)));
    });
  }

  /** An exchange as attached to the message stream (its JSON), written in the background. */
  add(body: string): void {
    if (!this.settled) this.worker.postMessage({ type: 'exchange', body } satisfies AheadRequest);
  }

  /**
   * Waits for the worker and ends it; returns what it wrote, by exchange id. A worker that failed wrote nothing the
   * run relies on: the run then writes every file itself.
   */
  async finish(): Promise<Map<string, WrittenExchange>> {
    this.settled = true;
    this.worker.ref();
    const answer = new Promise<WrittenExchange[]>((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage({ type: 'finish' } satisfies AheadRequest);
    const written = await Promise.race([answer, this.failed.then(() => undefined)]);
    await this.worker.terminate();
    // What a failed worker wrote is not known: it goes, and the run writes every file itself.
    if (!written) await this.removeAll();
    return new Map((written ?? []).map((w) => [w.id, w]));
  }

  /** A run that stops early: the worker ends, and the folders it was filling go (a run writes them when it reports). */
  async cancel(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    await this.worker.terminate();
    await this.removeAll();
  }

  private async removeAll(): Promise<void> {
    await Promise.all(
      ['evidence', ALLURE_RESULTS_DIR].map((name) =>
        rm(join(this.outDir, name), { recursive: true, force: true }),
      ),
    );
  }
}

/**
 * Of what was written ahead, what the record cites as it was written: the evidence files not to write again and the
 * attachments not to make again. Files of exchanges the record does not cite are removed.
 */
export async function keepCited(
  outDir: string,
  written: ReadonlyMap<string, WrittenExchange>,
  result: CertificationResult,
): Promise<{ evidenceFiles: Set<string>; attachments: Map<string, AttachedExchange> }> {
  const records = new Map(result.evidence.map((r) => [r.id, r]));
  const cited = new Set(result.protocols.flatMap((p) => p.checkpoints.flatMap((c) => c.evidence)));
  const evidenceFiles = new Set<string>();
  const attachments = new Map<string, AttachedExchange>();
  const removed: string[] = [];
  for (const w of written.values()) {
    const record = records.get(w.id);
    const same = record?.file === w.file && record.sha256 === w.sha256;
    if (same) evidenceFiles.add(w.file);
    else if (!record) removed.push(w.file);
    if (same && cited.has(w.id))
      attachments.set(w.id, { attachments: w.attachments, parameters: w.parameters });
    else if (!cited.has(w.id)) removed.push(...w.files);
  }
  await Promise.all(removed.map((file) => rm(join(outDir, file), { force: true })));
  return { evidenceFiles, attachments };
}
