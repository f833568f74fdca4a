// The automation API contract of the reference GP (auth, info, routing, input validation, error answers) and
// its Danish time formatting.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startReferenceGp } from '../../reference-gp/index.ts';
import { danishDate, danishDateTime, monotonicClock, utcDateTime } from '../../reference-gp/time.ts';
import { Client, DIAGNOSES, ELMER, icpc, sks, SKS_D, startBench, startRecipient } from './harness.ts';

describe('reference GP automation API', () => {
  let bench: Awaited<ReturnType<typeof startBench>>;
  before(async () => {
    bench = await startBench({ token: 'secret-token' });
  });
  after(() => bench.stop());
  const observe = () => bench.client.call('GET', `/observations/diagnosekort.diagnoses?patient=${ELMER}`);

  it('answers 401 without the bearer token and with a wrong one', async () => {
    for (const client of [new Client(bench.gp.url), new Client(bench.gp.url, 'wrong')]) {
      const answer = await client.call('GET', '/info');
      assert.equal(answer.status, 401);
      assert.equal(typeof answer.body['error'], 'string');
    }
  });

  it('identifies itself', async () => {
    const answer = await bench.client.call('GET', '/info');
    assert.equal(answer.status, 200);
    assert.match(answer.contentType, /^application\/json/);
    assert.deepEqual(answer.body, {
      vendor: 'MedCom (certbench)',
      system: 'certbench reference GP system',
      version: '1.0.0',
      automationApiVersion: '1',
    });
  });

  it('answers 404 with a problem body for unknown actions, observations and paths', async () => {
    for (const [method, path] of [
      ['POST', '/actions/diagnosekort.print'],
      ['GET', `/observations/diagnosekort.nothing?patient=${ELMER}`],
      ['GET', '/nowhere'],
    ] as const) {
      const answer = await bench.client.call(method, path, method === 'POST' ? { input: {} } : undefined);
      assert.equal(answer.status, 404, path);
      assert.equal(typeof answer.body['error'], 'string');
    }
  });

  it('answers 422 for invalid input and unknown patients', async () => {
    const register = (input: Record<string, unknown>) =>
      bench.client.act('diagnosekort.register-diagnosis', {
        patient: ELMER,
        ...DIAGNOSES.diabetes,
        ...input,
      });
    const kept = await bench.client.done('diagnosekort.register-diagnosis', {
      patient: ELMER,
      ...DIAGNOSES.kol,
    });
    const update = (input: Record<string, unknown>) =>
      bench.client.act('diagnosekort.update-diagnosis', {
        patient: ELMER,
        diagnosisId: kept['diagnosisId'],
        ...input,
      });
    const cases = [
      register({ patient: '1234567890' }),
      register({ patient: 'abc' }),
      register({ codes: undefined }),
      register({ codes: [sks('A'), icpc('B'), sks('C')] }),
      register({ codes: [sks('DE119'), sks('DE11')] }),
      register({ codes: [{ system: SKS_D }] }),
      register({ codes: [{ system: SKS_D, code: '' }] }),
      register({ codes: [{ system: 'http://snomed.info/sct', code: '44054006' }] }),
      register({ type: 'chronic' }),
      register({ status: undefined }),
      register({ onset: '2023-02-30' }),
      register({ onset: '2011-09-26T11:23' }),
      register({ onset: '2011-09-26T11:23:00' }),
      register({ onset: '2999-01-01' }),
      register({ status: 'current', abatement: '2023-01-01' }),
      register({ status: 'resolved', onset: '2023-05-01', abatement: '2023-01-01' }),
      register({
        status: 'resolved',
        onset: '2023-05-01T10:00:00+02:00',
        abatement: '2023-05-01T09:59:59+02:00',
      }),
      register({ recordedDate: '2999-01-01T10:00:00+01:00' }),
      register({ recordedDate: '2019-01-01', onset: '2019-03-01' }),
      register({ onCard: 'yes' }),
      register({ private: 'no' }),
      update({}),
      update({ codes: [] }),
      update({ abatement: '2024-01-01' }),
      update({ private: 1 }),
      bench.client.act('diagnosekort.update-diagnosis', {
        patient: ELMER,
        diagnosisId: 'nope',
        status: 'resolved',
      }),
      bench.client.act('diagnosekort.select-diagnosis', { patient: ELMER, diagnosisId: 'nope' }),
      bench.client.act('diagnosekort.select-clinic', { patient: ELMER, clinic: 'other' }),
      bench.client.call('POST', '/actions/patient.reset', { notInput: true }),
    ];
    for (const [index, answer] of (await Promise.all(cases)).entries()) {
      assert.equal(answer.status, 422, `case ${index}: ${JSON.stringify(answer.body)}`);
      assert.equal(typeof answer.body['error'], 'string');
    }
  });

  it('accepts historical codes and displays as they are, and dates as FHIR dates or Danish dateTimes', async () => {
    await bench.client.done('patient.reset', { patient: ELMER });
    const codes = [sks('D B001'), icpc(undefined, 'Herpes simplex')];
    const registered = await bench.client.done('diagnosekort.register-diagnosis', {
      patient: ELMER,
      codes,
      status: 'resolved',
      recordedDate: '2011-09-26T09:23:00Z',
      onset: '2011-09-26T11:23:00+02:00',
      abatement: '2011-09-26',
    });
    assert.equal(registered['recordedDate'], '2011-09-26T11:23:00+02:00');
    const dated = await bench.client.done('diagnosekort.register-diagnosis', {
      patient: ELMER,
      codes: [],
      status: 'current',
      recordedDate: '2024-03-15',
    });
    assert.equal(dated['recordedDate'], '2024-03-15');
    const [first, second] = (await observe()).body['value'] as Array<Record<string, unknown>>;
    assert.deepEqual(first?.['codes'], codes);
    assert.equal(first?.['text'], 'Herpes simplex');
    assert.deepEqual([first?.['onset'], first?.['abatement']], ['2011-09-26T11:23:00+02:00', '2011-09-26']);
    assert.equal(first?.['type'], undefined);
    assert.deepEqual(
      [second?.['text'], second?.['private'], second?.['clinic']],
      [undefined, false, 'current'],
    );
  });

  it('updates codes, the Private marking and the abatement date, each update a change', async () => {
    await bench.client.done('patient.reset', { patient: ELMER });
    const { diagnosisId } = await bench.client.done('diagnosekort.register-diagnosis', {
      patient: ELMER,
      ...DIAGNOSES.depression,
      private: true,
    });
    const change = (input: Record<string, unknown>) =>
      bench.client.done('diagnosekort.update-diagnosis', { patient: ELMER, diagnosisId, ...input });
    const changes = [
      await change({ codes: [sks('DF339', 'Periodisk depression UNS')] }),
      await change({ private: false }),
      await change({ abatement: null }),
    ];
    const [seen] = (await observe()).body['value'] as Array<Record<string, unknown>>;
    assert.deepEqual(seen?.['codes'], [sks('DF339', 'Periodisk depression UNS'), icpc('P76')]);
    assert.equal(seen?.['text'], 'Periodisk depression UNS');
    assert.equal(seen?.['private'], false);
    assert.equal(seen?.['abatement'], undefined);
    assert.equal(seen?.['status'], 'resolved');
    assert.equal(seen?.['lastChanged'], changes[2]?.['changedAt']);
    assert.equal(new Set(changes.map((c) => c['changedAt'])).size, 3);
  });

  it('works on the patient’s current clinic only, and reset brings the patient back there', async () => {
    await bench.client.done('patient.reset', { patient: ELMER });
    assert.deepEqual(
      await bench.client.done('diagnosekort.select-clinic', { patient: ELMER, clinic: 'previous' }),
      {
        clinic: 'previous',
      },
    );
    const { diagnosisId } = await bench.client.done('diagnosekort.register-diagnosis', {
      patient: ELMER,
      ...DIAGNOSES.kol,
    });
    assert.equal(((await observe()).body['value'] as unknown[]).length, 1);
    await bench.client.done('diagnosekort.select-clinic', { patient: ELMER, clinic: 'current' });
    assert.deepEqual((await observe()).body['value'], []);
    const elsewhere = await bench.client.act('diagnosekort.delete-diagnosis', {
      patient: ELMER,
      diagnosisId,
    });
    assert.equal(elsewhere.status, 422);
    await bench.client.done('diagnosekort.select-clinic', { patient: ELMER, clinic: 'previous' });
    await bench.client.done('patient.reset', { patient: ELMER });
    await bench.client.done('diagnosekort.register-diagnosis', { patient: ELMER, ...DIAGNOSES.kol });
    const [seen] = (await observe()).body['value'] as Array<Record<string, unknown>>;
    assert.equal(seen?.['clinic'], 'current');
  });

  it('refuses to share a Diagnosekort with nothing to share, and submits nothing', async () => {
    await bench.client.done('patient.reset', { patient: ELMER });
    const before = bench.recipient.received.length;
    assert.equal((await bench.client.act('diagnosekort.share', { patient: ELMER })).status, 422);
    await bench.client.done('diagnosekort.register-diagnosis', {
      patient: ELMER,
      ...DIAGNOSES.kol,
      private: true,
    });
    const off = await bench.client.done('diagnosekort.register-diagnosis', {
      patient: ELMER,
      ...DIAGNOSES.diabetes,
      onCard: false,
    });
    const answer = await bench.client.act('diagnosekort.share', { patient: ELMER });
    assert.equal(answer.status, 422);
    assert.match(String(answer.body['error']), /nothing to share/);
    await bench.client.done('diagnosekort.select-diagnosis', {
      patient: ELMER,
      diagnosisId: off['diagnosisId'],
    });
    assert.equal(bench.recipient.received.length, before);
    await bench.client.done('diagnosekort.share', { patient: ELMER });
    assert.equal(bench.recipient.received.length, before + 1);
  });

  it('shows the local Diagnosekort, tillægstekst included, and forgets it on reset', async () => {
    await bench.client.done('patient.reset', { patient: ELMER });
    await bench.client.done('diagnosekort.register-diagnosis', { patient: ELMER, ...DIAGNOSES.kol });
    const seen = await observe();
    assert.equal(seen.body['observation'], 'diagnosekort.diagnoses');
    const value = seen.body['value'] as Array<{ note?: string; codes: Array<{ system: string }> }>;
    assert.equal(value.length, 1);
    assert.equal(value[0]?.note, DIAGNOSES.kol.note);
    assert.equal(value[0]?.codes[0]?.system, SKS_D);
    await bench.client.done('patient.reset', { patient: ELMER });
    assert.deepEqual((await observe()).body['value'], []);
  });
});

