// Cross-check with MedCom's own ConditionList send TestScripts: the documents the reference GP system shares in a
// certbench run satisfy every FHIRPath assert of the TestScripts that fit their scenario. If certbench's rules and
// MedCom's asserts ever disagree about the reference system, one of the two tests shows it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Exchange } from '../../src/evidence/exchange.ts';
import { evaluate } from '../../src/fhir/fhirpath.ts';
import { unpackProvideDocumentBundle } from '../../src/fhir/mhd.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { checkpoint, runReference } from '../support/run.ts';
import { SHARED } from '../support/temp.ts';

interface TestScript {
  test?: { action?: { assert?: { expression?: string; warningOnly?: boolean; description?: string } }[] }[];
}

function asserts(name: string): { expression: string; description: string }[] {
  const script = JSON.parse(
    readFileSync(
      join(SHARED, 'examples/medcom/testscripts', `conditionlist-send-testscript-${name}.json`),
      'utf8',
    ),
  ) as TestScript;
  return (script.test ?? [])
    .flatMap((t) => t.action ?? [])
    .map((a) => a.assert)
    .filter(
      (a): a is { expression: string; warningOnly?: boolean; description?: string } =>
        Boolean(a?.expression) && !a?.warningOnly,
    )
    .map((a) => ({ expression: a.expression, description: a.description ?? a.expression }));
}

/** The n-th document the flow shared (0: step 3.3.1.3), read back from the evidence of a checkpoint. */
function documentOf(outDir: string, result: CertificationResult, checkpointId: string, n: number): unknown {
  const ids = new Set(checkpoint(result, checkpointId).evidence);
  const incoming = result.evidence.filter((e) => ids.has(e.id) && e.direction === 'incoming')[n];
  assert.ok(incoming, `no submission ${n} in the evidence of ${checkpointId}`);
  const exchange = JSON.parse(readFileSync(join(outDir, incoming.file), 'utf8')) as Exchange;
  const unpacked = unpackProvideDocumentBundle(JSON.parse(exchange.request.body?.text ?? '{}'));
  assert.ok(unpacked.document, unpacked.problems.join('; '));
  return unpacked.document;
}

test("the reference GP system's documents pass MedCom's send TestScript asserts for their scenario", async () => {
  const { result, outDir } = await runReference();
  // The documents of steps 3.3.2.2 (three diagnoses) and 3.3.5.2 (five, both types, an ended one).
  const s1New = documentOf(outDir, result, 'DK-MHD-1', 2);
  const s1A1 = documentOf(outDir, result, 'DK-MHD-1', 5);
  const cases: [string, unknown][] = [
    ['bundle-timestamp-not-equal-to-composition-date', s1New],
    ['more-than-one-condition', s1New],
    ['multiple-conditions-unique-condition-id', s1New],
    ['multiple-conditions-unique-timestamp', s1New],
    ['note-text-not-present', s1New],
    ['onset-date-time-before-abatement-date-time', s1New],
    ['onset-date-time-is-before-recorded-date', s1New],
    ['register-conditions-with-different-recorded-dates', s1New],
    ['sks-d-code-exists', s1New],
    ['maximum-example', s1A1],
  ];
  const failing: string[] = [];
  for (const [script, document] of cases) {
    const list = asserts(script);
    assert.ok(list.length > 0, `${script} has asserts`);
    for (const a of list) {
      const value = evaluate(document, a.expression);
      if (!(value.length === 1 && value[0] === true))
        failing.push(`${script}: ${a.description} → ${JSON.stringify(value)}`);
    }
  }
  assert.deepEqual(failing, []);
});
