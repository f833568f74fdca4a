// One vendor's run in the console: its own SUT session, counterparts (on the vendor's port) and output folder, an
// operator the browser answers for, and its progress. Every start resumes from the run's journal, so restarting
// the console (or the machine) continues each run where it stopped.
import { Writable } from 'node:stream';
import { makeEnvironment } from '../environment/environment.ts';
import type { CertificationResult } from '../result/types.ts';
import { runCertification } from '../run/run-certification.ts';
import type { TestcampRunConfig } from './config.ts';
import { ConsoleOperator } from './console-operator.ts';
import { RunProgress } from './progress.ts';
import { ReferenceGpPerformer } from './rehearsal.ts';

export type SlotState = 'starting' | 'running' | 'finished' | 'stopped' | 'error';

export class RunSlot {
  readonly config: TestcampRunConfig;
  operator = new ConsoleOperator();
  progress = new RunProgress();
  state: SlotState = 'starting';
  result?: CertificationResult;
  error?: string;
  private running?: Promise<void>;
  private stopping = false;

  constructor(config: TestcampRunConfig) {
    this.config = config;
  }

  /** Starts (or resumes) the run; resolves when it ends, never rejects (the error is the slot's state). */
  start(): Promise<void> {
    this.state = 'running';
    this.stopping = false;
    delete this.error;
    this.progress = new RunProgress((v) =>
      this.operator.event(
        'verdict',
        `${v.checkpoints.join(', ') || v.scenario}: ${v.status} (foreløbig / provisional)`,
      ),
    );
    const quiet = new Writable({ write: (_c, _e, done) => done() });
    this.running = runCertification(
      {
        ...(this.config.profile ? { profileFile: this.config.profile } : {}),
        ...(this.config.referenceGp ? { referenceGp: { faults: [] } } : {}),
        protocols: this.config.protocols ?? 'all',
        mode: 'self-test',
        outDir: this.config.out,
        strict: false,
        html: false,
        summary: false,
        driver: 'manual',
        assessor: this.config.assessor,
        resume: true,
        ...(this.config.counterpartsPort ? { counterpartsPort: this.config.counterpartsPort } : {}),
        operatorFactory: (sut) => {
          this.operator = new ConsoleOperator(
            this.config.referenceGp ? new ReferenceGpPerformer(sut) : undefined,
          );
          return this.operator;
        },
        observe: (envelope) => this.progress.update(envelope),
      },
      makeEnvironment({ stdout: quiet, stderr: quiet, env: process.env }),
    ).then(
      ({ result }) => {
        this.result = result;
        this.state = this.stopping ? 'stopped' : 'finished';
      },
      (error: unknown) => {
        this.state = 'error';
        this.error = error instanceof Error ? error.message : String(error);
      },
    );
    return this.running;
  }

  /** Stops the run where it is (it resumes on the next start). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.operator.close();
    await this.running;
  }
}
