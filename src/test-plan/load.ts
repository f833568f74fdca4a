import { InvalidInputError } from '../errors/index.ts';
import { unknownCheckpointIssues } from '../input/checkpoint-ids.ts';
import { readYamlFile } from '../input/yaml-file.ts';
import { checkpointPattern } from '../waivers/match.ts';
import { testPlanSchema, type TestPlan } from './schema.ts';

export async function loadTestPlan(file: string, knownCheckpoints?: readonly string[]): Promise<TestPlan> {
  const written = await readYamlFile(file, testPlanSchema, 'test plan');
  if (knownCheckpoints) {
    const issues = unknownCheckpointIssues(
      file,
      'plan.checkpoints',
      [
        ...(written.plan.defer ?? []).flatMap((d) => d.checkpoints),
        ...(written.plan.notRelevant ?? []).flatMap((e) => e.checkpoints ?? []),
      ],
      knownCheckpoints,
    );
    if (issues.length > 0) throw new InvalidInputError(issues, 'invalid test plan');
  }
  const notRelevant = (written.plan.notRelevant ?? []).map((e) => ({
    ...(e.protocol ? { protocol: e.protocol } : {}),
    ...(e.useCases ? { useCases: e.useCases } : {}),
    ...(e.checkpoints ? { checkpoints: e.checkpoints } : {}),
    reason: e.reason,
  }));
  return { id: written.plan.id, file, defer: written.plan.defer ?? [], notRelevant };
}

/** Why the plan defers a checkpoint (it is then pending, not run), or undefined when it is in this round. */
export function deferral(plan: TestPlan | undefined, checkpointId: string): string | undefined {
  const found = plan?.defer.find((d) => d.checkpoints.some((p) => checkpointPattern(p).test(checkpointId)));
  return found && plan ? `deferred by test plan ${plan.id}: ${found.reason}` : undefined;
}

/**
 * Why the plan declares a checkpoint not relevant in this round (by its id or its use case; it is then not
 * applicable and not run), or undefined.
 */
export function notRelevance(
  plan: TestPlan | undefined,
  protocol: string,
  checkpoint: { id: string; useCase: string },
): string | undefined {
  const found = plan?.notRelevant.find(
    (e) =>
      (e.protocol === undefined || e.protocol === protocol) &&
      ((e.useCases ?? []).includes(checkpoint.useCase) ||
        (e.checkpoints ?? []).some((p) => checkpointPattern(p).test(checkpoint.id))),
  );
  return found && plan ? `not relevant by test plan ${plan.id}: ${found.reason}` : undefined;
}
