// acknowledgement-send end to end: the reference GP passes every checkpoint an automatic run can see, as messages
// of their own in a VANSEnvelope (variant message) or an EHMI SBDH (variant ehmi), and as the synchronous answer
// (variant synchronous, where the envelope and the times of sending fall to the assessor); a system claiming
// kommunale-proevesvar too receives the messages the two protocols share once; a late acknowledgement is told apart
// from a missing one; a system that cannot simulate a technical error leaves the AR steps to the assessor.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AssessmentQuestion, Instruction } from '../../src/driver/manual/operator.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { ASSESSOR_ONLY } from '../../src/checks/pending-reasons.ts';
import { RobotOperator } from '../support/robot-operator.ts';
import {
  checkpoint,
  checkpoints,
  fastReferenceProfile,
  runReference,
  runStartedReference,
} from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const PROTOCOL = 'acknowledgement-send';

const assessorOnly = (c: { status: string; message?: string }) =>
  c.status === 'pending' && /^judged by the assessor only/.test(c.message ?? '');

function notPassed(result: CertificationResult): string[] {
  return checkpoints(result)
    .filter((c) => c.status !== 'passed' && !assessorOnly(c))
    .map((c) => `${c.id} ${c.status} ${c.message ?? ''}`);
}

function pendingForAssessor(result: CertificationResult): string[] {
  return checkpoints(result)
    .filter(assessorOnly)
    .map((c) => c.id)
    .sort();
}

/** How many HomeCareObservation messages certbench delivered in a run (its evidence). */
function deliveries(outDir: string): number {
  const dir = join(outDir, 'evidence');
  return readdirSync(dir).filter((f) => {
    const exchange = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { name?: string };
    return (exchange.name ?? '').startsWith('deliver HomeCareObservation');
  }).length;
}

test('variant message: the reference GP sends every acknowledgement as a message of its own and passes', async () => {
  const { result } = await runReference({
    profileFile: await fastReferenceProfile(`  ${PROTOCOL}: { variant: message }\n`),
    protocols: [PROTOCOL],
  });
  assert.deepEqual(notPassed(result), []);
  assert.deepEqual(pendingForAssessor(result), ['ACK-3.3.1.7-b']);
});

test('variant synchronous: the answer is the acknowledgement; the envelope and the times of sending go to the assessor', async () => {
  const { result } = await runReference({
    profileFile: await fastReferenceProfile(`  ${PROTOCOL}: { variant: synchronous }\n`),
    protocols: [PROTOCOL],
  });
  assert.deepEqual(notPassed(result), []);
  assert.deepEqual(pendingForAssessor(result), ['ACK-3.3.1.7-b', 'ACK-3.4.5', 'ACK-3.4.6', 'ACK-3.4.8']);
});

test('a system claiming both protocols receives the messages they share once', async () => {
  const claims = `  kommunale-proevesvar: {}\n  ${PROTOCOL}: { variant: message }\n`;
  const both = await runReference({
    profileFile: await fastReferenceProfile(claims),
    protocols: ['kommunale-proevesvar', PROTOCOL],
  });
  const kommunale = await runReference({
    profileFile: await fastReferenceProfile(claims),
    protocols: ['kommunale-proevesvar'],
  });
  const alone = await runReference({
    profileFile: await fastReferenceProfile(claims),
    protocols: [PROTOCOL],
  });
  assert.deepEqual(notPassed(both.result), []);
  // Only the technical error (a message and its resend), the held acknowledgement and the overview deliver
  // messages of their own; the valid, the invalid and the duplicated test example 1 are kommunale's deliveries.
  assert.equal(deliveries(alone.outDir), 8);
  assert.equal(deliveries(both.outDir), deliveries(kommunale.outDir) + 4);
});

/** A testcamp operator whose system cannot simulate a technical error; the assessor approves what is asked. */
class NoTechnicalErrorOperator extends RobotOperator {
  readonly judged: string[] = [];

  override async instruct(instruction: Instruction) {
    if (instruction.action === 'messaging.simulate-technical-error')
      return {
        done: false,
        comment: 'our system cannot simulate a technical error; explained to the assessor',
      };
    return super.instruct(instruction);
  }

  override assess(question: AssessmentQuestion) {
    this.judged.push(question.checkpointId);
    return Promise.resolve({ decision: 'OK' as const, evidenceFiles: [] });
  }
}

test("a system that cannot simulate a technical error: the AR steps are the assessor's, the rest is judged", async () => {
  let operator: NoTechnicalErrorOperator | undefined;
  const { result } = await runReference({
    profileFile: await fastReferenceProfile(`  ${PROTOCOL}: { variant: message }\n`),
    protocols: [PROTOCOL],
    driver: 'manual',
    assessor: 'Anne Assessor',
    operatorFactory: (sut) => (operator = new NoTechnicalErrorOperator(sut)),
  });
  assert.deepEqual(notPassed(result), []);
  for (const id of ['ACK-3.3.1.7', 'ACK-3.3.1.8', 'ACK-3.3.1.9']) {
    assert.ok(operator?.judged.includes(id), `the assessor decides ${id}`);
    assert.equal(checkpoint(result, id).assessment?.decision, 'OK', id);
  }
  // The acknowledgements the system sent are still judged as they arrived (the envelope of 3.4.8).
  assert.ok(
    checkpoint(result, 'ACK-3.4.8').checks.some((c) => /VANSEnvelope/.test(c.description) && c.passed),
  );
});

