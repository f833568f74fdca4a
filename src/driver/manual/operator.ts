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
  assess(question: AssessmentQuestion): Promise<Omit<Assessment, 'assessor' | 'at'> | undefined>;
  close(): void;
}
