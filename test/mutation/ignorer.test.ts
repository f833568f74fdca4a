// The `fault-switches` ignorer of the mutation run (scripts/mutation/stryker-plugins.ts) skips exactly what
// docs/mutation/README.md says: fault switches and what they alone decide, the branch only a fault takes, and
// automation-API input checks — and keeps the code that makes what the SUT sends, including refusals a fault
// can turn off. Checked with Stryker's own instrumenter on small sources.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import type { Ignorer } from '@stryker-mutator/api/ignore';
import type { Logger } from '@stryker-mutator/api/logging';
import { strykerPlugins } from '../../scripts/mutation/stryker-plugins.ts';

const silent = new Proxy({}, { get: () => () => false }) as Logger;
const ignorer = (): Ignorer => {
  const plugin = strykerPlugins.find((p) => p.name === 'fault-switches') as unknown as {
    injectableClass: new () => Ignorer;
  };
  return new plugin.injectableClass();
};

/** Every mutant's original text, with the ignorer's reason or `tested`. */
async function mutantsOf(source: string): Promise<{ text: string; reason: string }[]> {
  const { mutants } = await new Instrumenter(silent).instrument(
    [{ name: 'sample.ts', content: source, mutate: true }],
    { plugins: null, excludedMutations: [], ignorers: [ignorer()], noHeader: true },
  );
  const lines = source.split('\n');
  return mutants.map((m) => ({
    text: (lines[m.location.start.line] ?? '').slice(m.location.start.column, m.location.end.column),
    reason: m.statusReason ?? 'tested',
  }));
}

const reasonsFor = (mutants: { text: string; reason: string }[], text: string) =>
  new Set(mutants.filter((m) => m.text === text).map((m) => m.reason));

test('a fault switch, what it alone decides and the branch only a fault takes are ignored', async () => {
  const mutants = await mutantsOf(
    [
      'export function f(faults: Set<string>, kind: string, value: number): string {',
      "  if (kind === 'PMR' && faults.has('x')) return 'fault';",
      "  if (!faults.has('y') && value > 3) return 'big';",
      "  return faults.has('z') ? 'faulty' : 'right';",
      '}',
    ].join('\n'),
  );
  assert.deepEqual(reasonsFor(mutants, "kind === 'PMR' && faults.has('x')"), new Set(['fault switch']));
  assert.deepEqual(reasonsFor(mutants, "kind === 'PMR'"), new Set(['fault switch']));
  assert.deepEqual(reasonsFor(mutants, "'fault'"), new Set(['branch taken only under a reference GP fault']));
  // The comparison next to a negated switch still decides the outcome: under test.
  assert.deepEqual(reasonsFor(mutants, 'value > 3'), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, "!faults.has('y') && value > 3"), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, "'right'"), new Set(['tested']));
  assert.deepEqual(
    reasonsFor(mutants, "'faulty'"),
    new Set(['branch taken only under a reference GP fault']),
  );
});

test('automation-API input checks are ignored, a refusal a fault can turn off is not', async () => {
  const mutants = await mutantsOf(
    [
      'export function g(faults: Set<string>, n: number, list: string[]): string[] {',
      "  if (n < 0) throw invalid('n must be ≥ 0');",
      "  if (list.length === 0 && !faults.has('share-empty-card')) throw invalid('nothing to share');",
      "  return list.map((x) => x + '!');",
      '}',
    ].join('\n'),
  );
  assert.deepEqual(reasonsFor(mutants, 'n < 0'), new Set(['automation API input check']));
  assert.deepEqual(reasonsFor(mutants, 'list.length === 0'), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, "'nothing to share'"), new Set(['text of an automation API refusal']));
  assert.deepEqual(reasonsFor(mutants, "'!'"), new Set(['tested']));
});

const AFTER_EXIT =
  'code after a return that every conforming run takes (reached only under a reference GP fault)';
const HELPER = 'helper called only by code that runs under a reference GP fault';
const BRANCH = 'branch taken only under a reference GP fault';

