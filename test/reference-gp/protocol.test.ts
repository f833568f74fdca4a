// The honest reference GP runs MedCom's ConditionList send protocol 1.0.2 with its test data, and every document
// is what the protocol's expected results say.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Fhir } from 'fhir';
import { PRACTICE, PREVIOUS_PRACTICE } from '../../reference-gp/test-data.ts';
import { first, resourcesOf, unpack, type Unpacked } from './fhir-access.ts';
import { SKS_D, startBench } from './harness.ts';
import { conditionTexts, runProtocol, TABLE2, type ProtocolRun, type ShareStep } from './protocol-flow.ts';

const fhir = new Fhir();

describe('MedCom ConditionList send protocol against the reference GP', () => {
  let bench: Awaited<ReturnType<typeof startBench>>;
  let run: ProtocolRun;
  const doc = (step: ShareStep): Unpacked => {
    const index = run.shares[step].transaction;
    assert.ok(index !== undefined, `a document was shared in step ${step}`);
    return unpack(bench.recipient.received[index]);
  };
  const conditions = (step: ShareStep) => resourcesOf(doc(step).document, 'Condition');
  const byText = (step: ShareStep, text: string) =>
    first(conditions(step).filter((c) => c.code?.text === text));
  const composition = (step: ShareStep) => first(resourcesOf(doc(step).document, 'Composition'));
  const sor = (organization: fhir4.Organization | undefined) =>
    organization?.identifier?.find((i) => i.system === 'urn:oid:1.2.208.176.1.1')?.value;

  before(async () => {
    bench = await startBench({ now: () => new Date('2025-01-15T09:00:00Z') });
    run = await runProtocol(bench.client, () => bench.recipient.received.length);
  });
  after(() => bench.stop());

  it('starts with no diagnoses after a reset (3.3.1.1)', () => {
    assert.deepEqual(run.views['3.3.1.1'], []);
  });

  it('shares only the current clinic’s diagnoses, authored by that clinic (3.3.1.2–3.3.1.5)', () => {
    assert.deepEqual(conditionTexts(doc('3.3.1.3').document), [
      'Undersøgelse af administrativ årsag UNS',
      'Lungeemfysem UNS',
    ]);
    assert.equal(sor(first(resourcesOf(doc('3.3.1.3').document, 'Organization'))), PREVIOUS_PRACTICE.sor);
    assert.deepEqual(conditionTexts(doc('3.3.1.5').document), ['Kronisk obstruktiv lungesygdom UNS']);
    const organization = first(resourcesOf(doc('3.3.1.5').document, 'Organization'));
    assert.equal(sor(organization), PRACTICE.sor);
    assert.equal(organization.name, PRACTICE.name);
    assert.equal(composition('3.3.1.5').author[0]?.reference, `urn:uuid:${organization.id}`);
    const contained = doc('3.3.1.5').documentReference.contained?.find(
      (r) => r.resourceType === 'Organization',
    );
    assert.equal(sor(contained as fhir4.Organization), PRACTICE.sor);
    assert.deepEqual(
      run.views['3.3.1.4'].map((d) => d.clinic),
      ['current'],
    );
  });

  it('writes backdated times with seconds and the Danish offset, and clinicalStatus resolved when abated', () => {
    const kol = byText('3.3.1.5', 'Kronisk obstruktiv lungesygdom UNS');
    assert.deepEqual(
      [kol.recordedDate, kol.onsetDateTime, kol.abatementDateTime],
      ['2019-06-08T10:34:00+02:00', '2003-01-01T12:56:00+01:00', '2023-03-03T15:20:00+01:00'],
    );
    assert.equal(kol.clinicalStatus?.coding?.[0]?.code, 'resolved');
    const emfysem = byText('3.3.1.3', 'Lungeemfysem UNS');
    assert.equal(emfysem.clinicalStatus?.coding?.[0]?.code, 'active');
    assert.deepEqual(
      emfysem.category?.map((c) => c.coding?.[0]?.code),
      ['problem-list-item', '15240007'],
    );
    // Composition.date is the real time of the last change, never a backdated registration time.
    assert.match(composition('3.3.1.5').date, /^2025-01-15T10:00/);
  });

  it('takes the SKS-D display as text, else the ICPC-2 display, never a looked-up one (3.3.2.3)', () => {
    const diabetes = byText('3.3.2.2', 'Diabetes Type 2');
    assert.deepEqual(diabetes.code?.coding, [
      { system: SKS_D, code: 'DE119a' },
      { system: 'urn:oid:1.2.208.176.2.31', code: 'T90', display: 'Diabetes Type 2' },
    ]);
    assert.ok(byText('3.3.2.2', 'Fedme (BMI 30-34,9)'));
    assert.ok(!doc('3.3.2.2').bytes.toString('utf8').includes('Ingen insulin'), 'no tillægstekst (3.3.2.4)');
  });

  it('leaves out the diagnosis not on the card and the Private one, which the view shows (3.3.3)', () => {
    assert.equal(conditions('3.3.3.3').length, 3);
    const depression = run.views['3.3.3.2'].find((d) => d.text === 'Periodisk depression UNS');
    assert.equal(depression?.private, true);
    assert.ok(!run.views['3.3.3.2'].some((d) => d.text === 'Virusinfektion UNS'));
  });

  it('shares the status update with its abatement date and newer timestamps (3.3.4)', () => {
    const diabetes = byText('3.3.4.2', 'Diabetes Type 2');
    assert.equal(diabetes.abatementDateTime, '2024-05-06T11:15:00+02:00');
    assert.equal(diabetes.clinicalStatus?.coding?.[0]?.code, 'resolved');
    assert.equal(diabetes.category?.at(-1)?.coding?.[0]?.code, '723506003');
    assert.ok(new Date(composition('3.3.4.2').date) > new Date(composition('3.3.3.3').date));
    assert.ok(
      new Date(doc('3.3.4.2').document.timestamp ?? '') > new Date(doc('3.3.3.3').document.timestamp ?? ''),
    );
  });

  it('shares every change of 3.3.5.1: status back, abatement deleted, new code, Private removed', () => {
    const diabetes = byText('3.3.5.2', 'Diabetes Type 2');
    assert.equal(diabetes.abatementDateTime, undefined);
    assert.equal(diabetes.clinicalStatus?.coding?.[0]?.code, 'active');
    const covid = byText('3.3.5.2', 'COVID-19-infektion uden angivelse af lokalisation');
    assert.deepEqual(
      covid.code?.coding?.map((c) => c.code),
      ['DB342a', 'A77'],
    );
    assert.ok(byText('3.3.5.2', 'Periodisk depression UNS'));
    assert.equal(conditions('3.3.5.2').length, 5);
  });

  it('drops the deleted diagnosis, and refuses to share an empty card (3.3.6, 3.3.7)', () => {
    assert.equal(conditions('3.3.6.2').length, 4);
    assert.ok(!conditionTexts(doc('3.3.6.2').document).includes('Periodisk depression UNS'));
    assert.deepEqual(run.views['3.3.7.1'], []);
    assert.equal(run.shares['3.3.7.2'].status, 422);
    assert.equal(run.shares['3.3.7.2'].transaction, undefined);
  });

  it('shares incomplete historical codes and displays exactly as registered (3.4.2)', () => {
    const shared = conditions('3.4.2.2');
    assert.equal(shared.length, TABLE2.length);
    assert.equal(run.views['3.4.2.1'].length, TABLE2.length);
    for (const [index, condition] of shared.entries()) {
      const registered = TABLE2[index]?.codes ?? [];
      assert.deepEqual(condition.code?.coding ?? [], registered, `row ${index + 1}`);
    }
    assert.deepEqual(shared[6]?.code, { coding: [{ system: 'urn:oid:1.2.208.176.2.31', code: 'A00' }] });
    assert.equal(shared[10]?.code, undefined, 'no code element without coding and text');
    assert.equal(shared[4]?.code?.text, '-');
    assert.equal(shared[16]?.code?.text, '* ukendt *');
    assert.equal(shared[14]?.code?.coding?.[0]?.code, 'D B001');
    for (const c of shared) {
      assert.equal(c.category?.length, 1, 'no type category when no type was registered');
      assert.equal(c.text?.status, 'generated');
    }
  });

  it('makes valid documents with a narrative for every resource and a fresh v4 identifier', () => {
    const identifiers = new Set<string>();
    for (const step of Object.keys(run.shares) as ShareStep[]) {
      if (run.shares[step].transaction === undefined) continue;
      const { document } = doc(step);
      const problems = fhir
        .validate(document)
        .messages.filter((m) => ['error', 'fatal'].includes(String(m.severity)));
      assert.deepEqual(problems, [], step);
      for (const entry of document.entry ?? [])
        assert.ok((entry.resource as fhir4.DomainResource).text, step);
      const value = document.identifier?.value ?? '';
      assert.match(value, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.notEqual(value, `urn:uuid:${document.id}`);
      identifiers.add(value);
    }
    assert.equal(identifiers.size, 8);
    assert.equal(
      composition('3.4.2.2').subject?.reference,
      `urn:uuid:${first(resourcesOf(doc('3.4.2.2').document, 'Patient')).id}`,
    );
    assert.ok(run.statuses.filter((s) => s !== 200).length === 1, 'only the empty share is refused');
  });
});
