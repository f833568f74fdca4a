// Step matching goes through regexp-match-indices, which package.json "overrides" replaces with shims/: the group
// positions cucumber-expressions reads must be the ones the original polyfill computed (the spec's match indices).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { CucumberExpression, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';

const require = createRequire(import.meta.url);
const execWithIndices = require('regexp-match-indices') as (
  regexp: RegExp,
  text: string,
) => (RegExpExecArray & { indices: [number, number][] }) | null;

test('the shim gives every group its start and end, undefined for a group that took no part', () => {
  const match = execWithIndices(/(a+)(x)?(b(c))/, 'zaabc');
  assert.ok(match);
  assert.deepEqual([...match.indices], [[1, 5], [1, 3], undefined, [3, 5], [4, 5]]);
  assert.equal(execWithIndices(/q/, 'abc'), null);
});

test('the shim keeps lastIndex as RegExp.exec does for global patterns, and leaves it for others', () => {
  const global = /b/g;
  assert.equal(execWithIndices(global, 'abab')?.index, 1);
  assert.equal(global.lastIndex, 2);
  assert.equal(execWithIndices(global, 'abab')?.index, 3);
  const plain = /b/;
  execWithIndices(plain, 'abab');
  assert.equal(plain.lastIndex, 0);
});

test('cucumber expressions match steps with it: values and their positions', () => {
  const expression = new CucumberExpression(
    'the GP system sends {int} diagnoses for {string}',
    new ParameterTypeRegistry(),
  );
  const args = expression.match('the GP system sends 3 diagnoses for "0101011234"');
  assert.ok(args);
  assert.deepEqual(
    args.map((a) => [a.getValue(null), a.group.start]),
    [
      [3, 20],
      ['0101011234', 36],
    ],
  );
});
