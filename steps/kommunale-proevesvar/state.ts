// What a kommunale prøvesvar scenario delivered and observed: each delivery under its ref (as sent, with the
// receiver's answer), and what the GP system showed of each patient afterwards.
import type { InboundAnswer } from '../../src/driver/types.ts';
import { readHco, type HcoMessage } from '../../src/rules/homecare/message.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { scenarioState } from '../../src/steps-api/scenario-state.ts';

export interface Delivered {
  /** The FHIR message as sent (inside the envelope, when there is one). */
  bundle: fhir4.Bundle;
  answer: InboundAnswer;
}

export interface Observed {
  inbox: unknown;
  chart: unknown;
}

const deliveryStep = (ref: string) => `deliver ${ref}`;
export const observeStep = (patient: string) => `observe ${patient}`;

/** Refs planned in this scenario, with the patient each message is about. */
export const plannedRefs = scenarioState(() => new Map<string, string>());

export function stepOfDelivery(ref: string): string {
  return deliveryStep(ref);
}

export interface HomecareOutcome {
  delivered(ref: string): Delivered & { message: HcoMessage };
  /** What the GP system showed of the patient of `ref`; undefined in a manual run (nothing is observed). */
  observed(ref: string): Observed | undefined;
}

export async function homecareOutcome(world: CertbenchWorld): Promise<HomecareOutcome> {
  const outcome = await world.realise();
  const refs = plannedRefs(world);
  const delivered = (ref: string) => {
    const found = outcome.outputs.get(deliveryStep(ref)) as Delivered | undefined;
    if (!found) throw new Error(`no delivery "${ref}" in this scenario`);
    return { ...found, message: readHco(found.bundle) };
  };
  return {
    delivered,
    observed: (ref) => {
      const patient = refs.get(ref);
      if (patient === undefined) throw new Error(`no delivery "${ref}" in this scenario`);
      return outcome.outputs.get(observeStep(patient)) as Observed | undefined;
    },
  };
}
