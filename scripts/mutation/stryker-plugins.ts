// Stryker plugins of certbench's mutation testing (scripts/mutation.ts):
// - the `certbench` test runner: a certbench run of one protocol against the mutated reference GP system, in the
//   runner's own process (no start-up per mutant); a mutant is killed when some checkpoint's outcome differs from
//   the conforming system's;
// - the `fault-switches` ignorer: the reference GP's fault switches (`faults.has(...)`), the expressions they
//   alone decide and the faulty branch they guard are not the code under test (a conforming run never takes
//   them), and neither is the automation API's input checking (`if (…) throw invalid('…')`), which no receiver
//   sees (details at FaultSwitchIgnorer).
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
  diagnosekort: ['diagnosekort'],
  'kommunale-proevesvar': ['kommunale-proevesvar'],
  // The reference GP passes every variant (test/acknowledgement-send/run.test.ts), each with code of its own.
  'acknowledgement-send': [
    'acknowledgement-send@message',
    'acknowledgement-send@ehmi',
    'acknowledgement-send@synchronous',
  ],
  // profiles/reference-gp.yaml (the GP system sends) and profiles/reference-gp-plsp.yaml (PLSP sends for it).
  'lab-sharing': ['lab-sharing@gp-system', 'lab-sharing@plsp'],
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

/** The parts of a Babel node and NodePath the ignorer reads. */
interface Node {
  type: string;
  operator?: string;
  name?: string;
  value?: unknown;
  argument?: Node | null;
  arguments?: Node[];
  callee?: Node;
  object?: Node;
  property?: Node;
  expression?: Node;
  left?: Node;
  right?: Node;
  test?: Node | null;
  consequent?: Node;
  alternate?: Node | null;
  body?: Node[];
}
interface Path {
  node: Node;
  parentPath: Path | null;
  key: string | number | null;
  listKey?: string | null;
}

/** `faults.has('x')` or `ctx.faults.has('x')`: a fault switch, off in every conforming run. */
function isSwitch(node: Node): boolean {
  const { callee } = node;
  if (node.type !== 'CallExpression' || callee?.type !== 'MemberExpression') return false;
  const owner = callee.object;
  const named =
    (owner?.type === 'Identifier' && owner.name === 'faults') ||
    (owner?.type === 'MemberExpression' && owner.property?.name === 'faults');
  return named && callee.property?.name === 'has' && node.arguments?.[0]?.type === 'StringLiteral';
}

/**
 * The value an expression built from fault switches has in a conforming run (every switch off): `false` for
 * `faults.has('x')` and `faults.has('x') && …`, `true` for `!faults.has('x')` and `!faults.has('x') || …`;
 * `undefined` when it depends on anything else (e.g. `!faults.has('x') && value > 3` is `value > 3`).
 */
function valueWithoutFaults(node: Node | null | undefined): boolean | undefined {
  if (!node) return undefined;
  if (isSwitch(node)) return false;
  switch (node.type) {
    case 'ParenthesizedExpression':
    case 'TSNonNullExpression':
      return valueWithoutFaults(node.expression);
    case 'UnaryExpression': {
      const inner = node.operator === '!' ? valueWithoutFaults(node.argument) : undefined;
      return inner === undefined ? undefined : !inner;
    }
    case 'LogicalExpression': {
      const [left, right] = [valueWithoutFaults(node.left), valueWithoutFaults(node.right)];
      if (node.operator === '&&')
        return left === false || right === false ? false : left && right ? true : undefined;
      if (node.operator === '||')
        return left === true || right === true ? true : left === false && right === false ? false : undefined;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Whether a fault switch occurs anywhere in the expression. */
function hasSwitch(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if (isSwitch(node as Node)) return true;
  return Object.entries(node).some(
    ([key, value]) =>
      key !== 'loc' && key !== 'extra' && (Array.isArray(value) ? value.some(hasSwitch) : hasSwitch(value)),
  );
}

/** `invalid('…')`: the automation API's refusal of bad input (reference-gp/http/problem.ts). */
const isRefusal = (node: Node | null | undefined): boolean =>
  node?.type === 'CallExpression' && node.callee?.type === 'Identifier' && node.callee.name === 'invalid';

/** `throw invalid('…')`, alone or as the only statement of a block. */
function throwsRefusal(node: Node | null | undefined): boolean {
  if (node?.type === 'BlockStatement') return node.body?.length === 1 && throwsRefusal(node.body[0]);
  return node?.type === 'ThrowStatement' && isRefusal(node.argument);
}

/**
 * What is not the code under test (Stryker ignores the node and everything in it):
 * - a fault switch and any expression whose value the switches alone decide in a conforming run
 *   (`faults.has('x') && kind === 'PMR'`): with every fault off it is constant, so a mutant inside it either
 *   changes nothing or turns a fault on, i.e. rewires the switch. An expression that still depends on other code
 *   (`!faults.has('x') && value > 3`) is kept, except for the switch itself;
 * - the branch of an `if` / `?:` taken only when a fault is on;
 * - automation-API input checking: `if (…) throw invalid('…')` and the texts of refusals. certbench drives the
 *   system with valid input, and a refusal is neither sent, shown nor filed. (A mutant that refuses valid input
 *   would be killed; one that stops refusing bad input is the API's business, not the standard's.) A refusal
 *   that a fault switch can turn off is behaviour a protocol checks (Diagnosekort 3.3.7.2: nothing to share, no
 *   document), so it stays under test.
 */
class FaultSwitchIgnorer implements Ignorer {
  shouldIgnore(path: Path): string | undefined {
    const { node, parentPath: parent } = path;
    if (valueWithoutFaults(node) !== undefined) return 'fault switch';
    if (
      node.type === 'IfStatement' &&
      !node.alternate &&
      throwsRefusal(node.consequent) &&
      !hasSwitch(node.test)
    )
      return 'automation API input check';
    if (parent && isRefusal(parent.node) && path.listKey === 'arguments')
      return 'text of an automation API refusal';
    if (parent && (parent.node.type === 'IfStatement' || parent.node.type === 'ConditionalExpression')) {
      const test = valueWithoutFaults(parent.node.test);
      const faultOnly = test === false ? 'consequent' : test === true ? 'alternate' : undefined;
      if (faultOnly !== undefined && path.key === faultOnly)
        return 'branch taken only under a reference GP fault';
    }
    return undefined;
  }
}

export const strykerPlugins = [
  declareClassPlugin(PluginKind.TestRunner, 'certbench', CertbenchTestRunner),
  declareClassPlugin(PluginKind.Ignore, 'fault-switches', FaultSwitchIgnorer),
];
