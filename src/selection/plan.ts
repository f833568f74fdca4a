// What a run will do with each checkpoint, before anything starts: shared by the run (which checkpoints cucumber
// runs) and --dry-run (the list a user reads).
import type { SutProfile } from '../profile/schema.ts';
import type { LoadedManifest, ManifestCheckpoint } from '../protocols/schema.ts';
import { deferral, notRelevance } from '../test-plan/load.ts';
import type { TestPlan } from '../test-plan/schema.ts';
import { applicability } from '../verdicts/applicability.ts';
import { skippingWaiver } from '../waivers/match.ts';
import type { Waiver } from '../waivers/schema.ts';
import type { SelectedCheckpoints } from './select.ts';

export interface PlanInput {
  manifests: LoadedManifest[];
  profile: SutProfile;
  waivers: Waiver[];
  plan: TestPlan | undefined;
  now: Date;
}

/**
 * Why a checkpoint is not run: not applicable (by the profile or the plan), not yet testable, deferred by the plan,
 * or waived with run: false. Undefined when it runs.
 */
export function whyNotRun(
  manifest: LoadedManifest,
  cp: ManifestCheckpoint,
  input: PlanInput,
): string | undefined {
  if (!applicability(manifest, input.profile).has(cp.useCase))
    return `not applicable: use case ${cp.useCase} is not claimed in the profile`;
  const irrelevant = notRelevance(input.plan, manifest.id, cp);
  if (irrelevant) return `not applicable: ${irrelevant}`;
  if (cp.notTestable) return `pending: not yet testable: ${cp.notTestable}`;
  const deferred = deferral(input.plan, cp.id);
  if (deferred) return `pending: ${deferred}`;
  const waiver = skippingWaiver(input.waivers, input.profile, input.now, cp.id);
  if (waiver) return `waived, not run (${waiver.id})`;
  return undefined;
}

/** Every checkpoint that is not run, for the tag expression cucumber gets. */
export function checkpointsNotRun(input: PlanInput): string[] {
  return input.manifests.flatMap((m) =>
    m.checkpoints.filter((cp) => whyNotRun(m, cp, input) !== undefined).map((cp) => cp.id),
  );
}

/** The --dry-run listing: per protocol, each checkpoint with `run` or why it is not run. */
export function dryRunText(
  input: PlanInput,
  selected: SelectedCheckpoints | undefined,
  retest: ReadonlySet<string> | undefined,
): string {
  const lines: string[] = [];
  let runs = 0;
  for (const m of input.manifests) {
    lines.push(`${m.id} ${m.version}`);
    for (const cp of m.checkpoints) {
      const why =
        whyNotRun(m, cp, input) ??
        (selected && !selected.ids.has(cp.id) ? `not selected (${selected.description})` : undefined) ??
        (retest && !retest.has(cp.id) ? 'carried over from the earlier run (--rerun)' : undefined);
      if (!why) runs += 1;
      lines.push(`  ${why ? '-' : '+'} ${cp.id.padEnd(16)} ${why ?? 'run'}  ${cp.title}`);
    }
  }
  lines.push('', `${runs} checkpoint(s) would run; nothing was started (--dry-run).`);
  return `${lines.join('\n')}\n`;
}
