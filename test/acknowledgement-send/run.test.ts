// acknowledgement-send end to end: the reference GP passes every checkpoint an automatic run can see, as messages
// of their own (variant message) and as the synchronous answer (variant synchronous, where the envelope and the
// times of sending fall to the assessor); a system claiming kommunale-proevesvar too receives the messages the
// two protocols share once.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AssessmentQuestion, Instruction } from '../../src/driver/manual/operator.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { RobotOperator } from '../support/robot-operator.ts';
import { checkpoint, checkpoints, fastReferenceProfile, runReference } from '../support/run.ts';

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
