// MedCom's Table 2 end to end (send protocol 3.4.2): a system that shares the incomplete historical diagnoses as they
// are registered is Godkendt; one that drops the malformed codes is caught by DK-3.4.2.2-b only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Exchange } from '../../src/evidence/exchange.ts';
import { unpackProvideDocumentBundle } from '../../src/fhir/mhd.ts';
import { checkpoint, runReference } from '../support/run.ts';

test('the incomplete historical diagnoses of Table 2, shared as registered, are Godkendt', async () => {
  const { result, outDir } = await runReference({ protocols: ['diagnosekort'] });
  assert.equal(result.protocols[0]?.approval, 'Godkendt');
  for (const id of ['DK-3.4.2.1', 'DK-3.4.2.2', 'DK-3.4.2.2-b'])
    assert.equal(checkpoint(result, id).status, 'passed', id);
  // The last document of the flow is the card of step 3.4.2.2.
  const ids = new Set(checkpoint(result, 'DK-3.4.2.2').evidence);
  const last = result.evidence.filter((e) => ids.has(e.id) && e.direction === 'incoming').at(-1);
  assert.ok(last);
  const exchange = JSON.parse(readFileSync(join(outDir, last.file), 'utf8')) as Exchange;
  const document = unpackProvideDocumentBundle(JSON.parse(exchange.request.body?.text ?? '{}')).document;
  const conditions = (document?.entry as { resource: { resourceType: string; code?: unknown } }[])
    .map((e) => e.resource)
    .filter((r) => r.resourceType === 'Condition');
  const codes = JSON.stringify(conditions.map((c) => c.code));
  for (const historical of ['"D B001"', '"m431"', '"D?"', '"text":"NULL"', '"text":"#I/T"'])
    assert.ok(codes.includes(historical), `${historical} is shared as registered`);
  // 18 rows; the one with neither code nor text may be shared without code or left out.
  assert.ok(conditions.length === 17 || conditions.length === 18, `${conditions.length} Conditions`);
});

test('a system that drops the malformed historical codes fails DK-3.4.2.2-b, naming the code', async () => {
  const { result } = await runReference({ protocols: ['diagnosekort'], faults: ['drop-incomplete-codings'] });
  const failed = result.protocols[0]?.checkpoints.filter((c) => c.status === 'failed').map((c) => c.id);
  assert.deepEqual(failed, ['DK-3.4.2.2-b']);
  assert.match(
    checkpoint(result, 'DK-3.4.2.2-b').message ?? '',
    /lacks the registered coding urn:oid:1\.2\.208\.176\.2\.4\.12\|m431/,
  );
});
