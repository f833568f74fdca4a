/** The documented exit codes of `certbench` (README, "Exit codes"). */
export const EXIT = {
  ok: 0,
  blockingFailure: 1,
  pendingUnderStrict: 2,
  invalidInput: 3,
  harnessError: 4,
  internalError: 5,
  connectionError: 6,
  /** `verify` and `approvals`: a signature, certificate or evidence file does not match. */
  verificationFailed: 7,
} as const satisfies Record<string, number>;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
