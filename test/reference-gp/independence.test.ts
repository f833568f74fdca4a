// The reference GP is an independent implementation: it must not use the judge's rules or steps, or a shared
// mistake passes on both sides. The files listed here still do (pregnancy, DSJ and inbox codes and models, before
// this rule existed); issue 17 removes them. No other file may join them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';

const STILL_SHARED = new Set([
  'dsj/fields.ts',
  'dsj/gmv2.ts',
  'faults/pregnancy-mutations.ts',
  'inbox/model.ts',
  'pregnancy/cda-document.ts',
  'pregnancy/entries.ts',
  'pregnancy/fhir-document.ts',
  'pregnancy/records.ts',
  'pregnancy/share.ts',
  'pregnancy/spec.ts',
  'pregnancy/submit.ts',
]);

test("the reference GP imports none of the judge's rules or steps (except the files still listed)", () => {
  const dir = join(PACKAGE_ROOT, 'reference-gp');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const importing = files.filter((file) =>
    /from '(\.\.\/)+(src\/rules|steps)\//.test(readFileSync(join(dir, file), 'utf8')),
  );
  assert.deepEqual(
    importing.filter((f) => !STILL_SHARED.has(f)),
    [],
    'a reference GP file imports src/rules or steps',
  );
  assert.deepEqual(
    [...STILL_SHARED].filter((f) => !importing.includes(f)),
    [],
    'a listed file no longer imports the judge: take it off the list',
  );
});
