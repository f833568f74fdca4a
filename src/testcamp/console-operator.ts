// The operator and assessor of one run, in the browser: what the run asks waits here until the person with the
// right role answers it through the console's forms. Nothing is decided here that the journal does not record:
// the manual session journals every answer this returns.
import type {
  ActionAnswer,
  Assessment,
  AssessmentQuestion,
  Instruction,
  Operator,
} from '../driver/manual/operator.ts';
import type { ReferenceGpPerformer } from './rehearsal.ts';

export type Role = 'operator' | 'assessor';
export type AssessmentAnswer = Omit<Assessment, 'assessor' | 'at'>;

/** What the run waits for, and from whom. */
export type Pending =
  | { kind: 'instruction'; instruction: Instruction; resolve: (a: ActionAnswer | undefined) => void }
  | {
      kind: 'fejl';
      instruction: Instruction;
      comment: string;
      resolve: (d: 'confirmed' | 'corrected' | undefined) => void;
    }
  | { kind: 'assessment'; question: AssessmentQuestion; resolve: (a: AssessmentAnswer | undefined) => void };

export interface ConsoleEvent {
  at: Date;
  kind: 'notice' | 'received' | 'verdict' | 'step';
  text: string;
}

/** Keeps the newest events only: a page shows the recent ones, the journal keeps all. */
const MAX_EVENTS = 200;

export class ConsoleOperator implements Operator {
  pending?: Pending;
  readonly events: ConsoleEvent[] = [];
  /** The step shown last (its number), for the progress line. */
  step = 0;
  rebuild?: (instruction: Instruction) => Promise<void>;
  private readonly performer?: ReferenceGpPerformer;
  private closed = false;

  /** With a performer (rehearsal), the reference GP performs each step the operator confirms. */
  constructor(performer?: ReferenceGpPerformer) {
    if (performer) {
      this.performer = performer;
      // The reference GP starts empty with each run: a resumed rehearsal has it perform the answered steps again.
      this.rebuild = async (instruction) => {
        await performer.perform(instruction);
      };
    }
  }

  instruct(instruction: Instruction): Promise<ActionAnswer | undefined> {
    this.step = instruction.number;
    return this.wait((resolve) => ({ kind: 'instruction', instruction, resolve }));
  }

  confirmFailure(instruction: Instruction, comment: string): Promise<'confirmed' | 'corrected' | undefined> {
    return this.wait((resolve) => ({ kind: 'fejl', instruction, comment, resolve }));
  }

  assess(question: AssessmentQuestion): Promise<AssessmentAnswer | undefined> {
    return this.wait((resolve) => ({ kind: 'assessment', question, resolve }));
  }

  received(request: { method: string; url: string }): void {
    this.event(
      'received',
      `Modtaget fra systemet / received from the system: ${request.method} ${request.url}`,
    );
  }

  notice(text: { da: string; en: string }): void {
    this.event('notice', `${text.da} / ${text.en}`);
  }

  event(kind: ConsoleEvent['kind'], text: string): void {
    this.events.push({ at: new Date(), kind, text });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }

  /** The run is stopping: whatever it waits for is not answered (the run is interrupted, and resumes later). */
  close(): void {
    this.closed = true;
    const pending = this.pending;
    delete this.pending;
    pending?.resolve(undefined);
  }

  /**
   * The operator's answer to step `step` (the number the form was shown with, so a second browser tab cannot
   * answer a later step by mistake). In a rehearsal "done" has the reference GP perform it first.
   */
  async answerStep(step: number, answer: ActionAnswer): Promise<string | undefined> {
    const pending = this.pending;
    if (pending?.kind !== 'instruction' || pending.instruction.number !== step)
      return `trin ${step} er allerede besvaret / step ${step} is answered already`;
    delete this.pending;
    const final = answer.done && this.performer ? await this.performer.perform(pending.instruction) : answer;
    this.event(
      'step',
      final.done
        ? `Trin ${step} udført / step ${step} done`
        : `Trin ${step}: fejl / step ${step}: failure: ${final.comment}`,
    );
    pending.resolve(final);
    return undefined;
  }

  /** The assessor confirms the operator's "fejl", or the operator takes it back. */
  async settleFejl(step: number, role: Role, decision: 'confirm' | 'correct'): Promise<string | undefined> {
    const pending = this.pending;
    if (pending?.kind !== 'fejl' || pending.instruction.number !== step)
      return `fejlen i trin ${step} er allerede afgjort / the failure at step ${step} is settled already`;
    if ((decision === 'confirm') !== (role === 'assessor'))
      return 'kun bedømmeren bekræfter en fejl, kun operatøren trækker den tilbage / only the assessor confirms a failure, only the operator takes it back';
    delete this.pending;
    if (decision === 'correct' && this.performer) {
      // In a rehearsal "done after all" has the reference GP perform the step; its refusal is the failure now.
      const performed = await this.performer.perform(pending.instruction);
      if (!performed.done) {
        this.pending = { ...pending, comment: performed.comment };
        return `systemet afviste trinnet / the system refused the step: ${performed.comment}`;
      }
    }
    this.event(
      'step',
      decision === 'confirm'
        ? `Fejl i trin ${step} bekræftet / failure at step ${step} confirmed`
        : `Fejl i trin ${step} trukket tilbage: udført / failure at step ${step} taken back: done`,
    );
    pending.resolve(decision === 'confirm' ? 'confirmed' : 'corrected');
    return undefined;
  }

  answerAssessment(checkpointId: string, answer: AssessmentAnswer): string | undefined {
    const pending = this.pending;
    if (pending?.kind !== 'assessment' || pending.question.checkpointId !== checkpointId)
      return `${checkpointId} er allerede bedømt / ${checkpointId} is assessed already`;
    delete this.pending;
    this.event('verdict', `${checkpointId}: bedømt / assessed ${answer.decision}`);
    pending.resolve(answer);
    return undefined;
  }

  private wait<T>(make: (resolve: (value: T | undefined) => void) => Pending): Promise<T | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    return new Promise<T | undefined>((resolve) => {
      this.pending = make(resolve);
    });
  }
}
