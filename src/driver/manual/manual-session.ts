import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { ActionRefused, RunInterrupted } from '../../checks/check-failed.ts';
import type { Clock } from '../../environment/environment.ts';
import type { InboundAnswer, InboundMessage, SessionConfig, SutDriver, SutInfo } from '../types.ts';
import {
  describeAnalyses,
  describeCodes,
  instructionFor,
  testDataOf,
  type RegisteredNames,
} from './instructions.ts';
import { inputSha256, type ReceivedRequest, type RunJournal } from './journal.ts';
import { forVariant } from './variant-texts.ts';
import type { ActionAnswer, Assessment, AssessmentQuestion, Instruction, Operator } from './operator.ts';

/** An evidence file the assessor attached, copied into the run folder. */
export interface AttachedFile {
  name: string;
  file?: string;
  sha256?: string;
  error?: string;
}

export type RecordedAssessment = Omit<Assessment, 'evidenceFiles'> & { evidenceFiles: AttachedFile[] };

/** Marks a request handed to a counterpart from the journal on resume, in its evidence and against journalling it twice. */
export const REPLAY_HEADER = 'x-certbench-replayed-from-journal';

/** Where kept uploads live in the run folder (not removed when a run starts, unlike `evidence/`). */
const UPLOADS = 'manual-uploads';

/**
 * One manual (testcamp) run: the operator, the numbering of instructions across the whole run, the names of
 * what the operator registered, and the journal of everything answered. Drivers made for each scenario share it.
 *
 * Resuming: the run goes through the same steps again; while each step is the one the journal holds at its number
 * (same action, same input), its answer comes from the journal and nobody is asked. The system is taken to have
 * kept its state, so the counterparts are handed again what the system sent to them after that step (marked as
 * replayed in the evidence); an operator that can `rebuild` (the reference GP in a rehearsal) performs the step
 * again instead. The first step the journal does not hold is asked: the run continues where it stopped.
 */
export class ManualSession {
  private readonly operator: Operator;
  private readonly journal: RunJournal;
  private readonly assessor: string;
  private readonly outDir: string;
  private readonly now: () => Date;
  private readonly handOver: (request: ReceivedRequest) => Promise<void>;
  private readonly names: RegisteredNames = new Map();
  private counter = 0;
  /** Answers still come from the journal. */
  private replaying: boolean;
  /** Journalled requests handed to the counterparts so far. */
  private handedOver = 0;
  /** While replaying: a journalled time and the real time it was reached, for the run's clock. */
  private anchor?: { journalled: number; real: number };
  /** The operator stopped the run (it is not finished, and `--resume` continues it). */
  interrupted = false;
  /** The variants of this run (from the session), which change what some instructions ask. */
  private variants: Readonly<Record<string, string>> = {};

  constructor(options: {
    operator: Operator;
    journal: RunJournal;
    assessor: string;
    outDir: string;
    clock: () => Date;
    /** Sends a journalled request to this run's counterparts again (resume without `rebuild`). */
    handOver?: (request: ReceivedRequest) => Promise<void>;
  }) {
    this.operator = options.operator;
    this.journal = options.journal;
    this.assessor = options.assessor;
    this.outDir = options.outDir;
    this.now = options.clock;
    this.handOver = options.handOver ?? (() => Promise.resolve());
    this.replaying = options.journal.steps.size > 0;
    const first = options.journal.steps.get(1);
    if (first) this.reach(first.at);
    if (this.replaying)
      this.operator.notice?.({
        da: `Kørslen genoptages: ${options.journal.steps.size} trin er allerede besvaret og spørges ikke igen.`,
        en: `The run is resumed: ${options.journal.steps.size} steps are answered already and are not asked again.`,
      });
  }

  /**
   * The run's clock. While the run replays the journal it tells the journalled time (running on from the last
   * replayed event), so what a check derives from when a step happened (e.g. "Composition.date is the time of the
   * last change") is judged against when the operator did it, not when the run was resumed.
   */
  clock(base: Clock): Clock {
    return {
      now: () => {
        const real = base.now();
        if (!this.replaying || !this.anchor) return real;
        return new Date(this.anchor.journalled + (real.getTime() - this.anchor.real));
      },
    };
  }

