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

const WINTER_NOW = () => new Date('2025-01-15T09:00:00Z');
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Sent {
  transaction: fhir4.Bundle<fhir4.FhirResource>;
  document: fhir4.Bundle<fhir4.FhirResource>;
  documentReference: fhir4.DocumentReference;
  bytes: Buffer;
}

interface Run {
  statuses: number[];
  transactions: Sent[];
  /** The Diagnosekort view after the last share (full scenario only). */
  view?: unknown;
}

/**
 * New Diagnosekort, then (unless `firstShareOnly`) a status update and a removal, each shared. With a fixed
 * clock the run is reproducible.
 */
async function runScenario(faults: string[], firstShareOnly = false): Promise<Run> {
  const bench = await startBench({ faults, now: WINTER_NOW });
  try {
    const statuses: number[] = [];
    const act = async (action: string, input: Record<string, unknown>) => {
      const answer = await bench.client.act(action, { patient: ELMER, ...input });
      statuses.push(answer.status);
    };
    const [diabetes, kol, hypertension] = [
      await bench.register('diabetes'),
      await bench.register('kol'),
      await bench.register('hypertension'),
    ];
    await bench.register('depression');
    await act('diagnosekort.share', {});
    if (firstShareOnly)
      return { statuses, transactions: bench.recipient.received.map((t) => unpackLenient(t)) };
    await act('diagnosekort.update-diagnosis', {
      diagnosisId: diabetes,
      status: 'resolved',
      abatement: '2024-12-01',
    });
    await act('diagnosekort.share', {});
    await act('diagnosekort.deselect-diagnosis', { diagnosisId: kol });
    await act('diagnosekort.delete-diagnosis', { diagnosisId: hypertension });
    await act('diagnosekort.share', {});
    // What the GP sees counts too: some behaviour faults change only the view.
    const view = await bench.client.call('GET', `/observations/diagnosekort.diagnoses?patient=${ELMER}`);
    return {
      statuses,
      transactions: bench.recipient.received.map((t) => unpackLenient(t)),
      view: view.body,
    };
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

/** What was sent, with random UUIDs replaced by their order of appearance and the hash replaced by its check. */
function fingerprint(run: Run): string {
  const sent = run.transactions.map((t) => {
    const attachment = t.documentReference.content[0]?.attachment;
    return { transaction: t.transaction, document: t.document, hashOk: attachment?.hash === sha1(t.bytes) };
  });
  const text = JSON.stringify({ statuses: run.statuses, sent, view: run.view }, (key, value: unknown) =>
    key === 'data' || key === 'hash' || key === 'size' ? undefined : value,
  );
  const seen = new Map<string, number>();
  return text.replace(UUIDS, (uuid) => `uuid-${seen.get(uuid) ?? seen.set(uuid, seen.size).size - 1}`);
}

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

  it('changes what is sent for every content and behaviour fault', async () => {
    // Content faults show in the first document already; behaviour faults need the whole workflow.
    const short = (name: FaultName) => FAULTS[name].kind === 'content';
    const honest = {
      full: fingerprint(await runScenario([])),
      short: fingerprint(await runScenario([], true)),
    };
    assert.equal(fingerprint(await runScenario([])), honest.full, 'the honest run must be reproducible');
    const names = (Object.keys(FAULTS) as FaultName[]).filter(
      (name) => FAULTS[name].kind !== 'automation' && FAULTS[name].protocol === 'diagnosekort',
    );
    const unchanged = await Promise.all(
      names.map(async (name) => {
        const print = fingerprint(await runScenario([name], short(name)));
        return print === (short(name) ? honest.short : honest.full) ? [name] : [];
      }),
    );
    assert.deepEqual(unchanged.flat(), []);
  });

  it('applies content faults to the outgoing document', async () => {
    const run = await runScenario(['note-shared', 'timestamp-utc-offset', 'hash-mismatch']);
    const v1 = first(run.transactions);
    const kol = first(
      resourcesOf(v1.document, 'Condition').filter((c) => c.code?.text === 'Kronisk obstruktiv lungesygdom'),
    );
    assert.deepEqual(kol.note, [{ text: 'Ryger 20 cigaretter dagligt <trods råd>' }]);
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
    assert.ok(run.statuses.every((s) => s === 200));
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
