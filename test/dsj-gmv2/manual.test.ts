// A testcamp (manual) run of dsj-gmv2 against the reference GP: a scripted operator performs every instruction,
// loads the delivered questionnaire file into the system and answers the assessment. Nothing may be a harness
// error; the checks that need the automation API's observation are pending with the reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { request } from 'undici';
import type { ActionAnswer, Instruction } from '../../src/driver/manual/operator.ts';
import { RobotOperator } from '../support/robot-operator.ts';
import { checkpoints, fastReferenceProfile, runReference } from '../support/run.ts';

/** The robot, plus what an operator does with a delivered file: load it into the system's receiving endpoint. */
class LoadingRobot extends RobotOperator {
  private readonly target: { baseUrl: string; token?: string };

  constructor(sut: { baseUrl: string; token?: string }) {
    super(sut, { 'DSJ-3.3.1.5': { decision: 'OK', evidenceFiles: [] } });
    this.target = sut;
  }

  override async instruct(instruction: Instruction): Promise<ActionAnswer | undefined> {
    if (!instruction.action.startsWith('inbound.')) return super.instruct(instruction);
    this.seen.push(instruction);
    const channel = instruction.action.slice('inbound.'.length);
    const answer = await request(`${this.target.baseUrl}/certbench/v1/inbound/${channel}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/fhir+json',
        ...(this.target.token ? { authorization: `Bearer ${this.target.token}` } : {}),
      },
      body: readFileSync(String(instruction.input['file'])),
    });
    await answer.body.text();
    return answer.statusCode < 300 ? { done: true } : { done: false, comment: `HTTP ${answer.statusCode}` };
  }
}

test('a manual dsj-gmv2 run passes what it can judge and leaves the observation checks pending', async () => {
  let robot: LoadingRobot | undefined;
  const { result } = await runReference({
    profileFile: await fastReferenceProfile('  dsj-gmv2: { variant: cda }\n'),
    protocols: ['dsj-gmv2'],
    driver: 'manual',
    assessor: 'Anne Assessor',
    operatorFactory: (sut) => (robot = new LoadingRobot(sut)),
  });
  assert.deepEqual(result.harnessErrors, []);
  const byStatus = (status: string) =>
    checkpoints(result)
      .filter((c) => c.status === status)
      .map((c) => c.id);
  assert.deepEqual(byStatus('failed'), []);
  const pending = checkpoints(result).filter((c) => c.status === 'pending');
  for (const id of ['DSJ-3.3.1.2', 'DSJ-3.3.1.3', 'DSJ-3.3.1.4', 'DSJ-3.3.2.9'])
    assert.match(
      pending.find((c) => c.id === id)?.message ?? '',
      /manual run has no automation API observation/,
      id,
    );
  assert.ok(byStatus('passed').includes('DSJ-3.3.2.6'));
  assert.ok(byStatus('passed').includes('DSJ-3.3.1.5'), 'the assessor judged the DSJ screen');
  const first = robot?.seen.find((i) => i.action === 'dsj.first-consultation');
  assert.match(first?.text.da ?? '', /Vælg fødestedet Testfødested/);
});
