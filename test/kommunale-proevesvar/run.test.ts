// Kommunale prøvesvar end to end: the reference GP passes every checkpoint; named faults fail the checkpoints they
// break with messages that say what the receiver did wrong; a receiving endpoint that refuses, hangs or answers
// garbage fails the checkpoints with evidence while the run goes on; and in a manual run the acknowledgement
// checkpoints fall to the assessor.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { request } from 'undici';
import { startReferenceGp } from '../../reference-gp/index.ts';
import { fastReferenceProfileYaml } from '../../reference-gp/test-profile.ts';
import type { AssessmentQuestion, Instruction, Operator } from '../../src/driver/manual/operator.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { RobotOperator } from '../support/robot-operator.ts';
import {
  checkpoint,
  checkpoints,
  fastReferenceProfile,
  runAgainst,
  runReference,
  runStartedReference,
} from '../support/run.ts';
import { localServer } from '../support/server.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const PROTOCOL = 'kommunale-proevesvar';
const TRIAL_PLAN = join(
  PACKAGE_ROOT,
  'examples',
  'test-plans',
  'kommunale-proevesvar-production-trial-2026.yaml',
);
const CLAIM = `  ${PROTOCOL}: {}\n`;

test('the reference GP passes every checkpoint of kommunale prøvesvar an automatic run can see', async () => {
  const { result } = await runReference({
    profileFile: await fastReferenceProfile(CLAIM),
    protocols: [PROTOCOL],
  });
  const open = (c: { status: string; message?: string }) =>
    c.status === 'pending' && /^judged by the assessor only/.test(c.message ?? '');
  assert.deepEqual(
    checkpoints(result)
      .filter((c) => c.status !== 'passed' && !open(c))
      .map((c) => `${c.id} ${c.status} ${c.message ?? ''}`),
    [],
  );
  // Explanations and recommendations without an observation (3.2.1.5, 3.2.1.10, 3.3.2–3.3.4) are the assessor's:
  // pending, so an automatic run is Delvist godkendt at best. The united view of 3.2.1.17 is observed
  // (homecare.clinical-comments) and judged, and test example 4 is delivered as XML too (3.3.5).
  assert.deepEqual(
    checkpoints(result)
      .filter(open)
      .map((c) => c.id),
    ['KP-3.2.1.5', 'KP-3.2.1.10', 'KP-3.3.2', 'KP-3.3.3', 'KP-3.3.4'],
  );
  assert.equal(checkpoint(result, 'KP-3.2.1.17').status, 'passed');
  assert.equal(checkpoint(result, 'KP-3.3.5-b').status, 'passed');
  assert.equal(checkpoint(result, 'KP-3.2.2.5-b').status, 'passed');
  assert.equal(checkpoints(result).length, 69);
  assert.equal(result.protocols[0]?.approval, 'Delvist godkendt');
});

test("a system without a united view of clinical comments (3.2.1.17, recommended): the step is the assessor's alone", async () => {
  const result = await runStartedReference({ lacks: ['homecare.clinical-comments'] }, CLAIM, [PROTOCOL]);
  const united = checkpoint(result, 'KP-3.2.1.17');
  assert.equal(united.status, 'pending');
  assert.match(
    united.message ?? '',
    /^judged by the assessor only: the SUT shows no united view of clinical comments through the automation API \(.*422\)/,
  );
  assert.deepEqual(
    checkpoints(result)
      .filter((c) => c.status === 'failed')
      .map((c) => c.id),
    [],
  );
});

test('named faults fail their checkpoints with messages that say what the receiver did wrong', async () => {
  const { result } = await runReference({
    profileFile: await fastReferenceProfile(CLAIM),
    protocols: [PROTOCOL],
    faults: ['hco-drop-comparator', 'hco-cancel-deletes', 'hco-ack-wrong-identifier', 'hco-shows-duplicates'],
  });
  const message = (id: string) => {
    const found = checkpoint(result, id);
    assert.equal(found.status, 'failed', id);
    return found.message ?? '';
  };
  assert.match(message('KP-3.2.1.16'), /chart row NPU22089: value is "7.1", expected "<7.1"/);
  assert.match(message('KP-CANC-3'), /0 reports in homecare.inbox stand for annullering/);
  assert.match(
    message('KP-3.2.1.1'),
    /response.identifier is "[0-9a-f-]{36}", expected the acknowledged MessageHeader.id "[0-9a-f-]{36}"/,
  );
  assert.match(
    message('KP-ACK-5'),
    /MessageHeader.id [0-9a-f-]{36} is in homecare.inbox 2 times, expected once/,
  );
  assert.deepEqual(result.harnessErrors, []);
});

