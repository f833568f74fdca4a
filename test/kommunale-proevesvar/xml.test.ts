// The FHIR XML certbench delivers for receive protocol 3.3.5 (test example 4 as XML and as JSON): written from MedCom's
// JSON by the `fhir` package, it must say the same. Read back, every HomeCareObservation example MedCom publishes is
// equal to its JSON (FHIR.js reads decimals as text, so values are compared as text), and elements follow R4's order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fhirPackage from 'fhir';
import { toFhirXml } from '../../src/fhir/xml.ts';
import { EXAMPLES, loadExample, type ExampleId } from '../../src/rules/homecare/examples.ts';

/** Numbers and booleans as text: FHIR XML carries every primitive as a value attribute. */
function asText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asText);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

for (const id of Object.keys(EXAMPLES) as ExampleId[])
  test(`MedCom's example ${id} as FHIR XML says what its JSON says`, () => {
    const json = loadExample(id);
    const xml = toFhirXml(json);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?><Bundle xmlns="http:\/\/hl7.org\/fhir">/);
    const back = new fhirPackage.Fhir().xmlToObj(xml) as unknown;
    assert.deepEqual(asText(back), asText(json));
  });

test('elements are written in the order of the R4 definitions, primitives as value attributes', () => {
  const observation = {
    resourceType: 'Observation',
    id: 'o',
    status: 'final',
    code: { coding: [{ system: 'urn:oid:1.2.208.176.2.1', code: 'NPU22089' }] },
    valueQuantity: { value: 6.8, unit: 'mmol/L', comparator: '<' },
    effectiveDateTime: '2025-08-08T13:00:00+02:00',
    subject: { reference: 'Patient/p' },
  };
  const xml = toFhirXml(observation);
  const order = [...xml.matchAll(/<(\w+)[ >/]/g)].map((m) => m[1]);
  assert.deepEqual(order, [
    'Observation',
    'id',
    'status',
    'code',
    'coding',
    'system',
    'code',
    'subject',
    'reference',
    'effectiveDateTime',
    'valueQuantity',
    'value',
    'comparator',
    'unit',
  ]);
  assert.match(xml, /<value value="6.8"\/><comparator value="&lt;"\/>/);
});
