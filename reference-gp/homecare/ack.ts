// The MedCom acknowledgement the reference GP answers every received message with (addendum §D.1): a message
// Bundle whose MessageHeader.response names the acknowledged MessageHeader.id, an OperationOutcome for a negative
// code, and a Provenance (activity acknowledgement, entity revision → the acknowledged message).
import { randomUUID } from 'node:crypto';
import type { FaultName } from '../faults/catalogue.ts';
import { danishDateTime } from '../time.ts';
import type { AckContent } from './records.ts';

const EVENTS = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes';
const ACTIVITIES = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes';
const BASE = 'http://medcomfhir.dk/ig/acknowledgement';

export interface AckParties {
  /** The acknowledged message's sender (the ack goes back to it). */
  senderGln: string;
  receiverGln: string;
  /** SOR ids and name of the two organisations, as the acknowledged message names them. */
  senderSor?: string;
  senderName?: string;
  receiverSor?: string;
  receiverName?: string;
}

const SOR = 'urn:oid:1.2.208.176.1.1';
const GLN = 'https://www.gs1.org/gln';
const PROFILES = {
  bundle: `${BASE}/StructureDefinition/medcom-messaging-acknowledgement`,
  header: `${BASE}/StructureDefinition/medcom-messaging-acknowledgementHeader`,
  outcome: `${BASE}/StructureDefinition/medcom-acknowledgement-operationoutcome`,
  provenance: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-provenance',
  organization: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-organization',
};
const DEFINITION = `${BASE}/medcom-acknowledgement-message-definition|2.0.0`;
const DESTINATION_USE =
  'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-destinationUseExtension';
const DESTINATION_USES = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-destinationUse';

/** A SOR endpoint as MedCom's acknowledgement examples write it, or the GLN where the SOR id is unknown. */
function endpoint(sor: string | undefined, gln: string): string {
  return sor ? `https://sor2.sum.dsdn.dk/#id=${sor}` : `urn:gln:${gln}`;
}

function organization(id: string, gln: string, sor: string | undefined, name: string): object {
  return {
    resourceType: 'Organization',
    id,
    meta: { profile: [PROFILES.organization] },
    identifier: [{ system: GLN, value: gln }, ...(sor ? [{ system: SOR, value: sor }] : [])],
    name,
  };
}

/** How an acknowledgement sent as a message of its own differs from the synchronous answer. */
export interface AckMessageOptions {
  /** Bundle.id of the acknowledgement (a fresh UUID by default). */
  bundleId?: string;
  /** Time of sending, for Provenance.occurredDateTime and recorded; `now` (the time of creation) by default. */
  sent?: Date;
}

/**
 * The acknowledgement Bundle for MessageHeader `acknowledged`, created at `now`: the body of the answer to the
 * delivery, or (with options) the acknowledgement message of its own.
 */
export function acknowledgement(
  acknowledged: string,
  bundleId: string,
  content: AckContent,
  parties: AckParties,
  now: Date,
  faults: ReadonlySet<FaultName>,
  options: AckMessageOptions = {},
): object {
  const headerId = randomUUID();
  const outcomeId = randomUUID();
  const organisationId = randomUUID();
  const senderId = randomUUID();
  const provenanceId = randomUUID();
  const created = danishDateTime(now);
  const sent = danishDateTime(options.sent ?? now);
  // Fault: a negative acknowledgement sent as a message of its own leaves out its OperationOutcome.
  const outcome =
    content.issues.length > 0 &&
    !(faults.has('ack-ae-without-outcome') && options.sent !== undefined && content.code === 'fatal-error');
  const url = (type: string, id: string) => `${BASE}/${type}/${id}`;
  const header = {
    resourceType: 'MessageHeader',
    id: headerId,
    meta: { profile: [PROFILES.header] },
    definition: DEFINITION,
    destination: [
      {
        extension: [{ url: DESTINATION_USE, valueCoding: { system: DESTINATION_USES, code: 'primary' } }],
        endpoint: endpoint(parties.senderSor, parties.senderGln),
        receiver: { reference: `Organization/${senderId}` },
      },
    ],
    eventCoding: { system: EVENTS, code: 'acknowledgement-message' },
    sender: { reference: `Organization/${organisationId}` },
    source: { endpoint: endpoint(parties.receiverSor, parties.receiverGln) },
    response: {
      identifier: faults.has('hco-ack-wrong-identifier') ? bundleId : acknowledged,
      code: content.code,
      ...(outcome ? { details: { reference: `OperationOutcome/${outcomeId}` } } : {}),
    },
  };
  const entries: { fullUrl: string; resource: object }[] = [
    { fullUrl: url('MessageHeader', headerId), resource: header },
    {
      fullUrl: url('Organization', organisationId),
      resource: organization(
        organisationId,
        parties.receiverGln,
        parties.receiverSor,
        parties.receiverName ?? 'Agerskov lægepraksis',
      ),
    },
    {
      fullUrl: url('Organization', senderId),
      resource: organization(
        senderId,
        parties.senderGln,
        parties.senderSor,
        parties.senderName ?? 'Afsender',
      ),
    },
  ];
  if (outcome)
    entries.push({
      // Fault: a urn:uuid fullUrl, which response.details (OperationOutcome/<id>) does not resolve to.
      fullUrl: faults.has('ack-outcome-urn-fullurl')
        ? `urn:uuid:${outcomeId}`
        : url('OperationOutcome', outcomeId),
      resource: {
        resourceType: 'OperationOutcome',
        id: outcomeId,
        meta: { profile: [PROFILES.outcome] },
        issue: content.issues.map((issue) => ({
          severity: issue.severity,
          // Fault: the issues leave out their code (OperationOutcome.issue.code 1..1).
          ...(faults.has('hco-ack-issue-without-code') ? {} : { code: issue.code }),
          details: { coding: [issue.detail], text: issue.text },
        })),
      },
    });
  if (!faults.has('hco-ack-without-provenance'))
    entries.push({
      fullUrl: url('Provenance', provenanceId),
      resource: {
        resourceType: 'Provenance',
        id: provenanceId,
        // Fault: an empty profile list where the profile is not named.
        meta: { profile: faults.has('ack-meta-profile-empty') ? [] : [PROFILES.provenance] },
        target: [{ reference: `MessageHeader/${headerId}` }],
        occurredDateTime: sent,
        recorded: sent,
        activity: { coding: [{ system: ACTIVITIES, code: 'acknowledgement' }] },
        agent: [{ who: { reference: `Organization/${organisationId}` } }],
        entity: [{ role: 'revision', what: { reference: `MessageHeader/${acknowledged}` } }],
      },
    });
  return {
    resourceType: 'Bundle',
    id: options.bundleId ?? randomUUID(),
    meta: { profile: [PROFILES.bundle] },
    type: 'message',
    timestamp: created,
    entry: entries,
  };
}