test('variant ehmi: the reference GP sends every acknowledgement in its EHMI SBDH and passes', async () => {
  const { result } = await runReference({
    profileFile: await fastReferenceProfile(`  ${PROTOCOL}: { variant: ehmi }\n`),
    protocols: [PROTOCOL],
  });
  assert.deepEqual(notPassed(result), []);
  assert.deepEqual(pendingForAssessor(result), ['ACK-3.3.1.7-b']);
  assert.ok(checkpoint(result, 'ACK-3.4.8').checks.some((c) => /EHMI SBDH/.test(c.description) && c.passed));
});

/** Runs the protocol against a reference GP started by the test (variants, lacking actions) with `variant` claimed. */
function runStarted(
  variant: string,
  gp: { variants?: Record<string, string>; lacks?: string[] },
): Promise<CertificationResult> {
  return runStartedReference(gp, `  ${PROTOCOL}: { variant: ${variant} }\n`, [PROTOCOL]);
}

test('a system that sends a VANSEnvelope although its profile says it is on EHMI fails 3.4.8 only', async () => {
  const result = await runStarted('ehmi', { variants: { [PROTOCOL]: 'message' } });
  assert.deepEqual(notPassed(result), [
    "ACK-3.4.8 failed the EHMI SBDH of the acknowledgement of eksempel 1: the acknowledgement was sent in a VANSEnvelope, but the profile's variant ehmi says the SUT sends in an EHMI SBDH",
  ]);
});

/** A plan that leaves only `id` of the protocol to judge (the rest deferred). */
async function only(id: string): Promise<string> {
  const manifest = readFileSync(join('protocols', `${PROTOCOL}.yaml`), 'utf8');
  const others = [...manifest.matchAll(/^ {2}- id: (ACK-\S+)$/gm)].map((m) => m[1]).filter((c) => c !== id);
  return writeTemp(
    await tempDir(),
    'only.yaml',
    `plan:\n  id: only-${id}\n  defer:\n    - checkpoints: ${JSON.stringify(others)}\n      reason: not this test\n`,
  );
}

test('a late acknowledgement fails as late, with the time it arrived and the message as evidence; a missing one as missing', async () => {
  const profileFile = await fastReferenceProfile(`  ${PROTOCOL}: { variant: message }\n`);
  const planFile = await only('ACK-3.3.1.3');
  const late = await runReference({ profileFile, planFile, protocols: [PROTOCOL], faults: ['ack-late'] });
  const lateAck = checkpoint(late.result, 'ACK-3.3.1.3');
  assert.equal(lateAck.status, 'failed');
  assert.match(
    lateAck.message ?? '',
    /late: the acknowledgement of eksempel 1 .* reached \/acknowledgement-receiver\/messages at \S+Z, \d+ ms after the delivery/,
  );
  assert.doesNotMatch(lateAck.message ?? '', /missing/);
  const evidence = late.result.evidence.filter((e) => lateAck.evidence.includes(e.id));
  assert.ok(
    evidence.some((e) => e.direction === 'incoming' && /acknowledgement-receiver/.test(e.name)),
    `the late acknowledgement is evidence (${evidence.map((e) => e.name).join(', ')})`,
  );
  const missing = await runReference({
    profileFile,
    planFile,
    protocols: [PROTOCOL],
    faults: ['ack-message-not-sent'],
  });
  const missingAck = checkpoint(missing.result, 'ACK-3.3.1.3');
  assert.equal(missingAck.status, 'failed');
  assert.match(
    missingAck.message ?? '',
    /missing: 0 acknowledgement message\(s\) .* within 400 ms of the delivery and the further 3000 ms certbench listened/,
  );
  const fine = await runReference({ profileFile, planFile, protocols: [PROTOCOL] });
  assert.equal(checkpoint(fine.result, 'ACK-3.3.1.3').status, 'passed');
});

test('automatic run, a system that cannot simulate a technical error: 3.3.1.7-3.3.1.9 are pending for the assessor, the rest is judged', async () => {
  const result = await runStarted('message', { lacks: ['messaging.simulate-technical-error'] });
  const open = ['ACK-3.3.1.7', 'ACK-3.3.1.8', 'ACK-3.3.1.9'];
  for (const id of open) {
    const c = checkpoint(result, id);
    assert.equal(c.status, 'pending', id);
    assert.ok((c.message ?? '').startsWith(ASSESSOR_ONLY), `${id}: ${c.message ?? ''}`);
    assert.match(
      c.message ?? '',
      /cannot simulate a technical error \(action messaging\.simulate-technical-error: the SUT answered HTTP 422\)/,
    );
  }
  assert.deepEqual(
    checkpoints(result)
      .filter((c) => c.status !== 'passed')
      .map((c) => c.id)
      .sort(),
    ['ACK-3.3.1.7', 'ACK-3.3.1.7-b', 'ACK-3.3.1.8', 'ACK-3.3.1.9'],
  );
  assert.equal(result.protocols[0]?.approval, 'Delvist godkendt');
});
