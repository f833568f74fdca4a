import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ActionRefused, RunInterrupted } from '../../checks/check-failed.ts';
import type { InboundAnswer, InboundMessage, SessionConfig, SutDriver, SutInfo } from '../types.ts';
import {
  describeAnalyses,
  describeCodes,
  instructionFor,
  testDataOf,
  type RegisteredNames,
} from './instructions.ts';
import type { DecisionJournal } from './journal.ts';
import { forVariant } from './variant-texts.ts';
import type { Assessment, AssessmentQuestion, Operator } from './operator.ts';

/** An evidence file the assessor attached, copied into the run folder. */
export interface AttachedFile {
  name: string;
  file?: string;
  sha256?: string;
  error?: string;
}

export type RecordedAssessment = Omit<Assessment, 'evidenceFiles'> & { evidenceFiles: AttachedFile[] };

/**
 * One manual (testcamp) run: the operator, the numbering of instructions across the whole run, the names of
 * what the operator registered, and the assessor's decisions. Drivers made for each scenario share it.
 */
export class ManualSession {
  private readonly operator: Operator;
  private readonly journal: DecisionJournal;
  private readonly assessor: string;
  private readonly outDir: string;
  private readonly clock: () => Date;
  private readonly names: RegisteredNames = new Map();
  private counter = 0;
  /** The variants of this run (from the session), which change what some instructions ask. */
  private variants: Readonly<Record<string, string>> = {};

  constructor(options: {
    operator: Operator;
    journal: DecisionJournal;
    assessor: string;
    outDir: string;
    clock: () => Date;
  }) {
    this.operator = options.operator;
    this.journal = options.journal;
    this.assessor = options.assessor;
    this.outDir = options.outDir;
    this.clock = options.clock;
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

  /** The assessor's decision on a checkpoint: from the journal when resuming, else asked and journalled. */
  async assess(question: AssessmentQuestion): Promise<RecordedAssessment> {
    const known = this.journal.get(question.checkpointId);
    const decision = known ?? (await this.ask(question));
    return { ...decision, evidenceFiles: decision.evidenceFiles.map((f) => this.attach(f)) };
  }

  close(): void {
    this.operator.close();
  }

  private async ask(question: AssessmentQuestion): Promise<Assessment> {
    const answer = await this.operator.assess(question);
    if (!answer) throw new RunInterrupted('the operator stopped the run; resume it with --resume');
    const assessment: Assessment = { ...answer, assessor: this.assessor, at: this.clock().toISOString() };
    this.journal.record(question.checkpointId, assessment);
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
    const answer = await this.operator.instruct({
      number,
      action,
      input,
      ...texts,
      testData: testDataOf(input),
    });
    if (!answer) throw new RunInterrupted('the operator stopped the run; resume it with --resume');
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
    if (!existsSync(path)) return { name: path, error: 'file not found' };
    const bytes = readFileSync(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = join('evidence', 'files', `${sha256.slice(0, 16)}-${basename(path)}`);
    mkdirSync(join(this.outDir, 'evidence', 'files'), { recursive: true });
    copyFileSync(path, join(this.outDir, file));
    return { name: basename(path), file, sha256 };
  }
}
