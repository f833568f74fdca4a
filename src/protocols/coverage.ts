// Coverage of an official MedCom test protocol by a manifest, as a pure function: every official step is
// implemented by a checkpoint or carries a written reason; every checkpoint names real steps and carries the step's
// number in its id; a check beyond the protocol is marked certbench's own and provisional.
import type { InputIssue } from '../errors/index.ts';
import type { LoadedOfficialProtocol } from './official.ts';
import type { LoadedManifest } from './schema.ts';

export interface StepCoverage {
  number: string;
  /** Checkpoints implementing the step, automatic and manual. */
  checkpoints: { id: string; mode: 'automatic' | 'manual' }[];
  /** Why no checkpoint implements it, and which checkpoints stand in. */
  reason?: string;
  standIns?: string[];
}

export interface CoverageReport {
  official: { title: string; version: string; file: string };
  steps: StepCoverage[];
  /** certbench's own checkpoints, beyond the official protocol. */
  own: string[];
}

const OFFICIAL_ID = /^[A-Z]{2,6}-(\d+(?:\.\d+)*)(?:-[a-z])?$/;

export function officialCoverage(
  manifest: LoadedManifest,
  official: LoadedOfficialProtocol,
): { issues: InputIssue[]; report: CoverageReport } {
  const issues: InputIssue[] = [];
  const file = manifest.file;
  const known = new Map(official.steps.map((s) => [s.number, s]));
  const steps = new Map<string, StepCoverage>(
    official.steps.map((s) => [s.number, { number: s.number, checkpoints: [] }]),
  );
  const own: string[] = [];
  const checkpointIds = new Set(manifest.checkpoints.map((c) => c.id));

  manifest.checkpoints.forEach((cp, index) => {
    const field = `checkpoints[${index}]`;
    const numbered = OFFICIAL_ID.exec(cp.id)?.[1];
    if (!cp.officialSteps) {
      own.push(cp.id);
      if (numbered)
        issues.push({
          file,
          field: `${field}.id`,
          message: `${cp.id} carries a step number but names no officialSteps; certbench's own checks are named like ${manifest.checkpoints[0]?.id.split('-')[0] ?? 'XX'}-CB-1`,
        });
      if (!cp.provisional)
        issues.push({
          file,
          field: `${field}.provisional`,
          message: `${cp.id} goes beyond ${official.title} ${official.version}: mark it provisional with its source`,
        });
      return;
    }
    for (const number of cp.officialSteps) {
      const coverage = steps.get(number);
      if (!coverage) {
        issues.push({
          file,
          field: `${field}.officialSteps`,
          message: `${cp.id}: step ${number} is not a step of ${official.file}`,
        });
        continue;
      }
      coverage.checkpoints.push({ id: cp.id, mode: cp.mode });
    }
    if (!numbered || !cp.officialSteps.includes(numbered))
      issues.push({
        file,
        field: `${field}.id`,
        message: `${cp.id} must carry the number of one of its official steps (${cp.officialSteps.join(', ')}), e.g. ${cp.id.split('-')[0] ?? 'XX'}-${cp.officialSteps[0] ?? ''}`,
      });
  });

  (manifest.officialProtocol?.notCovered ?? []).forEach((entry, index) => {
    const field = `officialProtocol.notCovered[${index}]`;
    for (const number of entry.steps) {
      const coverage = steps.get(number);
      if (!known.has(number) || !coverage) {
        issues.push({
          file,
          field: `${field}.steps`,
          message: `${number} is not a step of ${official.file}`,
        });
        continue;
      }
      if (coverage.reason)
        issues.push({ file, field: `${field}.steps`, message: `step ${number} has two reasons` });
      if (coverage.checkpoints.length > 0)
        issues.push({
          file,
          field: `${field}.steps`,
          message: `step ${number} is implemented by ${coverage.checkpoints.map((c) => c.id).join(', ')} and also listed as not covered`,
        });
      coverage.reason = entry.reason;
      if (entry.standIns) coverage.standIns = entry.standIns;
    }
    for (const id of entry.standIns ?? [])
      if (!checkpointIds.has(id))
        issues.push({ file, field: `${field}.standIns`, message: `${id} is not a checkpoint of ${file}` });
  });

  for (const coverage of steps.values()) {
    if (coverage.checkpoints.length === 0 && !coverage.reason)
      issues.push({
        file,
        field: 'officialProtocol.notCovered',
        message: `official step ${coverage.number} of ${official.title} ${official.version} has no checkpoint and no reason`,
      });
  }
  return {
    issues,
    report: {
      official: { title: official.title, version: official.version, file: official.file },
      steps: [...steps.values()],
      own,
    },
  };
}

/** One line for `certbench lint`: how the official steps are covered. */
export function coverageLine(report: CoverageReport): string {
  const count = (test: (s: StepCoverage) => boolean) => report.steps.filter(test).length;
  const automatic = count((s) => s.checkpoints.some((c) => c.mode === 'automatic'));
  const assessor = count((s) => s.checkpoints.some((c) => c.mode === 'manual'));
  const reasoned = count((s) => s.checkpoints.length === 0);
  return (
    `${report.official.title} ${report.official.version}: ${report.steps.length} official steps, ` +
    `${report.steps.length - reasoned} implemented (${automatic} with an automatic checkpoint, ${assessor} with a manual ` +
    `one: the assessor judges it, an automatic run its observable part or, with none, leaves it pending), ` +
    `${reasoned} not implemented, ` +
    `each with its reason; ${report.own.length} own checkpoints beyond the protocol`
  );
}

/** One line per official step (`certbench lint --steps`): its checkpoints with their mode, or the reason. */
export function coverageSteps(report: CoverageReport): string[] {
  return report.steps.map((s) =>
    s.checkpoints.length > 0
      ? `${s.number}: ${s.checkpoints.map((c) => `${c.id} (${c.mode})`).join(', ')}`
      : `${s.number}: not implemented: ${s.reason ?? ''}${s.standIns ? ` Stand-ins: ${s.standIns.join(', ')}` : ''}`,
  );
}
