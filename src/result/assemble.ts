import { EXIT } from '../errors/exit-codes.ts';
import type { VerdictOutput } from '../verdicts/verdicts.ts';
import { RESULT_SCHEMA_VERSION, type CertificationResult } from './types.ts';

export interface RunFacts {
  certbenchVersion: string;
  runId: string;
  mode: 'self-test' | 'certify';
  driver: 'http' | 'manual';
  strict: boolean;
  startedAt: Date;
  finishedAt: Date;
  sut: CertificationResult['sut'];
  waiverFile?: string;
  waiverSha256?: string;
  plan?: { id: string; file: string };
  /** Set when waivers were judged at another date than the run's. */
  asOf?: Date;
  /** For a re-run: the run it re-tests. */
  previousRunId?: string;
}

/** Puts verdicts and run facts into the record, deciding the outcome and exit code (README, "Exit codes"). */
export function assembleResult(facts: RunFacts, verdicts: VerdictOutput): CertificationResult {
  const blocking = verdicts.protocols.some((p) => p.approval === 'Ikke godkendt');
  const pending = verdicts.protocols.reduce((n, p) => n + p.counts.pending, 0);
  const exitCode =
    verdicts.harnessErrors.length > 0
      ? EXIT.harnessError
      : blocking
        ? EXIT.blockingFailure
        : facts.strict && pending > 0
          ? EXIT.pendingUnderStrict
          : EXIT.ok;
  const summary = verdicts.protocols.map((p) => `${p.id} ${p.version}: ${p.approval}`).join('; ');
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    certbench: { version: facts.certbenchVersion },
    run: {
      id: facts.runId,
      mode: facts.mode,
      driver: facts.driver,
      strict: facts.strict,
      startedAt: facts.startedAt.toISOString(),
      finishedAt: facts.finishedAt.toISOString(),
      ...(facts.asOf ? { waiversJudgedAt: facts.asOf.toISOString() } : {}),
      ...(facts.plan ? { testPlan: facts.plan } : {}),
      ...(facts.previousRunId ? { previousRunId: facts.previousRunId } : {}),
    },
    sut: facts.sut,
    ...(facts.waiverFile
      ? {
          waiverRegister: {
            file: facts.waiverFile,
            ...(facts.waiverSha256 ? { sha256: facts.waiverSha256 } : {}),
            waivers: verdicts.waivers,
          },
        }
      : {}),
    protocols: verdicts.protocols,
    harnessErrors: verdicts.harnessErrors,
    evidence: verdicts.evidence,
    outcome: {
      exitCode,
      blocking,
      summary:
        verdicts.harnessErrors.length > 0
          ? `run invalid: ${verdicts.harnessErrors.length} harness error(s); ${summary}`
          : summary,
    },
  };
}
