// The fault catalogue: complete against the protocol, and every fault really changes what the GP does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { Fhir } from 'fhir';
import { parse } from 'yaml';
import { FAULTS, listFaults, startReferenceGp, type FaultName } from '../../reference-gp/index.ts';
import { first, resourcesOf, sha1, unpack } from './fhir-access.ts';
import { ELMER, startBench } from './harness.ts';
import { conditionTexts, runProtocol, TABLE2, type ProtocolRun, type ShareStep } from './protocol-flow.ts';

const WINTER_NOW = () => new Date('2025-01-15T09:00:00Z');
// The version digit (first of the third group) is kept, so a UUID of another version shows in the fingerprint.
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Sent {
  transaction: fhir4.Bundle<fhir4.FhirResource>;
  document: fhir4.Bundle<fhir4.FhirResource>;
  documentReference: fhir4.DocumentReference;
  bytes: Buffer;
}

interface Run extends ProtocolRun {
  transactions: Sent[];
}

/** MedCom's send protocol with its test data, against a GP with these faults; the fixed clock makes it repeatable. */
async function runScenario(faults: string[]): Promise<Run> {
  const bench = await startBench({ faults, now: WINTER_NOW });
  try {
    const run = await runProtocol(bench.client, () => bench.recipient.received.length);
    return { ...run, transactions: bench.recipient.received.map((t) => unpackLenient(t)) };
  } finally {
    await bench.stop();
  }
}

/** Like unpack, but tolerates the faults that leave out the Binary. */
function unpackLenient(transaction: fhir4.Bundle<fhir4.FhirResource>): Sent {
  if (resourcesOf(transaction, 'Binary').length > 0) return unpack(transaction);
  const document = first(resourcesOf(transaction, 'Bundle')) as fhir4.Bundle<fhir4.FhirResource>;
  const bytes = Buffer.from(JSON.stringify(document));
  return {
    transaction,
    document,
    bytes,
    documentReference: first(resourcesOf(transaction, 'DocumentReference')),
  };
}

/** What was sent and seen, with random UUIDs replaced by their order of appearance and the hash by its check. */
function fingerprint(run: Run): string {
  const sent = run.transactions.map((t) => {
    const attachment = t.documentReference.content[0]?.attachment;
    return { transaction: t.transaction, document: t.document, hashOk: attachment?.hash === sha1(t.bytes) };
  });
  const text = JSON.stringify(
    { statuses: run.statuses, shares: run.shares, sent, views: run.views },
    (key, value: unknown) => (key === 'data' || key === 'hash' || key === 'size' ? undefined : value),
  );
  const seen = new Map<string, number>();
  return text.replace(
    UUIDS,
    (uuid, version: string) => `uuid${version}-${seen.get(uuid) ?? seen.set(uuid, seen.size).size - 1}`,
  );
}

/** The document shared in a protocol step (fails when none was). */
function sharedAt(run: Run, step: ShareStep): Sent {
  const index = run.shares[step].transaction;
  const sent = index === undefined ? undefined : run.transactions[index];
  if (!sent) throw new Error(`no document was shared in step ${step}`);
  return sent;
}
const conditionsAt = (run: Run, step: ShareStep) => resourcesOf(sharedAt(run, step).document, 'Condition');
const conditionAt = (run: Run, step: ShareStep, text: string) =>
  conditionsAt(run, step).find((c) => c.code?.text === text);
const compositionAt = (run: Run, step: ShareStep) =>
  first(resourcesOf(sharedAt(run, step).document, 'Composition'));

