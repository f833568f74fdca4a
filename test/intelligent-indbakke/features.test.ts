// Requisition references become requisition numbers unique to a run, and patient.reset forgets only the reset
// patient's requisitions: one reference ordered for two patients in different features would collide in the SUT.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';

const FEATURES = join(PACKAGE_ROOT, 'features', 'intelligent-indbakke');
const ORDER = /test patient "(\d{10})" has requisition "([^"]+)" ordered/g;

test('every requisition reference is ordered for one test patient only, across the whole protocol', () => {
  const patientsOf = new Map<string, Set<string>>();
  for (const file of readdirSync(FEATURES).filter((f) => f.endsWith('.feature')))
    for (const [, patient = '', ref = ''] of readFileSync(join(FEATURES, file), 'utf8').matchAll(ORDER)) {
      const patients = patientsOf.get(ref) ?? new Set();
      patients.add(patient);
      patientsOf.set(ref, patients);
    }
  assert.ok(patientsOf.size >= 10, 'the features order requisitions');
  assert.deepEqual(
    [...patientsOf]
      .filter(([, patients]) => patients.size > 1)
      .map(([ref, p]) => `${ref}: ${[...p].join(', ')}`),
    [],
  );
});
