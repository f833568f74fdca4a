// Codes of the MedCom Acknowledgement (addendum §D.1): the response codes, the event, the activity and the issue
// detail systems. One place for every protocol that judges acknowledgements.

export const ACK_EVENT = 'acknowledgement-message';
export const MESSAGING_EVENTS = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes';
export const MESSAGING_ACTIVITIES =
  'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes';
export const ACK_PROFILE =
  'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgement';
export const ACK_PACKAGE = 'medcom.fhir.dk.acknowledgement#2.0.3';

/** ok = AA, fatal-error = AE (invalid content), transient-error = AR (technical error: resend), addendum §D.2. */
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
