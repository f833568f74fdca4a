// Stryker plugins of certbench's mutation testing (scripts/mutation.ts):
// - the `certbench` test runner: a certbench run of one protocol against the mutated reference GP system, in the
//   runner's own process (no start-up per mutant); a mutant is killed when some checkpoint's outcome differs from
//   the conforming system's;
// - the `fault-switches` ignorer: the reference GP's fault switches (`faults.has(...)`), the expressions they
//   alone decide (also through a constant or a parameter), the faulty branch they guard, the code after a return
//   every conforming run takes and the helpers only such code calls are not the code under test (a conforming run
//   never runs them), and neither is the automation API's input checking (`if (…) throw invalid('…')`), which no receiver
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

  private async run(test: string, failFast = false): Promise<Map<string, string>> {
    const [protocol = '', variant] = test.split('@');
    return (await this.load()).runProtocol(protocol, variant, { failFast });
  }

  /**
   * The checkpoints whose outcome the mutant changed. Unless Stryker asks for every test's result (disableBail),
   * the run stops at its first failed scenario, as Stryker's own runners bail at the first failed test: a mutant
   * that fails early no longer waits through the rest of the protocol (a lost acknowledgement: every scenario's
   * wait). When the stopped run shows no checkpoint failed unlike the conforming run, it is run again in full.
   */
  private async changes(test: string, baseline: Map<string, string>, bail: boolean): Promise<string[]> {
    const { differences, failedUnlikeBaseline } = await this.load();
    if (bail) {
      const now = await this.run(test, true);
      if (failedUnlikeBaseline(baseline, now)) return differences(baseline, now);
      const changed = differences(baseline, now);
      if (changed.length === 0) return changed;
    }
    return differences(baseline, await this.run(test));
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
        const changed = await this.changes(test, baseline, !options.disableBail);
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

/** The parts of a Babel node, NodePath and scope binding the ignorer reads. */
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
  consequent?: Node | Node[];
  alternate?: Node | null;
  body?: Node[] | Node;
  id?: Node | null;
  init?: Node | null;
}
interface Binding {
  kind: string;
  constant: boolean;
  path: Path;
  referencePaths: Path[];
}
interface Path {
  node: Node;
  parentPath: Path | null;
  key: string | number | null;
  listKey?: string | null;
  scope: { getBinding(name: string): Binding | undefined };
  isReferencedIdentifier(): boolean;
  traverse(visitor: { enter(path: Path): void }): void;
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

/** The value a variable or parameter (an identifier in an expression) has in every conforming run, if known. */
type Lookup = (identifier: Node) => boolean | undefined;

/**
 * The value an expression built from fault switches has in a conforming run (every switch off): `false` for
 * `faults.has('x')` and `faults.has('x') && …`, `true` for `!faults.has('x')` and `!faults.has('x') || …`;
 * `undefined` when it depends on anything else (e.g. `!faults.has('x') && value > 3` is `value > 3`). An
 * identifier has the value `lookup` knows for it (a constant or parameter that holds a switch).
 */
function valueWithoutFaults(node: Node | null | undefined, lookup: Lookup): boolean | undefined {
  if (!node) return undefined;
  if (isSwitch(node)) return false;
  switch (node.type) {
    case 'Identifier':
      return lookup(node);
    case 'ParenthesizedExpression':
    case 'TSNonNullExpression':
      return valueWithoutFaults(node.expression, lookup);
    case 'UnaryExpression': {
      const inner = node.operator === '!' ? valueWithoutFaults(node.argument, lookup) : undefined;
      return inner === undefined ? undefined : !inner;
    }
    case 'LogicalExpression': {
      const [left, right] = [valueWithoutFaults(node.left, lookup), valueWithoutFaults(node.right, lookup)];
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

/** The branch of an `if` / `?:` with this test that only a fault takes. */
function faultOnlyBranch(
  test: Node | null | undefined,
  lookup: Lookup,
): 'consequent' | 'alternate' | undefined {
  const value = valueWithoutFaults(test, lookup);
  return value === false ? 'consequent' : value === true ? 'alternate' : undefined;
}

/**
 * Whether a statement never completes normally in a conforming run: a `return`, `throw`, `break` or `continue`,
 * a block with one, or an `if` whose branches that a conforming run takes all do (`if (!faults.has('x')) return …`).
 */
function exits(node: Node | null | undefined, lookup: Lookup): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return true;
    case 'BlockStatement':
      return Array.isArray(node.body) && node.body.some((statement) => exits(statement, lookup));
    case 'IfStatement': {
      const value = valueWithoutFaults(node.test, lookup);
      const consequent = exits(node.consequent as Node, lookup);
      const alternate = exits(node.alternate, lookup);
      return value === true ? consequent : value === false ? alternate : consequent && alternate;
    }
    default:
      return false;
  }
}

const isFunction = (node: Node): boolean =>
  node.type === 'FunctionDeclaration' ||
  node.type === 'FunctionExpression' ||
  node.type === 'ArrowFunctionExpression';

/** A statement of a block, a module or a `case` (its siblings run one after another). */
const inStatementList = (path: Path): boolean =>
  typeof path.key === 'number' &&
  ((path.listKey === 'body' &&
    (path.parentPath?.node.type === 'BlockStatement' || path.parentPath?.node.type === 'Program')) ||
    (path.listKey === 'consequent' && path.parentPath?.node.type === 'SwitchCase'));

const AFTER_EXIT =
  'code after a return that every conforming run takes (reached only under a reference GP fault)';
const FAULT_HELPER = 'helper called only by code that runs under a reference GP fault';

/**
 * What the fault switches decide in one module, worked out once on the module as written (before Stryker places
 * any mutant in it, which would hide the original statements): the constants and parameters that hold a switch,
 * the statements after a return every conforming run takes, and the module's own helpers that only fault code
 * calls. Only what is certain: a function that is exported or used other than by calling it in this module, a
 * variable that is reassigned, a parameter that a call passes anything else is left under test.
 */
class FaultAnalysis {
  /** Statements and functions no conforming run executes, with the reason. */
  readonly ignored = new Map<Node, string>();
  /** Identifiers (in expressions) whose value every conforming run knows. */
  readonly known = new Map<Node, boolean>();
  private readonly references = new Map<Node, Path>();
  private readonly values = new Map<Node, boolean | undefined | null>();
  private readonly helpers = new Map<Node, boolean | null>();
  private readonly lookup: Lookup = (identifier) => this.identifierValue(identifier);

  constructor(program: Path) {
    const functions: Path[] = [];
    const statements: Path[] = [];
    program.traverse({
      enter: (path) => {
        if (path.node.type === 'Identifier' && path.isReferencedIdentifier())
          this.references.set(path.node, path);
        if (isFunction(path.node)) functions.push(path);
        if (inStatementList(path)) statements.push(path);
      },
    });
    for (const identifier of this.references.keys()) {
      const value = this.identifierValue(identifier);
      if (value !== undefined) this.known.set(identifier, value);
    }
    for (const statement of statements)
      if (this.afterExit(statement)) this.ignored.set(statement.node, AFTER_EXIT);
    for (const fn of functions) if (this.isFaultOnlyHelper(fn)) this.ignored.set(fn.node, FAULT_HELPER);
  }

  /** A constant set to a switch expression, or a parameter every call that can run passes one value of. */
  private identifierValue(identifier: Node): boolean | undefined {
    const path = this.references.get(identifier);
    const binding = path && identifier.name ? path.scope.getBinding(identifier.name) : undefined;
    if (!binding?.constant) return undefined;
    const key = binding.path.node;
    const memo = this.values.get(key);
    if (memo !== undefined) return memo ?? undefined;
    if (this.values.has(key)) return undefined; // a cycle: not known
    this.values.set(key, undefined);
    const value =
      binding.path.node.type === 'VariableDeclarator' && binding.path.node.id?.type === 'Identifier'
        ? valueWithoutFaults(binding.path.node.init, this.lookup)
        : binding.kind === 'param'
          ? this.parameterValue(binding.path)
          : undefined;
    this.values.set(key, value ?? null);
    return value;
  }

  private parameterValue(parameter: Path): boolean | undefined {
    const fn = parameter.parentPath;
    if (!fn || parameter.listKey !== 'params' || typeof parameter.key !== 'number') return undefined;
    if (parameter.node.type !== 'Identifier') return undefined; // a default value or a pattern
    const index = parameter.key;
    const references = this.callers(fn);
    if (!references) return undefined;
    const values = new Set<boolean | undefined>();
    for (const reference of references) {
      if (this.faultOnly(reference)) continue;
      const call = reference.parentPath?.node;
      if (call?.type !== 'CallExpression' || reference.key !== 'callee') return undefined;
      const args = call.arguments ?? [];
      if (args.slice(0, index + 1).some((arg) => arg.type === 'SpreadElement')) return undefined;
      values.add(valueWithoutFaults(args[index], this.lookup));
    }
    return values.size === 1 ? [...values][0] : undefined;
  }

  /** Where the module names the function: undefined when it is exported (other modules may call it). */
  private callers(fn: Path): Path[] | undefined {
    const { node, parentPath: parent } = fn;
    if (!parent) return undefined;
    let name: string | undefined;
    let declaration: Node | undefined;
    if (node.type === 'FunctionDeclaration') {
      if (parent.node.type.startsWith('Export')) return undefined;
      [name, declaration] = [node.id?.name, node];
    } else if (parent.node.type === 'VariableDeclarator' && fn.key === 'init') {
      if (parent.parentPath?.parentPath?.node.type.startsWith('Export')) return undefined;
      [name, declaration] = [
        parent.node.id?.type === 'Identifier' ? parent.node.id.name : undefined,
        parent.node,
      ];
    }
    const binding = name ? parent.scope.getBinding(name) : undefined;
    if (!binding?.constant || binding.path.node !== declaration) return undefined;
    return binding.referencePaths;
  }

  /** A function of this module named only in code that runs under a fault (at least once). */
  private isFaultOnlyHelper(fn: Path): boolean {
    const memo = this.helpers.get(fn.node);
    if (memo !== undefined) return memo ?? false;
    this.helpers.set(fn.node, null); // a cycle: not fault-only
    const references = this.callers(fn);
    const faultOnly = !!references?.length && references.every((reference) => this.faultOnly(reference));
    this.helpers.set(fn.node, faultOnly);
    return faultOnly;
  }

  /** Whether a conforming run never reaches this code. */
  private faultOnly(path: Path): boolean {
    for (let at: Path = path; at.parentPath; at = at.parentPath) {
      const parent = at.parentPath.node;
      if (
        (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') &&
        at.key === faultOnlyBranch(parent.test, this.lookup)
      )
        return true;
      if (parent.type === 'LogicalExpression' && at.key === 'right') {
        const left = valueWithoutFaults(parent.left, this.lookup);
        if ((parent.operator === '&&' && left === false) || (parent.operator === '||' && left === true))
          return true;
      }
      if (this.afterExit(at)) return true;
      if (isFunction(at.node) && this.isFaultOnlyHelper(at)) return true;
    }
    return false;
  }

  /** A statement after a sibling that never completes normally in a conforming run (`if (!faults.has…) return`). */
  private afterExit(path: Path): boolean {
    if (!inStatementList(path) || typeof path.key !== 'number' || !path.listKey) return false;
    const siblings = (path.parentPath?.node as unknown as Record<string, Node[]>)[path.listKey] ?? [];
    return siblings
      .slice(0, path.key)
      .some((sibling) => sibling.type === 'IfStatement' && exits(sibling, this.lookup));
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
  if (node?.type === 'BlockStatement')
    return Array.isArray(node.body) && node.body.length === 1 && throwsRefusal(node.body[0]);
  return node?.type === 'ThrowStatement' && isRefusal(node.argument);
}

/**
 * What is not the code under test (Stryker ignores the node and everything in it):
 * - a fault switch and any expression whose value the switches alone decide in a conforming run
 *   (`faults.has('x') && kind === 'PMR'`): with every fault off it is constant, so a mutant inside it either
 *   changes nothing or turns a fault on, i.e. rewires the switch. An expression that still depends on other code
 *   (`!faults.has('x') && value > 3`) is kept, except for the switch itself. A switch may be held in a constant
 *   (`const stale = faults.has('x')`) or passed as a parameter that every call of the module's own (not
 *   exported) function sets to a switch (FaultAnalysis);
 * - the branch of an `if` / `?:` taken only when a fault is on, the statements after an `if` that returns in
 *   every conforming run (`if (!faults.has('x')) return …; <fault-only code>`), and the module's own helpers
 *   that only such code calls;
 * - automation-API input checking: `if (…) throw invalid('…')` and the texts of refusals. certbench drives the
 *   system with valid input, and a refusal is neither sent, shown nor filed. (A mutant that refuses valid input
 *   would be killed; one that stops refusing bad input is the API's business, not the standard's.) A refusal
 *   that a fault switch can turn off is behaviour a protocol checks (Diagnosekort 3.3.7.2: nothing to share, no
 *   document), so it stays under test.
 */
class FaultSwitchIgnorer implements Ignorer {
  /** Per module (its Program node), worked out when Stryker enters it, before it places any mutant. */
  private readonly analyses = new WeakMap<Node, FaultAnalysis>();

  private analysisOf(path: Path): FaultAnalysis {
    let root = path;
    while (root.parentPath) root = root.parentPath;
    let analysis = this.analyses.get(root.node);
    if (!analysis) {
      analysis = new FaultAnalysis(root);
      this.analyses.set(root.node, analysis);
    }
    return analysis;
  }

  shouldIgnore(path: Path): string | undefined {
    const { node, parentPath: parent } = path;
    const analysis = this.analysisOf(path);
    const lookup: Lookup = (identifier) => analysis.known.get(identifier);
    const ignored = analysis.ignored.get(node);
    if (ignored) return ignored;
    if (valueWithoutFaults(node, lookup) !== undefined) return 'fault switch';
    if (
      node.type === 'IfStatement' &&
      !node.alternate &&
      throwsRefusal(node.consequent as Node) &&
      !hasSwitch(node.test)
    )
      return 'automation API input check';
    if (parent && isRefusal(parent.node) && path.listKey === 'arguments')
      return 'text of an automation API refusal';
    if (
      parent &&
      (parent.node.type === 'IfStatement' || parent.node.type === 'ConditionalExpression') &&
      path.key === faultOnlyBranch(parent.node.test, lookup)
    )
      return 'branch taken only under a reference GP fault';
    return undefined;
  }
}

export const strykerPlugins = [
  declareClassPlugin(PluginKind.TestRunner, 'certbench', CertbenchTestRunner),
  declareClassPlugin(PluginKind.Ignore, 'fault-switches', FaultSwitchIgnorer),
];