  driver(profile: { vendor: string; system: string; version: string }): SutDriver {
    return {
      kind: 'manual',
      info: (): Promise<SutInfo> => Promise.resolve({ ...profile, automationApiVersion: 'manual' }),
      configureSession: async (session: SessionConfig) => {
        this.variants = session.variants ?? {};
        await this.perform('session.configure', { ...session.counterparts });
      },
      perform: (action, input) => this.perform(action, input),
      deliver: (message) => this.deliver(message),
      // Nobody can read the screen for certbench: what needs an observation is pending in a manual run (manual
      // checkpoints skip their observable part and the assessor judges the screen instead).
      observe: (observation) =>
        Promise.reject(
          new RunInterrupted(
            `observation ${observation} cannot be read in a manual run: pending until an automatic run or the assessor judges it`,
          ),
        ),
    };
  }

  /**
   * A request the SUT sent to a counterpart, journalled with the step last asked. Not journalled: what the
   * journal handed over itself, and what a rebuilding system sends again while the run replays.
   */
  received(request: ReceivedRequest): void {
    this.operator.received?.({ method: request.method, url: request.url });
    if (request.headers[REPLAY_HEADER] !== undefined || this.replaying) return;
    // Journalled with the step last asked: the system sends while or after the operator performs it, and a resumed
    // run hands it over while replaying that step, before the checkpoint waits for it.
    this.journal.record({ type: 'received', afterStep: this.counter, ...request });
  }

  /** The assessor's decision on a checkpoint: from the journal when resuming, else asked and journalled. */
  async assess(question: AssessmentQuestion): Promise<RecordedAssessment> {
    const known = this.journal.assessments.get(question.checkpointId);
    const decision = known ?? (await this.ask(question));
    return { ...decision, evidenceFiles: decision.evidenceFiles.map((f) => this.attach(f)) };
  }

