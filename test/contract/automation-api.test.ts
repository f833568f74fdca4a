// Every request certbench sends and every answer the reference GP gives in a full run (all protocols) conform to
// the automation API document: a vendor who generates a validating server from it accepts what certbench sends.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { startReferenceGp } from '../../reference-gp/index.ts';
import { ACTIONS } from '../../reference-gp/actions.ts';
import { OBSERVATIONS } from '../../reference-gp/observations.ts';
import { fastReferenceProfile, referenceClaims, runAgainst } from '../support/run.ts';
import { documentProblems, loadContract, type Contract } from './automation-api-document.ts';
import { startRecordingProxy, type RecordedExchange } from './recording-proxy.ts';

const TOKEN = 'contract-test-token';
let contract: Contract;
let traffic: RecordedExchange[] = [];

/** Runs every protocol of the reference profile through a recording proxy in front of the reference GP. */
async function recordFullRun(): Promise<RecordedExchange[]> {
  const gp = await startReferenceGp({ token: TOKEN });
  const proxy = await startRecordingProxy(gp.url);
  try {
    const claims = referenceClaims();
    const profile = await fastReferenceProfile(claims);
    writeFileSync(profile, readFileSync(profile, 'utf8').replace('http://127.0.0.1:1', proxy.url));
    const protocols = [
      'diagnosekort',
      ...claims.split('\n').flatMap((l) => /^ {2}([\w-]+):/.exec(l)?.[1] ?? []),
    ];
    const result = await runAgainst(profile, protocols, TOKEN);
    assert.equal(result.protocols.length, protocols.length, 'every protocol ran');
    return proxy.exchanges;
  } finally {
    await proxy.stop();
    await gp.stop();
  }
}

function json(text: string): unknown {
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

before(async () => {
  contract = await loadContract();
  traffic = await recordFullRun();
});

test('the automation API document is valid OpenAPI 3.1', async () => {
  assert.deepEqual(await documentProblems(), []);
});

/** Actions the reference GP implements that no protocol step asks for yet. */
const UNUSED_ACTIONS = ['diagnosekort.deselect-diagnosis'];

test('a full run exercises every action and observation of the reference GP', () => {
  const paths = new Set(traffic.map((e) => new URL(e.url, 'http://sut').pathname));
  const uncalled = Object.keys(ACTIONS).filter((name) => !paths.has(`/certbench/v1/actions/${name}`));
  assert.deepEqual(uncalled, UNUSED_ACTIONS, 'the actions no step uses (a new use: remove it from the list)');
  for (const name of Object.keys(OBSERVATIONS))
    assert.ok(paths.has(`/certbench/v1/observations/${name}`), `observation ${name} was read`);
});

test('every request certbench sends in a full run conforms to the document', () => {
  const problems = traffic.flatMap((e) => {
    const isJson = /json/.test(e.requestHeaders['content-type'] ?? '');
    const found = contract.requestProblems({
      method: e.method,
      url: e.url,
      ...(e.requestHeaders['content-type'] ? { contentType: e.requestHeaders['content-type'] } : {}),
      ...(e.requestBody === ''
        ? {}
        : { body: isJson && !e.url.includes('/inbound/') ? json(e.requestBody) : e.requestBody }),
    });
    return found.map((p) => `${e.method} ${e.url}: ${p}`);
  });
  assert.ok(traffic.length > 300, `a full run sends hundreds of requests (${traffic.length})`);
  assert.deepEqual(problems, []);
});

test('every answer of the reference GP in a full run conforms to the document', () => {
  const problems = traffic.flatMap((e) => {
    const operation = contract.operation(e.method, e.url);
    if (!operation) return [`${e.method} ${e.url}: not in the document`];
    if (!/json/.test(e.responseHeaders['content-type'] ?? '') || e.url.includes('/inbound/')) {
      const documented = operation.responses?.[String(e.status)];
      return documented ? [] : [`${e.method} ${e.url}: status ${e.status} is not documented`];
    }
    return contract
      .answerProblems(operation, e.status, json(e.responseBody))
      .map((p) => `${e.method} ${e.url} → ${e.status}: ${p}`);
  });
  assert.deepEqual(problems, []);
});

test('a request or answer that breaks the document is caught', () => {
  const register = traffic.find((e) => e.url.endsWith('/actions/diagnosekort.register-diagnosis'));
  const observe = traffic.find((e) => e.url.includes('/observations/diagnosekort.diagnoses'));
  assert.ok(register && observe);
  const input = (json(register.requestBody) as { input: Record<string, unknown> }).input;
  const request = (body: unknown) =>
    contract.requestProblems({ method: 'POST', url: register.url, contentType: 'application/json', body });
  assert.deepEqual(request({ input }), [], 'the recorded request conforms');
  assert.notDeepEqual(request({ input: { ...input, status: 'active' } }), [], 'a status outside the enum');
  assert.notDeepEqual(request({ input: { ...input, undocumented: true } }), [], 'an undocumented field');
  assert.notDeepEqual(request({ input: { patient: input['patient'] } }), [], "another action's input");

  const registerOp = contract.operation('POST', register.url);
  const observeOp = contract.operation('GET', observe.url);
  assert.ok(registerOp && observeOp);
  const answer = json(register.responseBody) as { output: Record<string, unknown> };
  assert.deepEqual(contract.answerProblems(registerOp, 200, answer), []);
  assert.notDeepEqual(
    contract.answerProblems(registerOp, 200, {
      ...answer,
      output: { recordedDate: answer.output['recordedDate'] },
    }),
    [],
    'an output without diagnosisId',
  );
  assert.notDeepEqual(
    contract.answerProblems(observeOp, 200, {
      observation: 'diagnosekort.diagnoses',
      value: [{ codes: 'x' }],
    }),
    [],
    'an observation value that is not a DiagnosisView',
  );
  assert.notDeepEqual(
    contract.answerProblems(registerOp, 422, { message: 'no' }),
    [],
    'a problem without error',
  );
});
