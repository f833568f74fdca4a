// What the status report keeps of a record: a few hundred bytes of a file that is often a megabyte, so a report over
// thousands of runs holds only what it shows. The register rebuilds exactly this from its tables.
import type { CertificationResult, CheckpointResult } from '../result/types.ts';
import type { StatusCheckpoint, StatusResult } from './types.ts';

/** The checkpoints a reader must look at; the report lists them per cell and on the system's page. */
export const OPEN_STATUSES: readonly CheckpointResult['status'][] = ['failed', 'waived', 'pending'];

export function statusResultOf(result: CertificationResult): StatusResult {
  const { run, sut } = result;
  return {
    run: {
      id: run.id,
      mode: run.mode,
      finishedAt: run.finishedAt,
      ...(run.waiversJudgedAt ? { waiversJudgedAt: run.waiversJudgedAt } : {}),
    },
    sut: { vendor: sut.vendor, system: sut.system, version: sut.version },
    ...(result.waiverRegister
      ? {
          waiverRegister: {
            waivers: result.waiverRegister.waivers.map((w) => ({
              id: w.id,
              state: w.state,
              checkpoints: w.checkpoints,
              reason: w.reason,
              approvedBy: w.approvedBy,
              granted: w.granted,
              expires: w.expires,
              appliedTo: w.appliedTo,
            })),
          },
        }
      : {}),
    protocols: result.protocols.map((p) => ({
      id: p.id,
      title: p.title,
      version: p.version,
      ...(p.variant ? { variant: p.variant } : {}),
      approval: p.approval,
      counts: p.counts,
      remarks: p.remarks,
      standard: { name: p.standard.name, version: p.standard.version },
      checkpoints: (p.checkpoints ?? [])
        .filter((c) => OPEN_STATUSES.includes(c.status))
        .map(statusCheckpoint),
    })),
    harnessErrors: result.harnessErrors,
  };
}

export function statusCheckpoint(
  c: Pick<CheckpointResult, 'id' | 'status' | 'title' | 'grade' | 'officialSteps'> & {
    waiver?: { id: string; expires: string } | undefined;
  },
): StatusCheckpoint {
  return {
    id: c.id,
    status: c.status,
    title: c.title,
    grade: c.grade,
    ...(c.officialSteps?.length ? { officialSteps: c.officialSteps } : {}),
    ...(c.waiver ? { waiver: { id: c.waiver.id, expires: c.waiver.expires } } : {}),
  };
}
