import { readYamlFile } from '../input/yaml-file.ts';
import { checkpointPattern } from '../waivers/match.ts';
import { testPlanSchema, type TestPlan } from './schema.ts';

export async function loadTestPlan(file: string): Promise<TestPlan> {
  const written = await readYamlFile(file, testPlanSchema, 'test plan');
  return { id: written.plan.id, file, defer: written.plan.defer };
}

/** Why the plan defers a checkpoint (it is then pending, not run), or undefined when it is in this round. */
export function deferral(plan: TestPlan | undefined, checkpointId: string): string | undefined {
  const found = plan?.defer.find((d) => d.checkpoints.some((p) => checkpointPattern(p).test(checkpointId)));
  return found && plan ? `deferred by test plan ${plan.id}: ${found.reason}` : undefined;
}
