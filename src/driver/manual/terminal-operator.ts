import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ActionAnswer, Assessment, AssessmentQuestion, Instruction, Operator } from './operator.ts';

const DECISION = /^(OK|F[1-4]|NR)\b\s*(.*)$/i;

/**
 * Operator at a terminal (or any line-oriented stream: a script can answer). Prompts are in Danish and English;
 * answers: Enter = done, `fejl <comment>` / `fail <comment>` = could not be done, which the assessor confirms
 * (`bekræft`) or the operator takes back (`udført`); for assessments `OK`,
 * `F1`–`F4 <comment>` or `NR <comment>`, then evidence file paths (comma-separated, blank for none).
 */
export class TerminalOperator implements Operator {
  private readonly out: Writable;
  private readonly lines: AsyncIterator<string>;
  private readonly rl: Interface;

  constructor(input: Readable, output: Writable) {
    this.out = output;
    this.rl = createInterface({ input, terminal: false });
    this.lines = this.rl[Symbol.asyncIterator]();
  }

  async instruct(i: Instruction): Promise<ActionAnswer | undefined> {
    const data = Object.entries(i.testData).map(([k, v]) => `      ${k}: ${v}`);
    this.write(
      `\n[${i.number}] ${i.title.da} / ${i.title.en}`,
      `    DA: ${i.text.da}`,
      `    EN: ${i.text.en}`,
      ...(data.length ? ['    Testdata / test data:', ...data] : []),
      '    Enter = udført / done;  "fejl <kommentar>" / "fail <comment>" = kunne ikke udføres / could not be done',
    );
    const line = await this.ask('> ');
    if (line === undefined) return undefined;
    const failed = /^(fejl|fail)\b\s*(.*)$/i.exec(line.trim());
    return failed ? { done: false, comment: failed[2] || 'no comment' } : { done: true };
  }

  notice(text: { da: string; en: string }): void {
    this.write(`\n*** ${text.da} / ${text.en}`);
  }

  async confirmFailure(i: Instruction, comment: string): Promise<'confirmed' | 'corrected' | undefined> {
    this.write(
      `    Fejl i trin ${i.number} / failure at step ${i.number}: "${comment}"`,
      '    Bedømmer / assessor: "bekræft" / "confirm" = fejlen står / the failure stands',
      '    Operatør / operator: "udført" / "done" = trinnet blev udført alligevel / the step was done after all',
    );
    for (;;) {
      const line = await this.ask('> ');
      if (line === undefined) return undefined;
      if (/^(bekræft|confirm)$/i.test(line.trim())) return 'confirmed';
      if (/^(udført|done)$/i.test(line.trim())) return 'corrected';
      this.write('    ? bekræft/confirm eller/or udført/done');
    }
  }

  async assess(q: AssessmentQuestion): Promise<Omit<Assessment, 'assessor' | 'at'> | undefined> {
    this.write(
      `\n[${q.checkpointId}] ${q.title}`,
      `    DA: ${q.question.da}`,
      `    EN: ${q.question.en}`,
      '    Vurdering / assessment: OK | F1..F4 <kommentar/comment> | NR <kommentar/comment>',
    );
    for (;;) {
      const line = await this.ask('> ');
      if (line === undefined) return undefined;
      const match = DECISION.exec(line.trim());
      if (!match) {
        this.write('    ? OK, F1, F2, F3, F4 eller/or NR');
        continue;
      }
      const decision = (match[1] ?? 'OK').toUpperCase() as Assessment['decision'];
      const comment = match[2]?.trim();
      if (decision !== 'OK' && !comment) {
        this.write('    ? skriv en kommentar / give a comment');
        continue;
      }
      const files = await this.ask(
        '    Bilag (filstier, komma) / evidence files (paths, comma), Enter = ingen/none: ',
      );
      if (files === undefined) return undefined;
      const evidenceFiles = files
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      return { decision, ...(comment ? { comment } : {}), evidenceFiles };
    }
  }

  close(): void {
    this.rl.close();
  }

  private write(...lines: string[]): void {
    this.out.write(`${lines.join('\n')}\n`);
  }

  private async ask(prompt: string): Promise<string | undefined> {
    this.out.write(prompt);
    const next = await this.lines.next();
    return next.done ? undefined : next.value;
  }
}
