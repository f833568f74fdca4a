/** A numbered instruction to the person at the keyboard, in Danish and English, with the test data to use. */
export interface Instruction {
  number: number;
  /** The automation action this instruction stands for, and its input (for logs and scripted operators). */
  action: string;
  input: Record<string, unknown>;
  title: { da: string; en: string };
  text: { da: string; en: string };
  testData: Record<string, string>;
}

export type ActionAnswer = { done: true } | { done: false; comment: string };

/** The assessor's decision on a manual checkpoint, MedCom style: OK, F1–F4 with a comment, or not relevant. */
export interface Assessment {
  decision: 'OK' | 'F1' | 'F2' | 'F3' | 'F4' | 'NR';
  comment?: string;
  /** Paths of evidence files the assessor attaches (screenshots). */
  evidenceFiles: string[];
  assessor: string;
  at: string;
}

export interface AssessmentQuestion {
  checkpointId: string;
  title: string;
  question: { da: string; en: string };
}

/**
 * The person operating a manual run. The terminal implementation reads answers line by line, so a script can
 * answer as well as a person; `undefined` means the operator stopped the run.
 */
export interface Operator {
  instruct(instruction: Instruction): Promise<ActionAnswer | undefined>;
  /**
   * After a "fejl": the assessor confirms it (the step failed) or the operator takes it back and performs the step
   * after all (a mistyped answer must not fail every checkpoint that shares the step). A scripted operator without
   * it reports only what the system itself refused: its "fejl" stands at once.
   */
  confirmFailure?(instruction: Instruction, comment: string): Promise<'confirmed' | 'corrected' | undefined>;
  /**
   * For a system that does not keep its state across a restart (the reference GP system in a rehearsal): performs a
   * step the journal already answered again, without asking anyone, so a resumed run finds the system as it was.
   * Without it the system is taken to keep its state, and the counterparts are handed what it sent back then.
   */
  rebuild?(instruction: Instruction): Promise<void>;
  /** The system sent something to a counterpart (live feedback: "your submission arrived"). */
  received?(request: { method: string; url: string }): void;
  /** Something the operator should know about the run (e.g. that it resumes, and where). */
  notice?(text: { da: string; en: string }): void;
  assess(question: AssessmentQuestion): Promise<Omit<Assessment, 'assessor' | 'at'> | undefined>;
  close(): void;
}
