import { CheckFailed, RunInterrupted } from '../checks/check-failed.ts';
import type { SessionConfig, SutDriver } from '../driver/types.ts';
import type { Exchange } from '../evidence/exchange.ts';
import { checkSut, type SutCheckOptions } from '../preflight/check-sut.ts';

export interface PreflightOutcome {
  exchanges: Exchange[];
  failure?: string;
  /** The operator of a manual run stopped before the run began. */
  interrupted?: boolean;
}

/**
 * Before any checkpoint: the SUT answers `info` and accepts the session (where the counterparts are). A failure
 * here is the SUT's (unreachable, wrong answers), so every checkpoint fails with this message and evidence.
 */
export async function preflight(
  makeDriver: (record: (e: Exchange) => void) => SutDriver,
  session: SessionConfig,
): Promise<PreflightOutcome> {
  const exchanges: Exchange[] = [];
  const driver = makeDriver((e) => void exchanges.push(e));
  try {
    await driver.info();
    await driver.configureSession(session);
    return { exchanges };
  } catch (error) {
    if (error instanceof RunInterrupted) return { exchanges, failure: error.message, interrupted: true };
    if (!(error instanceof CheckFailed)) throw error;
    return { exchanges, failure: `the SUT could not be set up for the run: ${error.message}` };
  }
}

/** The http driver's preflight: `certbench check` before the run; a failure throws ConnectionError. */
export async function checkBeforeRun(options: SutCheckOptions): Promise<PreflightOutcome> {
  await checkSut(options);
  return { exchanges: [] };
}
