// Testcamp mode: the operator orders the requisitions and loads each lab report file into the system, and the
// assessor judges every checkpoint on screen; the run needs no observation from the manual driver.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { parse } from 'yaml';
import { request } from 'undici';
import type { ActionAnswer, Instruction } from '../../src/driver/manual/operator.ts';
import { fastReferenceProfileYaml } from '../../reference-gp/test-profile.ts';
import { RobotOperator } from '../support/robot-operator.ts';
import { checkpoints, runReference } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const PROTOCOL = 'intelligent-indbakke';

/** Loads a lab report file into the reference GP as a person would import it; everything else as the robot does. */
class LoadingOperator extends RobotOperator {
  private readonly target: { baseUrl: string; token?: string };
  constructor(
    sut: { baseUrl: string; token?: string },
    assessments: ConstructorParameters<typeof RobotOperator>[1],
  ) {
    super(sut, assessments);
    this.target = sut;
  }

  override async instruct(instruction: Instruction): Promise<ActionAnswer | undefined> {
    if (instruction.action !== 'inbound.lab-report') return super.instruct(instruction);
    this.seen.push(instruction);
    const answer = await request(`${this.target.baseUrl}/certbench/v1/inbound/lab-report`, {
      method: 'POST',
      headers: {
        'content-type': 'application/xml',
        ...(this.target.token ? { authorization: `Bearer ${this.target.token}` } : {}),
      },
      body: readFileSync(String(instruction.input['file'])),
    });
    await answer.body.text();
    // The cut-off report is refused by the system: the operator notes it and goes on.
    return { done: true };
  }
}

it('a manual run: the operator performs every instruction and the assessor judges every checkpoint', async () => {
  const ids = (
    parse(readFileSync(`protocols/${PROTOCOL}.yaml`, 'utf8')) as { checkpoints: { id: string }[] }
  ).checkpoints.map((c) => c.id);
  const assessments = Object.fromEntries(
    ids.map((id) => [id, { decision: 'OK' as const, evidenceFiles: [] }]),
  );
  let operator: LoadingOperator | undefined;
  const profileFile = writeTemp(
    await tempDir(),
    'profile.yaml',
    fastReferenceProfileYaml(
      { vendor: 'MedCom (certbench)', system: 'certbench reference GP system', version: '1.0.0' },
      `  ${PROTOCOL}:\n    useCases: [R10]\n`,
    ),
  );
  const { result } = await runReference({
    profileFile: await profileFile,
    protocols: [PROTOCOL],
    driver: 'manual',
    assessor: 'Anne Assessor',
    operatorFactory: (sut) => (operator = new LoadingOperator(sut, assessments)),
  });
  assert.deepEqual(result.harnessErrors, []);
  assert.deepEqual(
    checkpoints(result)
      .filter((c) => c.status !== 'passed' || !c.assessment)
      .map((c) => `${c.id} ${c.status} ${c.message ?? ''}`),
    [],
  );
  const order = operator?.seen.find((i) => i.action === 'inbox.order-requisition');
  assert.match(
    order?.text.da ?? '',
    /Opret rekvisition A1\w{6} for 2509479989 .*autohåndtering "autosvar-ved-normal"/,
  );
  assert.ok(operator?.seen.some((i) => i.action === 'inbound.lab-report'));
});
