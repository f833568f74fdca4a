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
