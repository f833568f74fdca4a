// Rehearsal: the reference GP system plays the vendor's system. What a person would do in the system's user
// interface for an instruction, it does through its automation API, when the operator confirms the step.
import { readFile } from 'node:fs/promises';
import { request } from 'undici';
import type { ActionAnswer, Instruction } from '../driver/manual/operator.ts';

/** Ids the manual driver hands out for what was registered (`manual-<step>`), as input fields. */
const REGISTERED_IDS = ['diagnosisId', 'resultId'];

export class ReferenceGpPerformer {
  /** `manual-<step>` → the reference GP's id of what that step registered. */
  private readonly ids = new Map<string, string>();
  private readonly sut: { baseUrl: string; token?: string };

  constructor(sut: { baseUrl: string; token?: string }) {
    this.sut = sut;
  }

  /** Performs the instruction on the reference GP; its refusal is the operator's "fejl" with its answer. */
  async perform(instruction: Instruction): Promise<ActionAnswer> {
    const input = { ...instruction.input };
    for (const key of REGISTERED_IDS)
      if (typeof input[key] === 'string') input[key] = this.ids.get(input[key]) ?? input[key];
    const [method, path, contentType, body] = await this.request(instruction.action, input);
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
      return { done: false, comment: `the system said ${answer.statusCode}: ${text.slice(0, 500)}` };
    if (instruction.action.startsWith('inbound.')) return { done: true };
    const output = (text ? (JSON.parse(text) as { output?: Record<string, unknown> }) : {}).output;
    for (const key of REGISTERED_IDS) {
      const id = output?.[key];
      if (typeof id === 'string') this.ids.set(`manual-${instruction.number}`, id);
    }
    return { done: true };
  }

  /** What a person does for the instruction, as an automation API request: method, path, content type, body. */
  private async request(
    action: string,
    input: Record<string, unknown>,
  ): Promise<['PUT' | 'POST', string, string, string]> {
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
      return ['POST', `/inbound/${action.slice('inbound.'.length)}`, type, await readFile(file, 'utf8')];
    }
    return ['POST', `/actions/${action}`, 'application/json', JSON.stringify({ input })];
  }
}