/** The stated effect of each fault added for the 1.0.2 protocol, seen in a run of the protocol. */
const EFFECTS: Record<string, (run: Run) => boolean> = {
  'reset-keeps-diagnoses': (run) =>
    conditionTexts(sharedAt(run, '3.3.1.5').document).includes('Essentiel hypertension'),
  'share-previous-clinic-diagnoses': (run) =>
    conditionTexts(sharedAt(run, '3.3.1.5').document).includes('Lungeemfysem UNS'),
  'view-shows-all-clinics': (run) => run.views['3.3.1.4'].some((d) => d.clinic === 'previous'),
  'text-from-icpc-first': (run) => conditionAt(run, '3.3.2.2', 'Fedme') !== undefined,
  'text-looked-up': (run) => {
    const diabetes = conditionAt(run, '3.3.2.2', 'Type 2-diabetes uden komplikationer');
    return diabetes?.code?.coding?.[0]?.display === 'Type 2-diabetes uden komplikationer';
  },
  'clinical-status-missing-when-abated': (run) =>
    conditionAt(run, '3.3.1.5', 'Kronisk obstruktiv lungesygdom UNS')?.clinicalStatus === undefined &&
    conditionAt(run, '3.3.2.2', 'Diabetes Type 2')?.clinicalStatus !== undefined,
  'clinical-status-inactive': (run) =>
    conditionAt(run, '3.3.1.5', 'Kronisk obstruktiv lungesygdom UNS')?.clinicalStatus?.coding?.[0]?.code ===
    'inactive',
  'no-clinical-status-on-problem-list': (run) =>
    conditionAt(run, '3.3.2.2', 'Diabetes Type 2')?.clinicalStatus === undefined &&
    conditionAt(run, '3.3.2.2', 'Kronisk obstruktiv lungesygdom UNS')?.clinicalStatus !== undefined,
  'share-private-diagnoses': (run) => conditionAt(run, '3.3.3.3', 'Periodisk depression UNS') !== undefined,
  'view-hides-private': (run) => !run.views['3.3.3.2'].some((d) => d.private),
  'view-drops-note': (run) => run.views['3.3.1.4'].every((d) => d.note === undefined),
  'view-shows-not-on-card': (run) => run.views['3.3.3.2'].some((d) => d.text === 'Virusinfektion UNS'),
  'ignore-code-change': (run) =>
    conditionAt(run, '3.3.5.2', 'Virusinfektion UNS') !== undefined &&
    conditionAt(run, '3.3.5.2', 'COVID-19-infektion uden angivelse af lokalisation') === undefined,
  'private-marking-kept': (run) => conditionAt(run, '3.3.5.2', 'Periodisk depression UNS') === undefined,
  'view-shows-deleted': (run) =>
    run.views['3.3.6.1'].some((d) => d.text === 'Periodisk depression UNS') &&
    run.views['3.3.7.1'].length > 0,
  'share-empty-card': (run) =>
    run.shares['3.3.7.2'].status === 200 &&
    (compositionAt(run, '3.3.7.2').section?.[0]?.entry ?? []).length === 0,
  'drop-incomplete-codings': (run) => {
    const codes = conditionsAt(run, '3.4.2.2')
      .flatMap((c) => c.code?.coding ?? [])
      .map((c) => c.code);
    return !codes.includes('D?') && !codes.includes('D B001') && codes.includes('DD5400');
  },
  'view-misses-incomplete': (run) =>
    run.views['3.4.2.1'].length < TABLE2.length && run.views['3.4.2.1'].length > 0,
  'empty-code-element': (run) =>
    conditionsAt(run, '3.4.2.2').some((c) => c.code !== undefined && Object.keys(c.code).length === 0),
  'bundle-identifier-equals-id': (run) => {
    const { document, documentReference } = sharedAt(run, '3.3.1.5');
    return (
      document.identifier?.value === `urn:uuid:${document.id}` &&
      documentReference.masterIdentifier?.value === document.identifier.value
    );
  },
  'bundle-identifier-not-v4': (run) =>
    /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-1/.test(sharedAt(run, '3.3.1.5').document.identifier?.value ?? ''),
  'composition-without-meta-profile': (run) => compositionAt(run, '3.3.1.5').meta?.profile === undefined,
  'composition-type-without-display': (run) =>
    compositionAt(run, '3.3.1.5').type.coding?.[0]?.display === undefined &&
    compositionAt(run, '3.3.1.5').type.coding?.[0]?.code === '11450-4',
  'composition-narrative-missing': (run) => compositionAt(run, '3.3.1.5').text === undefined,
  'patient-without-birthdate': (run) =>
    first(resourcesOf(sharedAt(run, '3.3.1.5').document, 'Patient')).birthDate === undefined,
  'attester-mode-invalid': (run) =>
    compositionAt(run, '3.3.1.5').attester?.[0]?.mode === ('signed' as 'official'),
};