test('a receiving endpoint that refuses, hangs or answers garbage fails the checkpoints with evidence; the run goes on', async () => {
  const modes = ['refuse', 'hang', 'garbage'] as const;
  let count = 0;
  const seen: string[] = [];
  const receiver = await localServer((req, res) => {
    // One hang is enough to show the timeout; more would only cost time (each one the whole timeout).
    const mode = count++ === 1 ? 'hang' : count % 2 === 0 ? 'refuse' : 'garbage';
    seen.push(mode);
    req.resume();
    if (mode === 'refuse') req.socket.destroy();
    else if (mode === 'garbage') res.writeHead(200, { 'content-type': 'text/html' }).end('<html>busy</html>');
    // 'hang': never answers; certbench's timeout ends the exchange.
  });
  const token = 'homecare-robustness';
  const gp = await startReferenceGp({ token });
  try {
    const profile = fastReferenceProfileYaml({ vendor: 'Fake', system: 'fake receiver', version: '0' }, CLAIM)
      .replace('baseUrl: http://127.0.0.1:1', `baseUrl: ${gp.url}`)
      .replace(
        '  timeoutMs: 2000\n',
        // The timeout applies to the reference GP's actions too: generous, so a loaded machine cannot fail them.
        `  timeoutMs: 10000\n  inboundUrls: { homecareobservation: ${receiver}/receive }\n`,
      );
    const result = await runAgainst(
      await writeTemp(await tempDir(), 'fake.yaml', profile),
      [PROTOCOL],
      token,
    );
    assert.deepEqual(result.harnessErrors, [], 'a misbehaving SUT is never a harness error');
    assert.deepEqual(new Set(seen), new Set(modes));
    const automatic = checkpoints(result).filter((c) => c.mode === 'automatic');
    assert.deepEqual(
      automatic.filter((c) => c.status !== 'failed').map((c) => c.id),
      [],
      'every automatic checkpoint fails when nothing is received',
    );
    for (const c of automatic) assert.ok(c.evidence.length > 0, `${c.id} has evidence`);
    const messages = automatic.map((c) => c.message ?? '').join('\n');
    assert.match(messages, /content type "text\/html"|neither a FHIR acknowledgement/);
    assert.match(messages, /delivering HomeCareObservation .*(timeout|time out|timed out|aborted)/i);
    assert.match(messages, /delivering HomeCareObservation .*(socket|ECONNRESET|closed|other side)/i);
  } finally {
    await gp.stop();
  }
});

/** A testcamp operator who loads each message file into the reference GP's receiving endpoint and approves. */
class LoadingOperator implements Operator {
  readonly asked: string[] = [];
  private readonly robot: RobotOperator;
  private readonly sut: { baseUrl: string; token?: string };

  constructor(sut: { baseUrl: string; token?: string }) {
    this.sut = sut;
    this.robot = new RobotOperator(sut);
  }

  async instruct(instruction: Instruction) {
    if (!instruction.action.startsWith('inbound.')) return this.robot.instruct(instruction);
    const file = String(instruction.input['file']);
    const answer = await request(`${this.sut.baseUrl}/certbench/v1/inbound/${instruction.action.slice(8)}`, {
      method: 'POST',
      headers: {
        'content-type': file.endsWith('.xml') ? 'application/xml' : 'application/fhir+json',
        ...(this.sut.token ? { authorization: `Bearer ${this.sut.token}` } : {}),
      },
      body: readFileSync(file),
    });
    await answer.body.text();
    return { done: true } as const;
  }

  assess(question: AssessmentQuestion) {
    this.asked.push(question.checkpointId);
    return Promise.resolve({ decision: 'OK' as const, evidenceFiles: [] });
  }

  close(): void {}
}

test('in a manual run the operator loads each message, and acknowledgement checkpoints fall to the assessor', async () => {
  let operator: LoadingOperator | undefined;
  const { result } = await runReference({
    profileFile: await fastReferenceProfile(CLAIM),
    protocols: [PROTOCOL],
    driver: 'manual',
    assessor: 'Anne Assessor',
    operatorFactory: (sut) => (operator = new LoadingOperator(sut)),
  });
  assert.deepEqual(
    checkpoints(result)
      .filter((c) => c.status !== 'passed')
      .map((c) => `${c.id} ${c.status} ${c.message ?? ''}`),
    [],
  );
  for (const id of ['KP-3.2.1.1', 'KP-ACK-2', 'KP-ACK-6', 'KP-3.2.1.3', 'KP-3.3.5-b'])
    assert.ok(operator?.asked.includes(id), `the assessor decides ${id}`);
  assert.equal(checkpoint(result, 'KP-3.2.1.1').assessment?.decision, 'OK');
});

test("the production-trial plan: R1.A1 and attached files are not applicable with the plan's reason, not run", async () => {
  const { result } = await runReference({
    profileFile: await fastReferenceProfile(CLAIM),
    protocols: [PROTOCOL],
    planFile: TRIAL_PLAN,
  });
  const r1a1 = checkpoints(result).filter((c) => c.useCase === 'R1.A1');
  assert.deepEqual(
    r1a1.map((c) => c.id),
    ['KP-3.2.3.1', 'KP-3.2.3.2'],
  );
  for (const c of r1a1) {
    assert.equal(c.status, 'not-applicable', c.id);
    assert.match(
      c.message ?? '',
      /^not relevant by test plan kommunale-proevesvar-production-trial-2026: Use case R1.A1 \(refused consent\) is "Not relevant in production trial"/,
    );
    assert.deepEqual(c.steps, [], `${c.id} is not run`);
  }
  for (const c of checkpoints(result).filter((c) => c.id.startsWith('KP-3.2.2.')))
    assert.match(c.message ?? '', /attached files .* "Not relevant in production trial"/, c.id);
  assert.equal(checkpoint(result, 'KP-3.2.1.1').status, 'passed');
  // What only the assessor can judge (explanations, recommendations) stays open in an automatic run.
  assert.equal(result.protocols[0]?.approval, 'Delvist godkendt');
  assert.ok(
    checkpoints(result)
      .filter((c) => c.status === 'pending')
      .every((c) => c.mode === 'manual' && /^judged by the assessor only/.test(c.message ?? '')),
  );
});
