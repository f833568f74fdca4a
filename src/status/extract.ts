// What the status report keeps of a record: a few hundred bytes of a file that is often a megabyte, so a report over
// thousands of runs holds only what it shows. The register rebuilds exactly this from its tables.
import type { CertificationResult } from '../result/types.ts';
import type { StatusResult } from './types.ts';

export function statusResultOf(result: CertificationResult): StatusResult {
  const { run, sut } = result;
  return {
    run: { id: run.id, mode: run.mode, finishedAt: run.finishedAt },
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
        .filter((c) => c.status === 'waived' && c.waiver)
        .map((c) => ({
          id: c.id,
          status: c.status,
          ...(c.waiver ? { waiver: { id: c.waiver.id, expires: c.waiver.expires } } : {}),
        })),
    })),
    harnessErrors: result.harnessErrors,
  };
}
