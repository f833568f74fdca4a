import { request } from 'undici';
import type {
  ActionAnswer,
  Assessment,
  AssessmentQuestion,
  Instruction,
  Operator,
} from '../../src/driver/manual/operator.ts';

/**
 * A scripted operator for manual runs against the reference GP system: it does what each instruction says by
 * calling the reference system's automation API, as a person would click through a vendor's user interface,
 * and answers assessments from a script (a missing answer stops the run, like an operator walking away).
 */
export class RobotOperator implements Operator {
  readonly seen: Instruction[] = [];
  readonly asked: AssessmentQuestion[] = [];
  private readonly ids = new Map<string, string>();
  private readonly sut: { baseUrl: string; token?: string };
  private readonly assessments: Record<string, Omit<Assessment, 'assessor' | 'at'> | undefined>;

  constructor(sut: { baseUrl: string; token?: string }, assessments: RobotOperator['assessments'] = {}) {
    this.sut = sut;
    this.assessments = assessments;
  }

  async instruct(instruction: Instruction): Promise<ActionAnswer | undefined> {
    this.seen.push(instruction);
    const input = { ...instruction.input };
    if (typeof input['diagnosisId'] === 'string')
      input['diagnosisId'] = this.ids.get(input['diagnosisId']) ?? input['diagnosisId'];
    const [method, path, body] =
      instruction.action === 'session.configure'
        ? (['PUT', '/session', { runId: 'manual', counterparts: input }] as const)
        : (['POST', `/actions/${instruction.action}`, { input }] as const);
    const answer = await request(`${this.sut.baseUrl}/certbench/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(this.sut.token ? { authorization: `Bearer ${this.sut.token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await answer.body.text();
    if (answer.statusCode >= 300)
      return { done: false, comment: `the system said ${answer.statusCode}: ${text}` };
    const output = (text ? (JSON.parse(text) as { output?: { diagnosisId?: string } }) : {}).output;
    if (output?.diagnosisId) this.ids.set(`manual-${instruction.number}`, output.diagnosisId);
    return { done: true };
  }

  assess(question: AssessmentQuestion): Promise<Omit<Assessment, 'assessor' | 'at'> | undefined> {
    this.asked.push(question);
    return Promise.resolve(this.assessments[question.checkpointId]);
  }

  close(): void {}
}
