// Stryker plugins of certbench's mutation testing (scripts/mutation.ts):
// - the `certbench` test runner: a certbench run of one protocol against the mutated reference GP system, in the
//   runner's own process (no start-up per mutant); a mutant is killed when some checkpoint's outcome differs from
//   the conforming system's;
// - the `fault-switches` ignorer: the reference GP's fault switches (`faults.has(...)`) and the faulty branch they
//   guard are not the code under test (a conforming run never takes them), and neither are the texts of the
//   automation API's refusals (`invalid('...')`), which no receiver sees.
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { commonTokens, declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';
import {
  DryRunStatus,
  MutantRunStatus,
  TestStatus,
  type DryRunOptions,
  type DryRunResult,
  type MutantRunOptions,
  type MutantRunResult,
  type TestRunner,
  type TestRunnerCapabilities,
} from '@stryker-mutator/api/test-runner';
import type { Ignorer } from '@stryker-mutator/api/ignore';
import type { Logger } from '@stryker-mutator/api/logging';
import type * as RunProtocolModule from './run-protocol.ts';

/** The protocol, and the variants each run covers (every format the reference GP can write). */
export const PROTOCOL_ENV = 'CERTBENCH_MUTATION_PROTOCOL';
export const TESTS: Record<string, string[]> = {
  'vandrejournal-maalinger': ['vandrejournal-maalinger@cda', 'vandrejournal-maalinger@fhir'],
  'dsj-gmv2': ['dsj-gmv2@cda', 'dsj-gmv2@fhir'],
  'intelligent-indbakke': ['intelligent-indbakke'],
};

type RunProtocol = typeof RunProtocolModule;
/**
 * The conforming outcomes, for processes Stryker starts for static mutants (they have no dry run of their own); in
 * the sandbox, which the runner process changes to after loading this module.
 */
const baselineFile = (): string => join(process.cwd(), '.mutation-baseline.json');

interface StrykerGlobal {
  activeMutant?: string;
  currentTestId?: string;
  hitCount?: number;
  hitLimit?: number;
  mutantCoverage?: { static: Record<string, number>; perTest: Record<string, Record<string, number>> };
}
const stryker = (): StrykerGlobal => {
  const g = globalThis as { __stryker__?: StrykerGlobal };
  g.__stryker__ ??= {};
  return g.__stryker__;
};

class CertbenchTestRunner implements TestRunner {
  static inject: [typeof commonTokens.logger] = [commonTokens.logger];
  private readonly log: Logger;
  private runner: RunProtocol | undefined;
  private readonly baseline = new Map<string, Map<string, string>>();
  private readonly tests: string[];

  constructor(log: Logger) {
    this.log = log;
    const protocol = process.env[PROTOCOL_ENV] ?? '';
    const tests = TESTS[protocol];
    if (!tests) throw new Error(`${PROTOCOL_ENV} must be one of ${Object.keys(TESTS).join(', ')}`);
    this.tests = tests;
  }

  capabilities(): TestRunnerCapabilities {
    // Modules are loaded by `import`, which cannot be undone: Stryker starts a new process for static mutants.
    return { reloadEnvironment: false };
  }

  /**
   * Loads certbench and the instrumented reference GP from the sandbox (this process runs in it). Not in init():
   * a static mutant (module-level code) must be active while the modules load, so its fresh process loads them
   * only once the mutant is set.
   */
  private async load(): Promise<RunProtocol> {
    this.runner ??= (await import(
      pathToFileURL(join(process.cwd(), 'scripts', 'mutation', 'run-protocol.ts')).href
    )) as RunProtocol;
    return this.runner;
  }

  private async run(test: string): Promise<Map<string, string>> {
    const [protocol = '', variant] = test.split('@');
    return (await this.load()).runProtocol(protocol, variant);
  }

  async dryRun(options: DryRunOptions): Promise<DryRunResult> {
    const ns = stryker();
    ns.activeMutant = undefined;
    // Loaded before any test is current, so Stryker sees module-level code as static coverage.
    await this.load();
    const tests = [];
    for (const test of this.tests) {
      const started = Date.now();
      ns.currentTestId = test;
      try {
        this.baseline.set(test, await this.run(test));
      } finally {
        ns.currentTestId = undefined;
      }
      this.log.info(`conforming run of ${test}: ${Date.now() - started} ms`);
      await writeFile(
        baselineFile(),
        JSON.stringify(Object.fromEntries([...this.baseline].map(([t, outcome]) => [t, [...outcome]]))),
      );
      tests.push({
        id: test,
        name: test,
        status: TestStatus.Success,
        timeSpentMs: Date.now() - started,
      } as const);
    }
    return {
      status: DryRunStatus.Complete,
      tests,
      ...(options.coverageAnalysis === 'off'
        ? {}
        : { mutantCoverage: ns.mutantCoverage ?? { static: {}, perTest: {} } }),
    };
  }

  async mutantRun(options: MutantRunOptions): Promise<MutantRunResult> {
    const ns = stryker();
    ns.activeMutant = options.activeMutant.id;
    ns.hitCount = options.hitLimit === undefined ? undefined : 0;
    ns.hitLimit = options.hitLimit;
    const tests = options.testFilter ?? this.tests;
    // A static mutant's process was started with the mutant active, so the conforming baseline is not this
    // process's: it comes from a dry run in a process of its own (the same runs, without the mutant).
    try {
      for (const test of tests) {
        const baseline = this.baseline.get(test) ?? (await this.conformingRun(test));
        const { differences } = await this.load();
        const changed = differences(baseline, await this.run(test));
        if (changed.length)
          return {
            status: MutantRunStatus.Killed,
            killedBy: [test],
            failureMessage: changed.join('; '),
            nrOfTests: 1,
          };
      }
      return { status: MutantRunStatus.Survived, nrOfTests: tests.length };
    } catch (error) {
      if (ns.hitLimit !== undefined && (ns.hitCount ?? 0) > ns.hitLimit)
        return { status: MutantRunStatus.Timeout, reason: `hit limit ${ns.hitLimit} reached` };
      // The run itself broke (e.g. the reference GP cannot start): certbench does not pass such a system.
      const message = error instanceof Error ? error.message : String(error);
      return {
        status: MutantRunStatus.Killed,
        killedBy: tests,
        failureMessage: `run error: ${message}`,
        nrOfTests: tests.length,
      };
    } finally {
      ns.activeMutant = undefined;
      ns.hitCount = undefined;
      ns.hitLimit = undefined;
    }
  }

  /** The conforming outcome, read from the file the dry run wrote in the sandbox. */
  private async conformingRun(test: string): Promise<Map<string, string>> {
    const saved = JSON.parse(await readFile(baselineFile(), 'utf8')) as Record<string, [string, string][]>;
    const baseline = new Map(saved[test] ?? []);
    if (baseline.size === 0) throw new Error(`no conforming run of ${test} in ${baselineFile()}`);
    this.baseline.set(test, baseline);
    return baseline;
  }
}

/** The part of a Babel NodePath the ignorer reads. */
interface Path {
  node: { type: string; start?: number | null; end?: number | null };
  parentPath: Path | null;
  key: string | number | null;
  getSource(): string;
}

/** `faults.has('x')` or `ctx.faults.has('x')`, possibly negated: a fault switch, on in no conforming run. */
const SWITCH = String.raw`[\w.]*faults\.has\(\s*'[\w-]+'\s*\)`;
const IS_SWITCH = new RegExp(String.raw`^!?\s*${SWITCH}$`);
/** Tests true only under a fault: the switch alone, or the switch and more (`faults.has('x') && …`). */
const ONLY_UNDER_FAULT = new RegExp(String.raw`^${SWITCH}(\s*&&[^|?]*)?$`, 's');
const ONLY_WITHOUT_FAULT = new RegExp(String.raw`^!\s*${SWITCH}$`);

type Child = Path & { get(key: string): Path };

class FaultSwitchIgnorer implements Ignorer {
  shouldIgnore(path: Path): string | undefined {
    for (
      let child: Path = path, parent = path.parentPath;
      parent;
      child = parent, parent = parent.parentPath
    ) {
      if (IS_SWITCH.test(child.getSource().trim())) return 'fault switch';
      const { type } = parent.node;
      if (type === 'CallExpression' && /^\s*invalid\(/.test(parent.getSource()) && child.key === 'arguments')
        return 'text of an automation API refusal';
      const and = type === 'LogicalExpression' && (parent.node as { operator?: string }).operator === '&&';
      if (type !== 'IfStatement' && type !== 'ConditionalExpression' && !and) continue;
      const test = (parent as Child)
        .get(and ? 'left' : 'test')
        .getSource()
        .trim();
      const faultBranch = ONLY_UNDER_FAULT.test(test)
        ? and
          ? 'right'
          : 'consequent'
        : ONLY_WITHOUT_FAULT.test(test) && !and
          ? 'alternate'
          : undefined;
      if (faultBranch !== undefined && child.key === faultBranch)
        return 'branch taken only under a reference GP fault';
    }
    return undefined;
  }
}

export const strykerPlugins = [
  declareClassPlugin(PluginKind.TestRunner, 'certbench', CertbenchTestRunner),
  declareClassPlugin(PluginKind.Ignore, 'fault-switches', FaultSwitchIgnorer),
];
