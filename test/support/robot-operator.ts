import { readFileSync } from 'node:fs';
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
  /** Stops the run (no answer, like an operator walking away) from this instruction number on. */
  stopAt?: number;
  /**
   * Set for a system that forgets its state on restart (a reference GP the run starts): a resumed run has the robot
   * perform the journalled steps again. Unset, the system is taken to keep its state.
   */
  rebuild?: (instruction: Instruction) => Promise<void>;
  /** Stopped at `stopAt`: assessments are not answered either, until `stopAt` is cleared. */
  private halted = false;
  private readonly ids = new Map<string, string>();
  private readonly sut: { baseUrl: string; token?: string };
  private readonly assessments: Record<string, Omit<Assessment, 'assessor' | 'at'> | undefined>;

  constructor(
    sut: { baseUrl: string; token?: string },
    assessments: RobotOperator['assessments'] = {},
    options: { rebuilds?: boolean } = {},
  ) {
    this.sut = sut;
    this.assessments = assessments;
    if (options.rebuilds)
      this.rebuild = async (instruction) => {
        await this.act(instruction);
      };
  }

  async instruct(instruction: Instruction): Promise<ActionAnswer | undefined> {
    if (this.stopAt !== undefined && instruction.number >= this.stopAt) {
      this.halted = true;
      return undefined;
    }
    this.seen.push(instruction);
    return this.act(instruction);
  }

  private async act(instruction: Instruction): Promise<ActionAnswer> {
    const input = { ...instruction.input };
    for (const key of ['diagnosisId', 'resultId'])
      if (typeof input[key] === 'string') input[key] = this.ids.get(input[key]) ?? input[key];
    const [method, path, contentType, body] = this.request(instruction.action, input);
    const answer = await request(`${this.sut.baseUrl}/certbench/v1${path}`, {
      method,
      headers: {
        'content-type': contentType,
        ...(this.sut.token ? { authorization: `Bearer ${this.sut.token}` } : {}),
      },
      body,
    });
    const text = await answer.body.text();
    if (answer.statusCode >= 300)
      return { done: false, comment: `the system said ${answer.statusCode}: ${text}` };
    if (instruction.action.startsWith('inbound.')) return { done: true };
    const output = (text ? (JSON.parse(text) as { output?: Record<string, unknown> }) : {}).output;
    for (const key of ['diagnosisId', 'resultId']) {
      const id = output?.[key];
      if (typeof id === 'string') this.ids.set(`manual-${instruction.number}`, id);
    }
    return { done: true };
  }

  /** What a person does for the instruction, as an automation API request: method, path, content type, body. */
  private request(action: string, input: Record<string, unknown>): ['PUT' | 'POST', string, string, string] {
    if (action === 'session.configure')
      return [
        'PUT',
        '/session',
        'application/json',
        JSON.stringify({ runId: 'manual', counterparts: input }),
      ];
    // "Load the file into the system as if it arrived from the network."
    if (action.startsWith('inbound.')) {
      const file = String(input['file']);
      const type = file.endsWith('.xml') ? 'application/xml' : 'application/fhir+json';
      return ['POST', `/inbound/${action.slice('inbound.'.length)}`, type, readFileSync(file, 'utf8')];
    }
    return ['POST', `/actions/${action}`, 'application/json', JSON.stringify({ input })];
  }

  assess(question: AssessmentQuestion): Promise<Omit<Assessment, 'assessor' | 'at'> | undefined> {
    if (this.halted && this.stopAt !== undefined) return Promise.resolve(undefined);
    this.asked.push(question);
    return Promise.resolve(this.assessments[question.checkpointId]);
  }

  close(): void {}
}