describe('fault catalogue', () => {
  it('breaks every checkpoint of the Diagnosekort protocol, and names only real checkpoints', () => {
    const manifest = parse(readFileSync('protocols/diagnosekort.yaml', 'utf8')) as {
      checkpoints: Array<{ id: string }>;
    };
    const checkpoints = manifest.checkpoints.map((c) => c.id);
    // Faults of other protocols are checked by their own tests (test/lab-sharing/).
    const faults = listFaults().filter((f) => f.protocol === 'diagnosekort');
    const broken = new Set(faults.flatMap((f) => f.breaks));
    assert.deepEqual(
      checkpoints.filter((id) => !broken.has(id)),
      [],
    );
    assert.deepEqual(
      [...broken].filter((id) => !checkpoints.includes(id)),
      [],
    );
    for (const fault of listFaults()) assert.ok(fault.breaks.length > 0, fault.name);
    assert.equal(listFaults().length, Object.keys(FAULTS).length);
  });

  it('rejects unknown fault names, listing the known ones', async () => {
    await assert.rejects(
      startReferenceGp({ faults: ['no-such-fault'] }),
      /no-such-fault.*known faults: .*note-shared/,
    );
  });

  it('changes what is sent or seen for every content and behaviour fault', async () => {
    const honest = fingerprint(await runScenario([]));
    assert.equal(fingerprint(await runScenario([])), honest, 'the honest run must be reproducible');
    const names = (Object.keys(FAULTS) as FaultName[]).filter(
      (name) => FAULTS[name].kind !== 'automation' && FAULTS[name].protocol === 'diagnosekort',
    );
    const unchanged = await Promise.all(
      names.map(async (name) => (fingerprint(await runScenario([name])) === honest ? [name] : [])),
    );
    assert.deepEqual(unchanged.flat(), []);
  });

  it('has the stated effect for every fault of the 1.0.2 protocol, which the honest GP does not show', async () => {
    const honest = await runScenario([]);
    const wrong = await Promise.all(
      Object.entries(EFFECTS).map(async ([name, effect]) => {
        const faulty = await runScenario([name]);
        return effect(faulty) && !effect(honest) ? [] : [name];
      }),
    );
    assert.deepEqual(wrong.flat(), []);
  });

  it('applies content faults to the outgoing document', async () => {
    const run = await runScenario(['note-shared', 'timestamp-utc-offset', 'hash-mismatch']);
    const kol = conditionAt(run, '3.3.1.5', 'Kronisk obstruktiv lungesygdom UNS');
    assert.deepEqual(kol?.note, [{ text: 'Rygning og asbest' }]);
    const v1 = sharedAt(run, '3.3.1.5');
    assert.match(v1.document.timestamp ?? '', /\+00:00$/);
    assert.notEqual(v1.documentReference.content[0]?.attachment.hash, sha1(v1.bytes));
  });

  it('makes the structural faults visible to the fhir validator', async () => {
    const fhir = new Fhir();
    const gender = first((await runScenario(['invalid-patient-gender'])).transactions).document;
    assert.ok(fhir.validate(gender).messages.some((m) => String(m.severity) === 'error'));
    const unknown = first((await runScenario(['unknown-element'])).transactions).document;
    assert.ok(fhir.validate(unknown).messages.some((m) => m.message === 'Unexpected property'));
  });

  it('sends nothing for share-without-submitting while answering done', async () => {
    const run = await runScenario(['share-without-submitting']);
    assert.equal(run.transactions.length, 0);
    // Every action but the share of an empty card (3.3.7.2) is done.
    assert.deepEqual(
      run.statuses.filter((s) => s !== 200),
      [422],
    );
  });
});

describe('automation faults', () => {
  async function shareWith(fault: string) {
    const bench = await startBench({ faults: [fault] });
    await bench.register('diabetes');
    return bench;
  }
  const sharePath = '/certbench/v1/actions/diagnosekort.share';
  const shareBody = JSON.stringify({ input: { patient: ELMER } });

  it('answers invalid JSON or HTML, yet has shared', async () => {
    for (const [fault, type, body] of [
      ['automation-invalid-json', /^application\/json/, '{not json'],
      ['automation-wrong-content-type', /^text\/html/, /<html>/],
    ] as const) {
      const bench = await shareWith(fault);
      try {
        const response = await fetch(`${bench.gp.url}${sharePath}`, { method: 'POST', body: shareBody });
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', type);
        const text = await response.text();
        if (typeof body === 'string') assert.equal(text, body);
        else assert.match(text, body);
        assert.equal(bench.recipient.received.length, 1);
      } finally {
        await bench.stop();
      }
    }
  });

  it('streams a ~50 MB JSON answer', async () => {
    const bench = await shareWith('automation-huge-body');
    try {
      const response = await fetch(`${bench.gp.url}${sharePath}`, { method: 'POST', body: shareBody });
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      assert.ok(Number(response.headers.get('content-length')) > 50_000_000);
      await response.body?.cancel();
    } finally {
      await bench.stop();
    }
  });

  it('never answers a hanging share, and still stops', async () => {
    const bench = await shareWith('automation-hangs');
    const url = new URL(`${bench.gp.url}${sharePath}`);
    const outcome = new Promise<string>((resolve) => {
      const req = request(url, { method: 'POST' }, () => resolve('answered'));
      req.on('error', (error) => resolve(`closed: ${error.message}`));
      req.end(shareBody);
    });
    // The share itself happens; only the answer never comes.
    while (bench.recipient.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await bench.stop();
    assert.match(await outcome, /^closed/);
  });
});
