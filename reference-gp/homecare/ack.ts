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
}

/** The acknowledgement Bundle for MessageHeader `acknowledged`, as the body of the answer to the delivery. */
export function acknowledgement(
  acknowledged: string,
  bundleId: string,
  content: AckContent,
  parties: AckParties,
  now: Date,
  faults: ReadonlySet<FaultName>,
): object {
  const headerId = randomUUID();
  const outcomeId = randomUUID();
  const organisationId = randomUUID();
  const provenanceId = randomUUID();
  const created = danishDateTime(now);
  const url = (type: string, id: string) => `${BASE}/${type}/${id}`;
  const header = {
    resourceType: 'MessageHeader',
    id: headerId,
    eventCoding: { system: EVENTS, code: 'acknowledgement-message' },
    destination: [{ endpoint: `urn:gln:${parties.senderGln}` }],
    sender: { reference: `Organization/${organisationId}` },
    source: { endpoint: `urn:gln:${parties.receiverGln}` },
    response: {
      identifier: faults.has('hco-ack-wrong-identifier') ? bundleId : acknowledged,
      code: content.code,
      ...(content.issues.length > 0 ? { details: { reference: `OperationOutcome/${outcomeId}` } } : {}),
    },
  };
  const entries: { fullUrl: string; resource: object }[] = [
    { fullUrl: url('MessageHeader', headerId), resource: header },
    {
      fullUrl: url('Organization', organisationId),
      resource: {
        resourceType: 'Organization',
        id: organisationId,
        identifier: [{ system: 'https://www.gs1.org/gln', value: parties.receiverGln }],
        name: 'Agerskov lægepraksis',
      },
    },
  ];
  if (content.issues.length > 0)
    entries.push({
      fullUrl: url('OperationOutcome', outcomeId),
      resource: {
        resourceType: 'OperationOutcome',
        id: outcomeId,
        issue: content.issues.map((issue) => ({
          severity: issue.severity,
          code: issue.code,
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
        target: [{ reference: `MessageHeader/${headerId}` }],
        occurredDateTime: created,
        recorded: created,
        activity: { coding: [{ system: ACTIVITIES, code: 'acknowledgement' }] },
        agent: [{ who: { reference: `Organization/${organisationId}` } }],
        entity: [{ role: 'revision', what: { reference: `MessageHeader/${acknowledged}` } }],
      },
    });
  return { resourceType: 'Bundle', id: randomUUID(), type: 'message', timestamp: created, entry: entries };
}
