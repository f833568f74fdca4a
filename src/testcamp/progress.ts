// Progress of a run from cucumber's message stream, as it happens: how many scenarios of each use case are done,
// and the verdict each scenario reached (provisional: waivers, plans and the assessor's decisions come after).
import type { Envelope, Pickle } from '@cucumber/messages';

export interface UseCaseProgress {
  useCase: string;
  done: number;
  total: number;
}

export interface ReachedVerdict {
  checkpoints: string[];
  scenario: string;
  status: 'bestået / passed' | 'fejlet / failed' | 'afventer / pending';
}

const WORST: string[] = ['FAILED', 'AMBIGUOUS', 'UNDEFINED', 'PENDING', 'SKIPPED', 'UNKNOWN'];

export class RunProgress {
  private readonly pickles = new Map<string, Pickle>();
  /** testCase id → pickle id */
  private readonly testCases = new Map<string, string>();
  /** testCaseStarted id → testCase id */
  private readonly started = new Map<string, string>();
  private readonly stepStatuses = new Map<string, string[]>();
  private readonly finished = new Set<string>();
  readonly verdicts: ReachedVerdict[] = [];
  private readonly onVerdict: (verdict: ReachedVerdict) => void;

  constructor(onVerdict: (verdict: ReachedVerdict) => void = () => undefined) {
    this.onVerdict = onVerdict;
  }

  update(envelope: Envelope): void {
    if (envelope.pickle) this.pickles.set(envelope.pickle.id, envelope.pickle);
    if (envelope.testCase) this.testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
    if (envelope.testCaseStarted)
      this.started.set(envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId);
    if (envelope.testStepFinished) {
      const { testCaseStartedId, testStepResult } = envelope.testStepFinished;
      const list = this.stepStatuses.get(testCaseStartedId) ?? [];
      list.push(String(testStepResult.status));
      this.stepStatuses.set(testCaseStartedId, list);
    }
    const done = envelope.testCaseFinished;
    if (done && !done.willBeRetried) {
      const testCaseId = this.started.get(done.testCaseStartedId);
      const pickle = this.pickles.get(this.testCases.get(testCaseId ?? '') ?? '');
      if (!testCaseId || !pickle) return;
      this.finished.add(testCaseId);
      const statuses = this.stepStatuses.get(done.testCaseStartedId) ?? [];
      const worst = WORST.find((s) => statuses.includes(s));
      const verdict: ReachedVerdict = {
        checkpoints: tagValues(pickle, 'cp'),
        scenario: pickle.name,
        status: !worst ? 'bestået / passed' : worst === 'FAILED' ? 'fejlet / failed' : 'afventer / pending',
      };
      this.verdicts.push(verdict);
      this.onVerdict(verdict);
    }
  }

  /** Scenarios done of those that run, per use case (in the order the run meets them). */
  useCases(): UseCaseProgress[] {
    const byUseCase = new Map<string, UseCaseProgress>();
    for (const [testCaseId, pickleId] of this.testCases) {
      const pickle = this.pickles.get(pickleId);
      const useCase = (pickle && tagValues(pickle, 'usecase')[0]) ?? '(uden use case / no use case)';
      const entry = byUseCase.get(useCase) ?? { useCase, done: 0, total: 0 };
      entry.total++;
      if (this.finished.has(testCaseId)) entry.done++;
      byUseCase.set(useCase, entry);
    }
    return [...byUseCase.values()];
  }
}

function tagValues(pickle: Pickle, name: string): string[] {
  const prefix = `@${name}:`;
  return pickle.tags.filter((t) => t.name.startsWith(prefix)).map((t) => t.name.slice(prefix.length));
}
