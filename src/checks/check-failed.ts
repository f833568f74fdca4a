/**
 * Thrown when the SUT's behaviour or content is wrong. The verdict engine recognises it by its name: a step that
 * throws anything else is a harness error (a problem of certbench), never a failed checkpoint.
 */
export class CheckFailed extends Error {
  override name = 'CheckFailed' as const;
  readonly details: { location?: string; expected?: string; actual?: string };
  constructor(message: string, details: { location?: string; expected?: string; actual?: string } = {}) {
    super(message);
    this.details = details;
  }
}

export const SUT_FAILURE_TYPES: readonly string[] = ['CheckFailed'];

/**
 * The SUT refused to perform an action: the automation API answered 422 (invalid input), or in a manual run the
 * operator could not do it in the user interface. A failure unless the protocol allows the refusal (invalid input
 * the system may refuse instead of sending on).
 */
export class ActionRefused extends CheckFailed {}

/**
 * Thrown when the operator of a manual run stops it (end of input, Ctrl-D). Not a failure of the SUT nor of
 * certbench: the checkpoints not yet done are pending, and recorded decisions are kept for `--resume`.
 */
export class RunInterrupted extends Error {
  override name = 'RunInterrupted' as const;
}

export const INTERRUPTION_TYPES: readonly string[] = ['RunInterrupted'];