describe('reference GP sharing errors', () => {
  it('answers 422 when no session was configured', async () => {
    const gp = await startReferenceGp();
    try {
      const client = new Client(gp.url);
      await client.done('diagnosekort.register-diagnosis', { patient: ELMER, ...DIAGNOSES.diabetes });
      assert.equal((await client.act('diagnosekort.share', { patient: ELMER })).status, 422);
    } finally {
      await gp.stop();
    }
  });

  it('answers 502 when the recipient rejects the submission', async () => {
    const recipient = await startRecipient(400);
    const gp = await startReferenceGp();
    try {
      const client = new Client(gp.url);
      assert.equal((await client.session(recipient.url)).status, 204);
      await client.done('diagnosekort.register-diagnosis', { patient: ELMER, ...DIAGNOSES.diabetes });
      const answer = await client.act('diagnosekort.share', { patient: ELMER });
      assert.equal(answer.status, 502);
      assert.match(String(answer.body['error']), /HTTP 400/);
    } finally {
      await gp.stop();
      await recipient.stop();
    }
  });

  it('answers 502 when the recipient cannot be reached', async () => {
    const recipient = await startRecipient();
    await recipient.stop();
    const gp = await startReferenceGp();
    try {
      const client = new Client(gp.url);
      await client.session(recipient.url);
      await client.done('diagnosekort.register-diagnosis', { patient: ELMER, ...DIAGNOSES.diabetes });
      assert.equal((await client.act('diagnosekort.share', { patient: ELMER })).status, 502);
    } finally {
      await gp.stop();
    }
  });
});

