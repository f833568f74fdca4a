// The automation API contract of the reference GP (auth, info, routing, input validation, error answers) and
// its Danish time formatting.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startReferenceGp } from '../../reference-gp/index.ts';
import { danishDate, danishDateTime, monotonicClock, utcDateTime } from '../../reference-gp/time.ts';
import { Client, DIAGNOSES, ELMER, SKS_D, startBench, startRecipient } from './harness.ts';

describe('reference GP automation API', () => {
  let bench: Awaited<ReturnType<typeof startBench>>;
  before(async () => {
    bench = await startBench({ token: 'secret-token' });
  });
  after(() => bench.stop());

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
    const cases = [
      register({ text: '' }),
      register({ patient: '1234567890' }),
      register({ patient: 'abc' }),
      register({ codes: [] }),
      register({ codes: [{ system: 'http://snomed.info/sct', code: '44054006' }] }),
      register({ type: 'chronic' }),
      register({ onset: '2023-02-30' }),
      register({ onset: '2999-01-01' }),
      register({ status: 'current', abatement: '2023-01-01' }),
      register({ status: 'resolved', onset: '2023-05-01', abatement: '2023-01-01' }),
      bench.client.act('diagnosekort.update-diagnosis', {
        patient: ELMER,
        diagnosisId: 'nope',
        status: 'resolved',
      }),
      bench.client.call('POST', '/actions/patient.reset', { notInput: true }),
    ];
    for (const answer of await Promise.all(cases)) {
      assert.equal(answer.status, 422, JSON.stringify(answer.body));
      assert.equal(typeof answer.body['error'], 'string');
    }
  });

  it('refuses to share an empty Diagnosekort', async () => {
    await bench.client.done('patient.reset', { patient: ELMER });
    const answer = await bench.client.act('diagnosekort.share', { patient: ELMER });
    assert.equal(answer.status, 422);
  });

  it('shows the local Diagnosekort, tillægstekst included, and forgets it on reset', async () => {
    await bench.client.done('diagnosekort.register-diagnosis', { patient: ELMER, ...DIAGNOSES.kol });
    const observe = () => bench.client.call('GET', `/observations/diagnosekort.diagnoses?patient=${ELMER}`);
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
