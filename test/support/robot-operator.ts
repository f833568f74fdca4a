import type {
  ActionAnswer,
  Assessment,
  AssessmentQuestion,
  Instruction,
  Operator,
} from '../../src/driver/manual/operator.ts';
import { ReferenceGpPerformer } from '../../src/testcamp/rehearsal.ts';

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
  private readonly performer: ReferenceGpPerformer;
  private readonly assessments: Record<string, Omit<Assessment, 'assessor' | 'at'> | undefined>;

  constructor(
    sut: { baseUrl: string; token?: string },
    assessments: RobotOperator['assessments'] = {},
    options: { rebuilds?: boolean } = {},
  ) {
    this.performer = new ReferenceGpPerformer(sut);
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

  private act(instruction: Instruction): Promise<ActionAnswer> {
    return this.performer.perform(instruction);
  }

  assess(question: AssessmentQuestion): Promise<Omit<Assessment, 'assessor' | 'at'> | undefined> {
    if (this.halted && this.stopAt !== undefined) return Promise.resolve(undefined);
    this.asked.push(question);
    return Promise.resolve(this.assessments[question.checkpointId]);
  }

  close(): void {}
}
