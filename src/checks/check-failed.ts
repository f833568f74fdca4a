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
