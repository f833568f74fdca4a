// The honest reference GP: a new Diagnosekort, an update and a removal, checked against the protocol's rules.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Fhir } from 'fhir';
import { first, resourcesOf, sha1, unpack, type Unpacked } from './fhir-access.ts';
import { DIAGNOSES, ELMER, startBench } from './harness.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WINTER = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+01:00$/;
const fhir = new Fhir();

/** Every `reference` in the document must be the fullUrl of one of its entries. */
function danglingReferences(document: fhir4.Bundle<fhir4.FhirResource>): string[] {
  const fullUrls = new Set((document.entry ?? []).map((e) => e.fullUrl));
  const dangling: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'reference' && typeof inner === 'string' && !fullUrls.has(inner)) dangling.push(inner);
        walk(inner);
      }
    }
  };
  walk(document.entry);
  return dangling;
}

const conditionsOf = (u: Unpacked) => resourcesOf(u.document, 'Condition');
const compositionOf = (u: Unpacked) => first(resourcesOf(u.document, 'Composition'));
const byText = (u: Unpacked, text: string) => first(conditionsOf(u).filter((c) => c.code?.text === text));

describe('reference GP shares a correct Diagnosekort', () => {
  let bench: Awaited<ReturnType<typeof startBench>>;
  const recorded: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let documentId: unknown;
  let v1: Unpacked;

  before(async () => {
    // A winter instant, so every dateTime must carry +01:00.
    bench = await startBench({ now: () => new Date('2025-01-15T09:00:00Z') });
    // The test environment holds an earlier test's diagnosis until the patient is reset.
    await bench.client.done('patient.reset', { patient: ELMER });
    for (const name of ['diabetes', 'kol', 'hypertension', 'depression'] as const) {
      const output = await bench.client.done('diagnosekort.register-diagnosis', {
        patient: ELMER,
        ...DIAGNOSES[name],
      });
      recorded[name] = output['recordedDate'] as string;
      ids[name] = output['diagnosisId'] as string;
    }
    documentId = (await bench.client.done('diagnosekort.share', { patient: ELMER }))['documentId'];
    v1 = unpack(bench.recipient.received[0]);
  });
  after(() => bench.stop());

  it('submits one ITI-65 transaction to the session address', () => {
    assert.equal(bench.recipient.received.length, 1);
    assert.deepEqual(bench.recipient.requests[0], {
      method: 'POST',
      path: '/document-sharing/fhir',
      contentType: 'application/fhir+json',
    });
    assert.equal(v1.transaction.type, 'transaction');
    assert.deepEqual(
      v1.transaction.entry?.map((e) => [e.resource?.resourceType, e.request?.method, e.request?.url]),
      [
        ['List', 'POST', 'List'],
        ['DocumentReference', 'POST', 'DocumentReference'],
        ['Binary', 'POST', 'Binary'],
      ],
    );
    for (const entry of v1.transaction.entry ?? []) assert.match(entry.fullUrl ?? '', URN_UUID);
  });

  it('describes the Binary with the right url, size and SHA-1 hash', () => {
    const attachment = first(v1.documentReference.content).attachment;
    const binaryEntry = v1.transaction.entry?.[2];
    assert.equal(attachment.url, binaryEntry?.fullUrl);
    assert.equal(v1.binary.contentType, 'application/fhir+json');
    assert.equal(attachment.size, v1.bytes.length);
    assert.equal(attachment.hash, sha1(v1.bytes));
  });

  it('builds a valid document Bundle with a fresh UUID identity and Danish time', () => {
    const { document } = v1;
    assert.equal(document.type, 'document');
    assert.equal(document.entry?.[0]?.resource?.resourceType, 'Composition');
    assert.match(document.id ?? '', UUID);
    assert.equal(document.identifier?.system, 'urn:ietf:rfc:3986');
    assert.match(document.identifier?.value ?? '', URN_UUID);
    assert.equal(documentId, document.identifier?.value);
    assert.match(document.timestamp ?? '', WINTER);
    const result = fhir.validate(document);
    const problems = result.messages.filter((m) => ['error', 'fatal'].includes(String(m.severity)));
    assert.deepEqual(problems, []);
    assert.deepEqual(
      result.messages.filter((m) => m.message === 'Unexpected property'),
      [],
    );
    assert.deepEqual(danglingReferences(document), []);
  });

  it('dates the Composition at the last change, before the sharing', () => {
    const composition = compositionOf(v1);
    assert.equal(composition.date, recorded['depression']);
    assert.notEqual(composition.date, v1.document.timestamp);
    assert.ok(new Date(composition.date) < new Date(v1.document.timestamp ?? ''));
    assert.equal(composition.title, `Diagnoseoversigt for ${ELMER}`);
    assert.deepEqual(
      [composition.status, composition.confidentiality, composition.language],
      ['final', 'N', 'da'],
    );
    assert.deepEqual(composition.type.coding?.[0]?.code, '11450-4');
  });

  it('shares every diagnosis once, with codes, text, registration time and no tillægstekst', () => {
    const conditions = conditionsOf(v1);
    assert.equal(conditions.length, 4);
    const section = compositionOf(v1).section?.[0]?.entry?.map((e) => e.reference);
    assert.deepEqual(
      section,
      conditions.map((c) => `urn:uuid:${c.id}`),
    );
    for (const c of conditions) {
      assert.equal(c.note, undefined);
      assert.match(c.identifier?.[0]?.value ?? '', URN_UUID);
      assert.match(c.recordedDate ?? '', WINTER);
      assert.equal(
        c.category?.filter((cat) => cat.coding?.[0]?.system === 'http://snomed.info/sct').length,
        1,
      );
    }
    assert.ok(!v1.bytes.toString('utf8').includes('Ryger'), 'the note text must not be in the document');
    const diabetes = byText(v1, 'Type 2-diabetes uden komplikationer');
    assert.deepEqual(
      diabetes.code?.coding?.map((c) => [c.system, c.code]),
      [
        ['urn:oid:1.2.208.176.2.4.12', 'DE119'],
        ['urn:oid:1.2.208.176.2.31', 'T90'],
      ],
    );
    assert.equal(diabetes.recordedDate, recorded['diabetes']);
    const depression = byText(v1, 'Depression');
    assert.deepEqual(
      depression.category?.map((cat) => cat.coding?.[0]?.code),
      ['encounter-diagnosis', '723506003'],
    );
    assert.deepEqual([depression.onsetDateTime, depression.abatementDateTime], ['2022-01-10', '2023-06-30']);
  });

  it('gives every resource a safe narrative naming its id', () => {
    for (const entry of v1.document.entry ?? []) {
      const resource = entry.resource as fhir4.DomainResource;
      assert.equal(resource.text?.status, 'generated');
      assert.ok(resource.text?.div.includes(resource.id ?? '?'));
      assert.ok(!/<script|base64|on\w+=/i.test(resource.text?.div ?? ''));
    }
    const patient = first(resourcesOf(v1.document, 'Patient'));
    assert.deepEqual(patient.identifier, [
      { use: 'official', system: 'urn:oid:1.2.208.176.1.2', value: ELMER },
    ]);
  });

  it('sends the MedCom ConditionList sharing metadata', () => {
    const ref = v1.documentReference;
    const code = (c: fhir4.CodeableConcept | undefined) => [c?.coding?.[0]?.system, c?.coding?.[0]?.code];
    assert.deepEqual(ref.masterIdentifier?.value, v1.document.identifier?.value);
    assert.match(ref.identifier?.[0]?.value ?? '', URN_UUID);
    assert.deepEqual(code(ref.type), ['urn:oid:2.16.840.1.113883.6.1', '11450-4']);
    assert.deepEqual(code(ref.category?.[0]), ['urn:oid:1.2.208.184.100.9', '001']);
    assert.deepEqual(code(ref.securityLabel?.[0]), ['urn:oid:2.16.840.1.113883.5.25', 'N']);
    assert.deepEqual(code(ref.context?.facilityType), ['urn:oid:2.16.840.1.113883.6.96', '394761003']);
    assert.deepEqual(code(ref.context?.practiceSetting), ['urn:oid:2.16.840.1.113883.6.96', '408443003']);
    const content = first(ref.content);
    assert.deepEqual(
      [content.format?.system, content.format?.code],
      ['urn:oid:1.2.208.184.100.10', 'urn:ad:dk:medcom:plr-v1.0:full'],
    );
    assert.deepEqual(
      [content.attachment.contentType, content.attachment.language],
      ['application/fhir+json', 'da'],
    );
    assert.equal(ref.extension?.[0]?.valueCoding?.code, '1.2.208.176.8.1');
    const patient = ref.contained?.find((r) => r.resourceType === 'Patient') as fhir4.Patient | undefined;
    assert.equal(ref.subject?.reference, `#${patient?.id}`);
    assert.equal(ref.context?.sourcePatientInfo?.reference, `#${patient?.id}`);
    assert.equal(patient?.identifier?.[0]?.value, ELMER);
    assert.equal(ref.relatesTo, undefined);
  });

  it('shares a new version after a status change, replacing the previous one', async () => {
    await bench.client.done('diagnosekort.update-diagnosis', {
      patient: ELMER,
      diagnosisId: ids['diabetes'],
      status: 'resolved',
      abatement: '2024-12-01',
    });
    await bench.client.done('diagnosekort.share', { patient: ELMER });
    const v2 = unpack(bench.recipient.received[1]);
    assert.notEqual(v2.document.id, v1.document.id);
    assert.notEqual(v2.document.identifier?.value, v1.document.identifier?.value);
    assert.ok(new Date(compositionOf(v2).date) > new Date(compositionOf(v1).date));
    const [before1, after1] = [
      byText(v1, 'Type 2-diabetes uden komplikationer'),
      byText(v2, 'Type 2-diabetes uden komplikationer'),
    ];
    assert.deepEqual(after1.identifier, before1.identifier);
    assert.equal(after1.category?.[1]?.coding?.[0]?.code, '723506003');
    assert.equal(after1.abatementDateTime, '2024-12-01');
    assert.deepEqual(byText(v2, 'Essentiel hypertension'), byText(v1, 'Essentiel hypertension'));
    assert.deepEqual(v2.documentReference.relatesTo, [
      { code: 'replaces', target: { identifier: v1.documentReference.identifier?.[0] } },
    ]);
  });

  it('leaves deselected and deleted diagnoses off the next version', async () => {
    await bench.client.done('diagnosekort.deselect-diagnosis', { patient: ELMER, diagnosisId: ids['kol'] });
    const deleted = await bench.client.done('diagnosekort.delete-diagnosis', {
      patient: ELMER,
      diagnosisId: ids['hypertension'],
    });
    await bench.client.done('diagnosekort.share', { patient: ELMER });
    const v3 = unpack(bench.recipient.received[2]);
    assert.deepEqual(
      conditionsOf(v3).map((c) => c.code?.text),
      ['Type 2-diabetes uden komplikationer', 'Depression'],
    );
    assert.equal(compositionOf(v3).section?.[0]?.entry?.length, 2);
    assert.equal(compositionOf(v3).date, deleted['changedAt']);
    const observed = await bench.client.call('GET', `/observations/diagnosekort.diagnoses?patient=${ELMER}`);
    assert.deepEqual(
      (observed.body['value'] as Array<{ diagnosisId: string }>).map((d) => d.diagnosisId),
      [ids['diabetes'], ids['depression']],
    );
  });
});