describe('Danish time', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    assert.equal(danishDateTime(new Date('2025-01-15T09:00:00.250Z')), '2025-01-15T10:00:00.250+01:00');
    assert.equal(danishDateTime(new Date('2025-07-01T22:30:00Z')), '2025-07-02T00:30:00.000+02:00');
    assert.equal(danishDate(new Date('2025-07-01T22:30:00Z')), '2025-07-02');
  });

  it('switches offset exactly at the DST change', () => {
    assert.equal(danishDateTime(new Date('2025-03-30T00:59:59.999Z')), '2025-03-30T01:59:59.999+01:00');
    assert.equal(danishDateTime(new Date('2025-03-30T01:00:00Z')), '2025-03-30T03:00:00.000+02:00');
    assert.equal(danishDateTime(new Date('2025-10-26T00:59:59Z')), '2025-10-26T02:59:59.000+02:00');
    assert.equal(danishDateTime(new Date('2025-10-26T01:00:00Z')), '2025-10-26T02:00:00.000+01:00');
  });

  it('rewrites an instant with a UTC offset for the timestamp fault', () => {
    assert.equal(utcDateTime('2025-01-15T10:00:00.250+01:00'), '2025-01-15T09:00:00.250+00:00');
  });

  it('never gives the same instant twice', () => {
    const clock = monotonicClock(() => new Date('2025-01-15T09:00:00Z'));
    const [a, b] = [clock().getTime(), clock().getTime()];
    assert.equal(b - a, 1);
  });
});
