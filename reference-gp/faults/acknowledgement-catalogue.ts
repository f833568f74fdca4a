// Faults of sending acknowledgements as messages of their own (protocols/acknowledgement-send.yaml, MedCom's Send
// test protocol 2.0.2): each is code in reference-gp/messaging/outbox.ts or the receiving flow, the way a vendor's
// message handler might go wrong.
import { faultsOf, type FaultInfo } from './fault-info.ts';

const { behaviour } = faultsOf('acknowledgement-send');
/** Faults of the EHMI SBDH, which only a system on EHMI (variant `ehmi`) sends its acknowledgements in. */
const onEhmi = faultsOf('acknowledgement-send', 'ehmi').behaviour;

export const ACKNOWLEDGEMENT_FAULTS = {
  'ack-message-not-sent': behaviour(
    'No acknowledgement is sent as a message at all: only the synchronous answer',
    'ACK-3.3.1.1',
    'ACK-3.3.1.2',
    'ACK-3.3.1.3',
    'ACK-3.3.1.4',
    'ACK-3.3.1.6',
    'ACK-3.3.1.8',
    'ACK-3.3.1.9',
    'ACK-3.4.1',
  ),
  'ack-late': behaviour(
    'Every acknowledgement message is sent 2 s late, after certbench stopped waiting (counterparts.waitTimeoutMs)',
    'ACK-3.3.1.1',
    'ACK-3.3.1.2',
    'ACK-3.3.1.3',
    'ACK-3.3.1.4',
    'ACK-3.3.1.5',
    'ACK-3.3.1.6',
    'ACK-3.3.1.7',
    'ACK-3.3.1.8',
    'ACK-3.3.1.9',
    'ACK-3.4.1',
    'ACK-3.4.2',
    'ACK-3.4.3',
    'ACK-3.4.4',
    'ACK-3.4.5',
    'ACK-3.4.6',
    'ACK-3.4.7',
    'ACK-3.4.8',
  ),
  'ack-invalid-acknowledged-ok': behaviour(
    'The acknowledgement message of a message with invalid content says ok (AA instead of AE)',
    'ACK-3.3.1.4',
    'ACK-3.3.1.5',
  ),
  'ack-ae-without-outcome': behaviour(
    'A negative acknowledgement (AE) is sent without its OperationOutcome',
    'ACK-3.3.1.5',
  ),
  'ack-technical-error-ignored': behaviour(
    'A technical error (messaging.simulate-technical-error) does not stop the message: AA instead of AR',
    'ACK-3.3.1.7',
    'ACK-3.3.1.8',
  ),
  'ack-technical-error-remembered': behaviour(
    'After an AR the resent message counts as a duplicate and gets the AR again, also when the error is resolved',
    'ACK-3.3.1.9',
  ),
  'ack-duplicate-rejected': behaviour(
    'A duplicate is acknowledged with fatal-error (MSG_DUPLICATE_ID) instead of the first acknowledgement again',
    'ACK-3.4.2',
    'ACK-3.4.3',
  ),
  'ack-resend-same-bundle-id': behaviour(
    'An acknowledgement sent again keeps the Bundle.id of the first one',
    'ACK-3.4.4',
  ),
  'ack-resend-same-times': behaviour(
    'An acknowledgement sent again keeps the Bundle.timestamp and Provenance times of the first one',
    'ACK-3.4.7',
  ),
  'ack-times-of-creation': behaviour(
    'Provenance.occurredDateTime and recorded are the time the acknowledgement was created, not sent',
    'ACK-3.4.5',
    'ACK-3.4.6',
  ),
  'ack-timestamp-of-sending': behaviour(
    'Bundle.timestamp is the time the acknowledgement was sent, not created',
    'ACK-3.4.5',
    'ACK-3.4.6',
  ),
  'ack-vans-name-without-postfix': behaviour(
    'The VANSEnvelope names the acknowledgement "MCM:FCTL" without the postfix of its type',
    'ACK-3.4.8',
  ),
  'ack-ehmi-ids-of-the-message': onEhmi(
    "The EHMI SBDH of an acknowledgement names the acknowledged message's MessageHeader.id and Bundle.id in MESSAGEIDENTIFIER and MESSAGEENVELOPEIDENTIFIER, not the acknowledgement's own",
    'ACK-3.4.8',
  ),
  'ack-ehmi-sor-scopes-of-the-message': onEhmi(
    "The EHMI SBDH of an acknowledgement copies the acknowledged message's SENDERID and RECEIVERID (SOR) instead of swapping them",
    'ACK-3.4.8',
  ),
  'ack-ehmi-sbdh-unclosed': onEhmi(
    'The EHMI SBDH of an acknowledgement is cut off before its closing </StandardBusinessDocument> tag',
    'ACK-3.4.8',
  ),
  'ack-ehmi-document-type-of-the-event': onEhmi(
    "The EHMI SBDH's DocumentIdentification/Type names the event (acknowledgement-message) instead of Bundle",
    'ACK-3.4.8',
  ),
  'ack-ehmi-sbdh-without-namespace': onEhmi(
    'The EHMI SBDH of an acknowledgement declares no namespace: StandardBusinessDocument is not in the SBDH namespace',
    'ACK-3.4.8',
  ),
  'ack-ehmi-binary-content-without-namespace': onEhmi(
    'The BinaryContent of the EHMI SBDH undeclares its namespace (xmlns=""): neither the Peppol envelope\'s nor the SBDH\'s',
    'ACK-3.4.8',
  ),
  'ack-ehmi-authority-gln': onEhmi(
    'The Sender and Receiver Identifiers of the EHMI SBDH have Authority="GLN" instead of iso6523-actorid-upis',
    'ACK-3.4.8',
  ),
  'ack-ehmi-scope-identifier-of-the-event': onEhmi(
    'Every BusinessScope/Scope of the EHMI SBDH has the event code acknowledgement-message as Identifier instead of dk-medcom-messaging',
    'ACK-3.4.8',
  ),
  'ack-ehmi-xml-declaration-without-version': onEhmi(
    'The XML declaration of the EHMI SBDH has no version (<?xml encoding="UTF-8"?>)',
    'ACK-3.4.8',
  ),
  'ack-meta-profile-empty': behaviour(
    "The acknowledgement's Provenance has an empty meta.profile list (FHIR R4 JSON: arrays are never empty)",
    'ACK-3.3.1.2',
    'ACK-3.3.1.5',
    'ACK-3.3.1.7',
  ),
  'ack-outcome-urn-fullurl': behaviour(
    'The OperationOutcome of a negative acknowledgement has a urn:uuid fullUrl, so response.details (OperationOutcome/<id>) does not resolve in the Bundle',
    'ACK-3.3.1.5',
  ),
  'ack-overview-without-message': behaviour(
    'The overview of sent acknowledgements does not say which message each one acknowledges',
    'ACK-3.4.9',
  ),
} as const satisfies Record<string, FaultInfo>;