  /**
   * Keeps an evidence file in the run folder the moment it is given (journalled), so a resumed run still has it;
   * returns its path relative to the run folder, which the decision names.
   */
  keepUpload(checkpointId: string, name: string, bytes: Buffer): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const safeName = basename(name).replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'bilag';
    const file = join(UPLOADS, sha256.slice(0, 16), safeName);
    mkdirSync(join(this.outDir, UPLOADS, sha256.slice(0, 16)), { recursive: true });
    writeFileSync(join(this.outDir, file), bytes);
    this.journal.record({ type: 'upload', checkpointId, name: safeName, file, sha256, bytes: bytes.length });
    return file;
  }

  close(): void {
    this.operator.close();
  }

  private stopped(): never {
    this.interrupted = true;
    throw new RunInterrupted('the operator stopped the run; resume it with --resume');
  }

  private async ask(question: AssessmentQuestion): Promise<Assessment> {
    const answer = await this.operator.assess(question);
    if (!answer) this.stopped();
    // A path the assessor typed is kept now: the file may be gone when the run is resumed.
    const incoming = join(this.outDir, UPLOADS, 'incoming');
    const evidenceFiles = answer.evidenceFiles.map((path) => {
      if (!existsSync(path) || path.startsWith(`${UPLOADS}/`)) return path;
      const kept = this.keepUpload(question.checkpointId, basename(path), readFileSync(path));
      // A console upload waits in `incoming` until the decision is taken; it is kept under its hash now.
      if (path.startsWith(`${incoming}/`)) rmSync(path);
      return kept;
    });
    const assessment: Assessment = {
      ...answer,
      evidenceFiles,
      assessor: this.assessor,
      at: this.now().toISOString(),
    };
    this.journal.record({ type: 'assessment', checkpointId: question.checkpointId, assessment });
    return assessment;
  }

  private async perform(action: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const number = ++this.counter;
    const texts =
      action === 'session.configure'
        ? {
            title: { da: 'Forbind systemet med certbench', en: 'Connect the system to certbench' },
            text: {
              da: 'Indstil systemet til at sende til certbench på adresserne nedenfor.',
              en: 'Set the system to send to certbench at the addresses below.',
            },
          }
        : forVariant(action, instructionFor(action, input, this.names), this.variants);
    const instruction: Instruction = { number, action, input, ...texts, testData: testDataOf(input) };
    const answer = await this.answer(instruction);
    if (!answer.done)
      throw new ActionRefused(`step ${number} "${texts.title.en}" could not be performed: ${answer.comment}`);
    // The operator knows what was registered by its content; later instructions name it that way.
    const id = `manual-${number}`;
    if (action === 'diagnosekort.register-diagnosis') {
      // The GP system derives the diagnosetekst; the operator knows the diagnosis by what was entered.
      this.names.set(id, `${describeCodes(input['codes']) || 'uden kode og tekst'} (trin/step ${number})`);
      return { diagnosisId: id };
    }
    if (action === 'lab.register-result') {
      this.names.set(
        id,
        `prøvesvaret fra trin ${number} / the result of step ${number} (${describeAnalyses(input)})`,
      );
      return { resultId: id };
    }
    return {};
  }

  /** The step's answer: from the journal while the run replays, else from the operator (journalled). */
  private async answer(instruction: Instruction): Promise<ActionAnswer> {
    const { number, action, input } = instruction;
    const sha = inputSha256(input);
    let known = this.replaying ? this.journal.steps.get(number) : undefined;
    if (this.replaying && (!known || known.action !== action || known.inputSha256 !== sha)) {
      this.replaying = false;
      if (known) {
        // Another step than the journal's at this number: what the journal holds from here no longer applies.
        this.journal.record({
          type: 'diverged',
          step: number,
          reason: `the journal holds ${known.action} at this step (test data ${known.inputSha256.slice(0, 12)}), this run asks ${action} (${sha.slice(0, 12)})`,
        });
      }
      known = undefined;
      this.operator.notice?.({
        da: `Kørslen fortsætter ved trin ${number}.`,
        en: `The run continues at step ${number}.`,
      });
    } else if (known && known.outcome !== 'fejl') {
      await this.restore(instruction, known.at);
      return known.outcome === 'done'
        ? { done: true }
        : { done: false, comment: known.comment ?? 'no comment' };
    }
    if (known?.outcome === 'fejl') {
      // The operator's "fejl" was not yet confirmed when the run stopped: it is still open.
      this.replaying = false;
      return this.confirm(instruction, known.comment ?? 'no comment');
    }
    const answer = await this.operator.instruct(instruction);
    if (!answer) this.stopped();
    this.journal.record({
      type: 'answer',
      step: number,
      action,
      inputSha256: sha,
      done: answer.done,
      ...(answer.done ? {} : { comment: answer.comment }),
    });
    return answer.done ? answer : this.confirm(instruction, answer.comment);
  }

  /** A "fejl" stands only once the assessor confirms it; until then the operator can take it back. */
  private async confirm(instruction: Instruction, comment: string): Promise<ActionAnswer> {
    const decision = this.operator.confirmFailure
      ? await this.operator.confirmFailure(instruction, comment)
      : 'confirmed';
    if (!decision) this.stopped();
    if (decision === 'confirmed') {
      this.journal.record({ type: 'fejl-confirmed', step: instruction.number, assessor: this.assessor });
      return { done: false, comment };
    }
    this.journal.record({ type: 'fejl-corrected', step: instruction.number });
    return { done: true };
  }

  /** A replayed step: the system performs it again, or the counterparts get again what the system sent then. */
  private async restore(instruction: Instruction, answeredAt: string): Promise<void> {
    this.reach(answeredAt);
    if (this.operator.rebuild) {
      await this.operator.rebuild(instruction);
      return;
    }
    const due = this.journal.received.filter((r) => r.afterStep <= instruction.number);
    for (const { request, at } of due.slice(this.handedOver)) {
      this.reach(at);
      await this.handOver(request);
    }
    this.handedOver = due.length;
  }

  /** The replay has reached a journalled time (a rebuilding system acts now: its run keeps the real time). */
  private reach(at: string): void {
    if (this.operator.rebuild) return;
    const journalled = Date.parse(at);
    if (Number.isFinite(journalled)) this.anchor = { journalled, real: this.now().getTime() };
  }

  /**
   * A message for the SUT is written into the run folder and the operator loads it into the system the way the
   * testcamp protocols say ("indlæs testeksempel"); what the system then does is checked by later steps.
   */
  private async deliver(message: InboundMessage): Promise<InboundAnswer> {
    const extension = /xml/i.test(message.contentType) ? 'xml' : 'json';
    const file = join('inbound', `${this.counter + 1}-${message.channel}.${extension}`);
    mkdirSync(join(this.outDir, 'inbound'), { recursive: true });
    writeFileSync(join(this.outDir, file), message.body);
    await this.perform(`inbound.${message.channel}`, {
      file: join(this.outDir, file),
      description: message.description,
    });
    return { kind: 'manual' };
  }

  /** Copies an evidence file into the run folder under its hash, so the record points at a file that stays. */
  private attach(path: string): AttachedFile {
    const source = isAbsolute(path) ? path : join(this.outDir, path);
    if (!existsSync(source)) return { name: path, error: 'file not found' };
    const bytes = readFileSync(source);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = join('evidence', 'files', `${sha256.slice(0, 16)}-${basename(path)}`);
    mkdirSync(join(this.outDir, 'evidence', 'files'), { recursive: true });
    copyFileSync(source, join(this.outDir, file));
    return { name: basename(path), file, sha256 };
  }
}
