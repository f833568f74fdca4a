import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Assessment } from './operator.ts';

/**
 * The assessor's decisions of a manual run, one JSON line each, written the moment they are given, so an
 * interrupted run loses nothing; `--resume` reads them back and asks only what is still open.
 */
export class DecisionJournal {
  private readonly file: string;
  private readonly decisions = new Map<string, Assessment>();

  constructor(file: string, resume: boolean) {
    this.file = file;
    if (resume && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { checkpointId: string; assessment: Assessment };
        this.decisions.set(entry.checkpointId, entry.assessment);
      }
    } else {
      writeFileSync(file, '');
    }
  }

  get(checkpointId: string): Assessment | undefined {
    return this.decisions.get(checkpointId);
  }

  record(checkpointId: string, assessment: Assessment): void {
    this.decisions.set(checkpointId, assessment);
    appendFileSync(this.file, `${JSON.stringify({ checkpointId, assessment })}\n`);
  }

  get size(): number {
    return this.decisions.size;
  }
}
