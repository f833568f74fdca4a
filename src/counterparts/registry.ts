import { createAcknowledgementReceiver } from './acknowledgement-receiver.ts';
import { createDocumentSharingRecipient } from './document-sharing.ts';
import type { Recipient } from './recipient.ts';
import type { CounterpartHost } from './host.ts';
import { createHospitalReferralRecipient } from './hospital-referral.ts';
import { LabDatabaseRecipient } from './lab-database.ts';

/**
 * Every counterpart certbench hosts in a run, by the name step code uses. A protocol that needs a new counterpart
 * adds it here; the session tells the SUT each one's base URL under its `sessionKey`.
 */
export interface RunCounterparts {
  readonly documentSharing: Recipient;
  /** LABA, the national biochemistry database (lab-sharing). */
  readonly laba: LabDatabaseRecipient;
  /** MiBA, the national microbiology database (lab-sharing). */
  readonly miba: LabDatabaseRecipient;
  /** The birthplace's visitation, receiving REF01 sygehushenvisninger in MedCom XML (dsj-gmv2). */
  readonly hospitalReferral: Recipient;
  /** The original sender's message handler, receiving the SUT's acknowledgement messages (acknowledgement-send). */
  readonly acknowledgementReceiver: Recipient;
}
export type CounterpartName = keyof RunCounterparts;

export function createCounterparts(): RunCounterparts {
  return {
    documentSharing: createDocumentSharingRecipient(),
    laba: new LabDatabaseRecipient('laba'),
    miba: new LabDatabaseRecipient('miba'),
    hospitalReferral: createHospitalReferralRecipient(),
    acknowledgementReceiver: createAcknowledgementReceiver(),
  };
}

/** The counterpart addresses for the automation API session: session key → base URL. */
export function sessionAddresses(
  host: CounterpartHost,
  counterparts: RunCounterparts,
): Record<string, string> {
  return Object.fromEntries(
    allCounterparts(counterparts).map((c) => [c.sessionKey, host.urlOf(c, c.endpoint)]),
  );
}

export function allCounterparts(counterparts: RunCounterparts): Recipient[] {
  return [
    counterparts.documentSharing,
    counterparts.laba,
    counterparts.miba,
    counterparts.hospitalReferral,
    counterparts.acknowledgementReceiver,
  ];
}
