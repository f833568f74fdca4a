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
