// Set-up steps of acknowledgement-send: certbench plays the sender of MedCom's HomeCareObservation test examples
// (the delivery steps of kommunale-proevesvar, steps/kommunale-proevesvar/deliver.ts, whose equal plans run once per
// run: a system that claims both protocols receives those messages once) and the sender's message handler, which
// receives the acknowledgements (counterpart acknowledgementReceiver). What only this protocol needs is here: the
// technical error and its resolution, acknowledgements held and sent later, and the overview of sent ones.
import { Given, When } from '@cucumber/cucumber';
import { ActionRefused } from '../../src/checks/check-failed.ts';
import { resendOf } from '../../src/rules/homecare/variants.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { followUp } from '../kommunale-proevesvar/deliver.ts';
import { OVERVIEW_STEP, RELEASE_STEP, TECHNICAL_ERROR_STEP, transport } from './state.ts';

function act(world: CertbenchWorld, name: string, action: string, cleanup = false): void {
  world.addToPlan({
    name,
    key: action,
    ...(cleanup ? { cleanup } : {}),
    run: async ({ driver }) => driver.perform(action, {}),
  });
}

Given(
  'the GP system has a technical error \\(messaging.simulate-technical-error)',
  function (this: CertbenchWorld) {
    // A SUT that cannot simulate one refuses the action (422, or the operator's "fejl"): the steps 3.3.1.7-3.3.1.9
    // are then the assessor's (MedCom: "If possible, load a valid MedCom FHIR message to demonstrate").
    this.addToPlan({
      name: TECHNICAL_ERROR_STEP,
      key: 'messaging.simulate-technical-error',
      run: async ({ driver }) => {
        try {
          return await driver.perform('messaging.simulate-technical-error', {});
        } catch (error) {
          if (error instanceof ActionRefused) return { refused: error.message };
          throw error;
        }
      },
    });
  },
);

// A clean-up step: the error is resolved even when a step before it failed, so later scenarios are not hit by it.
When(
  'the technical error is resolved \\(messaging.resolve-technical-error)',
  function (this: CertbenchWorld) {
    act(this, 'technical error resolved', 'messaging.resolve-technical-error', true);
  },
);

When(
  'the team resends {string} as {string}, as a sender does after an acknowledgement AR',
  function (this: CertbenchWorld, of: string, ref: string) {
    followUp(this, ref, of, 'resend after AR', (now, earlier) => resendOf(earlier, now));
  },
);

Given(
  'the GP system holds its outgoing acknowledgements \\(messaging.hold-acknowledgements)',
  function (this: CertbenchWorld) {
    // The synchronous answer cannot be held: its times are judged by the assessor.
    if (transport(this) === 'synchronous') return;
    act(this, 'acknowledgements held', 'messaging.hold-acknowledgements');
  },
);

/** A SUT that writes whole seconds must still show a later time of sending than of creation. */
const HOLD_MS = 1100;

When(
  'a while later the GP system sends the held acknowledgements \\(messaging.release-acknowledgements)',
  function (this: CertbenchWorld) {
    if (transport(this) === 'synchronous') return;
    this.addToPlan({
      name: RELEASE_STEP,
      key: 'messaging.release-acknowledgements',
      // Runs even after a failure, so that no later scenario finds its acknowledgements held.
      cleanup: true,
      run: async ({ ctx, driver, pause }) => {
        await pause(HOLD_MS, 'a time of sending later than the time of creation');
        const sentAfter = ctx.clock.now();
        await driver.perform('messaging.release-acknowledgements', {});
        return { sentAfter };
      },
    });
  },
);

When(
  'the GP opens the overview of sent acknowledgements for {string}',
  function (this: CertbenchWorld, patient: string) {
    if (this.ctx.manual) return;
    this.addToPlan({
      name: OVERVIEW_STEP,
      key: patient,
      run: async ({ driver }) => driver.observe('messaging.acknowledgements', { patient }),
    });
  },
);
