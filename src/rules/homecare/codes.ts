// Systems and codes of MedCom HomeCareObservation, messaging and acknowledgement (medcom-standards.md §7,
// addendum §D.1). Shared by the message builder, the rules and the acknowledgement checks.

export const HCO = {
  npu: 'urn:oid:1.2.208.176.2.1',
  cpr: 'urn:oid:1.2.208.176.1.2',
  xEcpr: 'urn:oid:1.2.208.176.1.6.1.1',
  sor: 'urn:oid:1.2.208.176.1.1',
  ydernummer: 'urn:oid:1.2.208.176.1.4',
  gln: 'https://www.gs1.org/gln',
  producentId: 'http://medcomfhir.dk/ig/terminology/CodeSystem/MedComProducentID',
  eventCodes: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes',
  activityCodes: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes',
  destinationUse: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-destinationUse',
  reportCodes: 'http://medcomfhir.dk/ig/terminology/CodeSystem/MedComDiagnosticReportCodes',
  interpretation: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-interpretation-codes',
  confidentiality: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
  fullUrlBase: 'http://medcomfhir.dk/ig/homecareobservation',
} as const;

export const HCO_EVENT = 'homecareobservation-message';
export const ACK_EVENT = 'acknowledgement-message';

/** MessageHeader.definition, both wordings of invariant medcom-hcobs-definition-url (1.1.0: no `|`; 1.2.1: `|`). */
export const DEFINITION_PATTERN =
  /^http:\/\/medcomfhir\.dk\/ig\/messagedefinitions\/MessageDefinition\/MedComHomeCareObservationMessageDefinition\|?1[.][0-9]{1,2}$/;

/** Value set medcom-HomeCareObservation-messagingActivities (invariant medcom-homecareObsMessage-2). */
export const HCO_ACTIVITIES = [
  'new-message',
  'reply-message',
  'retract-message',
  'modified-message',
] as const;

/** MedCom's limit on a result value (valueQuantity.value / valueString), checked by the receive protocol. */
export const MAX_RESULT_LENGTH = 12;

export const ACK_CODES = ['ok', 'transient-error', 'fatal-error'] as const;
export type AckCode = (typeof ACK_CODES)[number];

/** Issue detail systems of value set medcom-acknowledgement-issue-details: HL7's MSG_* codes and MedCom's own. */
export const ACK_DETAIL_SYSTEMS = {
  hl7: 'http://terminology.hl7.org/CodeSystem/operation-outcome',
  medcom: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-acknowledgement-error-codes',
} as const;

/** MedCom's own detail codes (dk-medcom-terminology MedComAcknowledgementErrorCodes.fsh, spelling as published). */
export const MEDCOM_ACK_DETAILS = [
  'MSG_Receiver_Identifier_UNKNOWN',
  'MSG_Receiver_Identifier_MISSING',
  'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE',
  'MSG_VALUESET_VALUE_UNKNOWN',
  'MSG_CodeSystem_VALUE_UNKNOWN',
  'MSG_Element_To_Long',
  'MSG_Datatype_Wrong',
  'MSG_Mailbox_Out_Of_Operation',
  'MSG_Damaged_durin_transport',
] as const;

/** The HL7 operation-outcome codes the value set takes in (all begin with MSG_). */
export const HL7_ACK_DETAIL_PATTERN = /^MSG_[A-Z_]+$/;
