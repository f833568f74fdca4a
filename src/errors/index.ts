/**
 * Named errors of certbench. Only `src/cli` turns them into exit codes (see `exit-codes.ts`).
 */

/** One problem in a user-supplied file: where it is and what was expected. */
export interface InputIssue {
  file: string;
  /** 1-based line, when the problem can be placed. */
  line?: number;
  /** Dot path of the field, e.g. `waivers[2].expires`. */
  field?: string;
  message: string;
}

export function formatIssue(issue: InputIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return issue.field ? `${where}: ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** A malformed profile, waiver register, protocol manifest or feature file. Stops the run before it starts. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[], summary = 'invalid input') {
    super(`${summary}:\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`);
    this.issues = issues;
  }
}

/** certbench itself could not run a checkpoint (undefined step, counterpart failed to start...). Invalidates the run. */
export class HarnessError extends Error {
  override name = 'HarnessError';
}

/**
 * The SUT cannot be tested from here: its automation API does not answer, refuses the token, is not the expected
 * version, or the SUT cannot reach certbench's counterparts. Stops the run before any checkpoint; the message names
 * the URL and what to fix.
 */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
}

/** A bug in certbench. */
export class InternalError extends Error {
  override name = 'InternalError';
}
