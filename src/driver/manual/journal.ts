// The journal of a manual (testcamp) run: everything that happens, one JSON line per event, appended the moment it
// happens, so a run stopped anywhere (end of input, a crash, a power cut) can continue where it stopped. Both drivers
// (terminal and console) write and read the same journal; nothing in it is ever rewritten.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { InvalidInputError } from '../../errors/index.ts';
import type { Assessment } from './operator.ts';

export const JOURNAL_FILE = 'manual-journal.ndjson';

/** A request the SUT sent to a counterpart, kept so a resumed run can hand the counterparts what they received. */
export interface ReceivedRequest {
  method: string;
  /** Path and query as the SUT requested it. */
  url: string;
  /** Headers with secrets redacted. */
  headers: Record<string, string>;
  bodyBase64: string;
}

export type JournalEvent = { at: string } & (
  | { type: 'run'; runId: string; resumed: boolean; counterpartsPort: number }
  /** The operator's answer to instruction `step` (the action and its input's hash, to check a replay matches). */
  | { type: 'answer'; step: number; action: string; inputSha256: string; done: boolean; comment?: string }
  /** The assessor confirmed the operator's "fejl": the step failed. */
  | { type: 'fejl-confirmed'; step: number; assessor: string }
  /** The operator took back a "fejl" before the assessor confirmed it: the step was done after all. */
  | { type: 'fejl-corrected'; step: number }
  /** From this step on the run no longer asks what the journal holds (e.g. another certbench version). */
  | { type: 'diverged'; step: number; reason: string }
  /** Received while step `afterStep` was asked or after it was answered, before the next step was asked. */
  | ({ type: 'received'; afterStep: number } & ReceivedRequest)
  /** An evidence file kept in the run folder (`file` relative to it) before the assessor's decision names it. */
  | { type: 'upload'; checkpointId: string; name: string; file: string; sha256: string; bytes: number }
  | { type: 'assessment'; checkpointId: string; assessment: Assessment }
  | { type: 'finished' }
);

/** What the journal says about one instruction. */
export interface JournalledStep {
  /** When it was answered. */
  at: string;
  action: string;
  inputSha256: string;
  outcome: 'done' | 'fejl' | 'fejl-confirmed';
  comment?: string;
}

/** Identifies an action's input for the journal: a replay answers a step only if the same thing is asked. */
export function inputSha256(input: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

/**
 * The journal file and what it holds so far. A fresh run starts an empty journal; it refuses a folder whose
 * journal belongs to an unfinished run, so an interrupted testcamp run is never overwritten by mistake.
 */
export class RunJournal {
  readonly file: string;
  readonly steps = new Map<number, JournalledStep>();
  readonly received: { afterStep: number; at: string; request: ReceivedRequest }[] = [];
  readonly assessments = new Map<string, Assessment>();
  /** The counterparts' port of the earlier run, so a resumed run listens where the vendor pointed the system. */
  counterpartsPort?: number;
  /** The journal held an earlier run's events (this is a resumed run). */
  readonly resumed: boolean;
  private finished = false;
  private readonly clock: () => Date;

  constructor(file: string, resume: boolean, clock: () => Date = () => new Date()) {
    this.file = file;
    this.clock = clock;
    const events = existsSync(file) ? readJournal(file) : [];
    for (const event of events) this.apply(event);
    if (!resume) {
      if (events.length > 0 && !this.finished)
        throw new InvalidInputError(
          [
            {
              file,
              message:
                'an interrupted manual run is journalled in this folder: continue it with --resume, or choose another --out',
            },
          ],
          'would overwrite an unfinished run',
        );
      this.steps.clear();
      this.received.length = 0;
      this.assessments.clear();
      delete this.counterpartsPort;
      writeFileSync(file, '');
    }
    this.resumed = resume && events.length > 0;
    this.finished = false;
  }

  /** Appends an event (with its time) and applies it. */
  record(event: DistributiveOmit<JournalEvent, 'at'>): void {
    const full: JournalEvent = { at: this.clock().toISOString(), ...event };
    appendFileSync(this.file, `${JSON.stringify(full)}\n`);
    this.apply(full);
  }

  private apply(event: JournalEvent): void {
    switch (event.type) {
      case 'run':
        this.counterpartsPort = event.counterpartsPort;
        this.finished = false;
        break;
      case 'answer':
        this.steps.set(event.step, {
          at: event.at,
          action: event.action,
          inputSha256: event.inputSha256,
          outcome: event.done ? 'done' : 'fejl',
          ...(event.comment ? { comment: event.comment } : {}),
        });
        break;
      case 'fejl-confirmed':
      case 'fejl-corrected': {
        const step = this.steps.get(event.step);
        if (step?.outcome === 'fejl')
          step.outcome = event.type === 'fejl-confirmed' ? 'fejl-confirmed' : 'done';
        break;
      }
      case 'diverged':
        for (const step of [...this.steps.keys()]) if (step >= event.step) this.steps.delete(step);
        for (let i = this.received.length - 1; i >= 0; i--)
          if ((this.received[i]?.afterStep ?? 0) >= event.step) this.received.splice(i, 1);
        break;
      case 'received': {
        const { method, url, headers, bodyBase64 } = event;
        this.received.push({
          afterStep: event.afterStep,
          at: event.at,
          request: { method, url, headers, bodyBase64 },
        });
        break;
      }
      case 'assessment':
        this.assessments.set(event.checkpointId, event.assessment);
        break;
      case 'upload':
        break;
      case 'finished':
        this.finished = true;
        break;
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const EVENT_TYPES = new Set([
  'run',
  'answer',
  'fejl-confirmed',
  'fejl-corrected',
  'diverged',
  'received',
  'upload',
  'assessment',
  'finished',
]);

/**
 * Reads a journal. A last line cut off mid-write (the process died while appending) is dropped: that event never
 * completed. Any other unreadable line is an input error naming the line, since a resume must not guess.
 */
function readJournal(file: string): JournalEvent[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const events: JournalEvent[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const last = index === lines.length - 1;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch (error) {
      if (last) return;
      throw new InvalidInputError(
        [{ file, line: index + 1, message: `not a JSON line: ${(error as Error).message}` }],
        'unreadable manual journal',
      );
    }
    // The first journals held only the assessor's decisions, without a type.
    if (isLegacyDecision(event)) event = { type: 'assessment', at: event.assessment.at, ...event };
    const type = (event as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !EVENT_TYPES.has(type))
      throw new InvalidInputError(
        [{ file, line: index + 1, field: 'type', message: `unknown journal event ${JSON.stringify(type)}` }],
        'unreadable manual journal',
      );
    events.push(event as JournalEvent);
  });
  return events;
}

function isLegacyDecision(event: unknown): event is { checkpointId: string; assessment: Assessment } {
  const e = event as { type?: unknown; checkpointId?: unknown; assessment?: unknown } | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.type === undefined &&
    typeof e.checkpointId === 'string' &&
    typeof e.assessment === 'object'
  );
}
