// Reading what the GP system showed (observations homecare.inbox and homecare.lab-chart) for a delivered message.
// In a manual run nothing is observed and these helpers tell the step to leave the checkpoint to the assessor.
import type { HcoMessage } from '../../src/rules/homecare/message.ts';
import {
  chartRowsFor,
  idsOf,
  listProblems,
  oneItem,
  type View,
} from '../../src/rules/homecare/view-rules.ts';
import { automaticOnly } from '../common/assessment.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { homecareOutcome, type HomecareOutcome } from './state.ts';

export interface Shown {
  outcome: HomecareOutcome;
  message: HcoMessage;
  inbox: unknown;
  chart: unknown;
  /** Problems reading the observations themselves. */
  problems: string[];
}

/** The delivery and what the GP system showed of its patient; undefined in a manual run. */
export async function shownFor(world: CertbenchWorld, ref: string): Promise<Shown | undefined> {
  const outcome = await homecareOutcome(world);
  if (!automaticOnly(world)) return undefined;
  const { message } = outcome.delivered(ref);
  const observed = outcome.observed(ref);
  if (!observed)
    throw new Error(`the scenario must open the chart of the patient of "${ref}" before checking it`);
  return {
    outcome,
    message,
    inbox: observed.inbox,
    chart: observed.chart,
    problems: [
      ...listProblems('homecare.inbox', observed.inbox),
      ...listProblems('homecare.lab-chart', observed.chart),
    ],
  };
}

/** Applies a rule to the one inbox item of the delivery `ref`. */
export async function judgeItem(
  world: CertbenchWorld,
  ref: string,
  description: string,
  rule: (item: View, shown: Shown) => string[],
  expected?: string,
): Promise<void> {
  const shown = await shownFor(world, ref);
  if (!shown) return;
  const { item, problems } = oneItem(shown.inbox, shown.message, `report ${ref}`);
  world.verify(description, [...shown.problems, ...problems, ...(item ? rule(item, shown) : [])], {
    location: `homecare.inbox, report ${ref}`,
    ...(expected ? { expected } : {}),
  });
}

/** Lab chart rows of the report a delivery belongs to (under any of its versions' ids). */
export function chartRowsOfItem(shown: Shown, item: View): View[] {
  return chartRowsFor(shown.chart, idsOf(item));
}