test('what follows an `if` that returns in every conforming run is ignored, nothing a conforming run reaches', async () => {
  const mutants = await mutantsOf(
    [
      'export function h(faults: Set<string>, n: number, items: string[]): string {',
      "  if (n > 5) return 'big';",
      "  if (!faults.has('dup-fatal')) return 'ok' + n;",
      "  const text = 'fault ' + n;",
      '  return text;',
      '}',
      'export function i(faults: Set<string>, n: number): string {',
      "  if (!faults.has('a') && n > 3) return 'three';",
      "  if (faults.has('b')) return 'b';",
      "  if (!faults.has('c')) { items(n); }",
      "  if (!faults.has('d')) { if (n > 1) return 'one'; }",
      "  return 'rest';",
      '}',
      'export function j(faults: Set<string>, items: string[]): string[] {',
      '  const out: string[] = [];',
      '  for (const item of items) {',
      "    if (!faults.has('e')) continue;",
      "    out.push(item + ' twice');",
      '  }',
      "  return out.concat(['end']);",
      '}',
    ].join('\n'),
  );
  assert.deepEqual(reasonsFor(mutants, "'big'"), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, 'n > 5'), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, "'ok'"), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, "'fault '"), new Set([AFTER_EXIT]));
  // The return is not certain (n > 3), the if that returns only under a fault, a branch that does not return,
  // a nested return that depends on n: what follows each runs in some conforming run.
  assert.deepEqual(reasonsFor(mutants, "'rest'"), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, "'one'"), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, "' twice'"), new Set([AFTER_EXIT]));
  assert.deepEqual(reasonsFor(mutants, "['end']"), new Set(['tested']));
});

test('a fault switch held in a constant is a fault switch; one in a reassigned variable is not', async () => {
  const mutants = await mutantsOf(
    [
      'export function k(faults: Set<string>, n: number): string {',
      "  const stale = faults.has('x');",
      "  let late = faults.has('y');",
      '  if (n > 2) late = true;',
      "  const a = stale ? 'old' : 'new';",
      "  const b = late ? 'later' : 'now';",
      "  const c = ((stale: boolean) => (stale ? 'inner' : 'outer'))(n > 1);",
      '  if (stale) return a;',
      '  if (late) return b;',
      '  return a + b + c;',
      '}',
    ].join('\n'),
  );
  assert.deepEqual(reasonsFor(mutants, "'old'"), new Set([BRANCH]));
  assert.deepEqual(reasonsFor(mutants, "'new'"), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, 'stale'), new Set(['fault switch']));
  assert.deepEqual(reasonsFor(mutants, "'later'"), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, 'late'), new Set(['tested']));
  // A parameter of the same name shadows the constant: it holds n > 1.
  assert.deepEqual(reasonsFor(mutants, "'inner'"), new Set(['tested']));
});

test('a parameter every call in the module sets to a switch is a switch; an exported function is not known', async () => {
  const mutants = await mutantsOf(
    [
      "const wrap = (text: string, broken: boolean): string => (broken ? 'broken' : `<${text}>`);",
      'function tag(text: string, bare: boolean): string {',
      "  return bare ? text : text + ' tagged';",
      '}',
      'export function name(text: string, short: boolean): string {',
      "  return short ? 'short' : text;",
      '}',
      'export function l(faults: Set<string>, t: string, n: number): string {',
      "  return wrap(t, faults.has('x')) + wrap(t + '!', !!faults.has('y') && n > 0) + tag(t, faults.has('z')) +",
      "    tag(t, n > 4) + name(t, faults.has('w'));",
      '}',
    ].join('\n'),
  );
  assert.deepEqual(reasonsFor(mutants, "'broken'"), new Set([BRANCH]));
  assert.deepEqual(reasonsFor(mutants, '`<${text}>`'), new Set(['tested']));
  // tag() is also called with n > 4, name() may be called from other modules.
  assert.deepEqual(reasonsFor(mutants, "' tagged'"), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, "'short'"), new Set(['tested']));
});

test("a module's own helper that only fault code calls is ignored, one a conforming run calls is not", async () => {
  const mutants = await mutantsOf(
    [
      "function fatal(reason: string): string { return 'fatal: ' + reason; }",
      "const shout = (text: string): string => text + ' !!';",
      "function ok(): string { return 'ok'; }",
      "function both(): string { return 'both'; }",
      "export function shared(): string { return 'shared'; }",
      'function twice(text: string): string { return shout(text) + shout(text); }',
      'export function m(faults: Set<string>, duplicate: boolean): string {',
      "  if (faults.has('a')) return both() + shared();",
      '  if (!duplicate) return ok() + both();',
      "  if (!faults.has('dup-fatal')) return ok();",
      "  return fatal('duplicate') + twice('x');",
      '}',
    ].join('\n'),
  );
  assert.deepEqual(reasonsFor(mutants, "'fatal: '"), new Set([HELPER]));
  // Called only by a helper that only fault code calls.
  assert.deepEqual(reasonsFor(mutants, "' !!'"), new Set([HELPER]));
  assert.deepEqual(reasonsFor(mutants, "'ok'"), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, "'both'"), new Set(['tested']));
  assert.deepEqual(reasonsFor(mutants, "'shared'"), new Set(['tested']));
});
