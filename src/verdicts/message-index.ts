import type {
  Attachment,
  Envelope,
  GherkinDocument,
  Pickle,
  TestCase,
  TestCaseStarted,
  TestStepResult,
} from '@cucumber/messages';

/** One executed attempt of a scenario, with everything the verdict engine and projections need. */
export interface ExecutedScenario {
  pickle: Pickle;
  attempt: number;
  steps: { kind: 'step' | 'hook'; keyword: string; text: string; result: TestStepResult }[];
  attachments: Attachment[];
}

/**
 * Reads cucumber's message stream into one index (design example 4); verdicts and projections query it, never
 * keep maps of their own. Only the final attempt of a retried scenario counts.
 */
export class MessageIndex {
  private readonly pickles = new Map<string, Pickle>();
  private readonly keywords = new Map<string, string>();
  private readonly testCases = new Map<string, TestCase>();
  private readonly lastAttempt = new Map<string, TestCaseStarted>();
  private readonly results = new Map<string, Map<string, TestStepResult>>();
  private readonly attachments = new Map<string, Attachment[]>();
  readonly errors: string[] = [];

  update(envelope: Envelope): void {
    if (envelope.gherkinDocument) this.indexKeywords(envelope.gherkinDocument);
    if (envelope.pickle) this.pickles.set(envelope.pickle.id, envelope.pickle);
    if (envelope.testCase) this.testCases.set(envelope.testCase.id, envelope.testCase);
    if (envelope.testCaseStarted) {
      const started = envelope.testCaseStarted;
      const previous = this.lastAttempt.get(started.testCaseId);
      if (!previous || previous.attempt <= started.attempt) this.lastAttempt.set(started.testCaseId, started);
    }
    if (envelope.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = envelope.testStepFinished;
      const byStep = this.results.get(testCaseStartedId) ?? new Map<string, TestStepResult>();
      byStep.set(testStepId, testStepResult);
      this.results.set(testCaseStartedId, byStep);
    }
    if (envelope.attachment?.testCaseStartedId) {
      const list = this.attachments.get(envelope.attachment.testCaseStartedId) ?? [];
      list.push(envelope.attachment);
      this.attachments.set(envelope.attachment.testCaseStartedId, list);
    }
    if (envelope.parseError)
      this.errors.push(`${envelope.parseError.source.uri ?? '?'}: ${envelope.parseError.message}`);
  }

  /** Every pickle carrying `tag`, with its final executed attempt when it ran. */
  findByTag(tag: string): { pickle: Pickle; executed?: ExecutedScenario }[] {
    return [...this.pickles.values()]
      .filter((p) => p.tags.some((t) => t.name === tag))
      .map((pickle) => {
        const executed = this.executed(pickle);
        return executed ? { pickle, executed } : { pickle };
      });
  }

  private executed(pickle: Pickle): ExecutedScenario | undefined {
    const testCase = [...this.testCases.values()].find((tc) => tc.pickleId === pickle.id);
    const started = testCase ? this.lastAttempt.get(testCase.id) : undefined;
    if (!testCase || !started) return undefined;
    const results = this.results.get(started.id) ?? new Map<string, TestStepResult>();
    const steps = testCase.testSteps.map((ts) => {
      const pickleStep = ts.pickleStepId ? pickle.steps.find((s) => s.id === ts.pickleStepId) : undefined;
      const result: TestStepResult = results.get(ts.id) ?? {
        status: 'UNKNOWN' as TestStepResult['status'],
        duration: { seconds: 0, nanos: 0 },
      };
      return pickleStep
        ? {
            kind: 'step' as const,
            keyword: this.keywords.get(pickleStep.astNodeIds[0] ?? '') ?? '',
            text: pickleStep.text,
            result,
          }
        : { kind: 'hook' as const, keyword: 'Hook', text: ts.hookId ?? 'hook', result };
    });
    return { pickle, attempt: started.attempt, steps, attachments: this.attachments.get(started.id) ?? [] };
  }

  private indexKeywords(document: GherkinDocument): void {
    for (const child of document.feature?.children ?? []) {
      const steps = [...(child.background?.steps ?? []), ...(child.scenario?.steps ?? [])];
      for (const rule of child.rule?.children ?? [])
        steps.push(...(rule.background?.steps ?? []), ...(rule.scenario?.steps ?? []));
      for (const step of steps) this.keywords.set(step.id, step.keyword.trim());
    }
  }
}
