// Faults of the receiving flow of kommunale prøvesvar (protocols/kommunale-proevesvar.yaml, MedCom's receive test
// protocol 1.2.1): each is code in the flow it breaks (reference-gp/homecare/), the way a vendor's receiver might go
// wrong. A display fault names every checkpoint whose observable part shows it (test example 1 and 2 both).
import { faultsOf, type FaultInfo } from './fault-info.ts';

const { behaviour } = faultsOf('kommunale-proevesvar');

/** Every checkpoint whose observable part reads the laboratory chart. */
const CHART = [
  'KP-3.2.1.7',
  'KP-3.2.1.8',
  'KP-3.2.1.9',
  'KP-3.2.1.11',
  'KP-3.2.1.15',
  'KP-3.2.1.16',
  'KP-3.2.1.18',
  'KP-3.2.2.3',
  'KP-3.2.2.6',
  'KP-3.2.3.2',
  'KP-3.3.1-b',
  'KP-3.3.5',
  'KP-CB-1',
] as const;

/** Every checkpoint that judges a positive acknowledgement. */
const POSITIVE_ACKS = [
  'KP-3.2.1.1',
  'KP-3.2.1.12',
  'KP-3.2.2.1',
  'KP-3.2.2.4',
  'KP-3.2.3.1',
  'KP-3.3.1',
  'KP-3.3.5',
  'KP-CB-1',
  'KP-SBDH-1',
  'KP-CORR-1',
  'KP-CANC-1',
] as const;

export const HOMECARE_FAULTS = {
  // --- acknowledgements ---
  'hco-ack-wrong-identifier': behaviour(
    'The acknowledgement names the Bundle.id (envelope) instead of the MessageHeader.id in response.identifier',
    ...POSITIVE_ACKS,
    'KP-ACK-2',
    'KP-ACK-3',
  ),
  'hco-ack-not-fhir': behaviour(
    'The receiving endpoint answers 200 text/plain "OK" instead of a MedCom acknowledgement',
    ...POSITIVE_ACKS,
    'KP-ACK-2',
    'KP-ACK-6',
    'KP-ACK-11',
  ),
  'hco-ack-without-provenance': behaviour('The acknowledgement carries no Provenance', 'KP-ACK-1'),
  // --- R1: distribution ---
  'hco-ignore-initials': behaviour(
    'Every report goes to the shared inbox as "unknown", also when the GP initials are given',
    'KP-3.2.1.2',
    'KP-3.2.1.4-g',
  ),
  'hco-view-unknown-initials-blank': behaviour(
    'A report without known GP initials shows no initials instead of "unknown"',
    'KP-3.2.1.13',
  ),
  // --- what the report shows (the observable part of the manual display checkpoints) ---
  'hco-no-notification': behaviour(
    'A new report is filed without notifying the user',
    'KP-3.2.1.3',
    'KP-3.2.2.2',
    'KP-3.2.2.5',
    'KP-3.2.3.2',
    'KP-3.3.1-b',
  ),
  'hco-view-without-name': behaviour(
    "The report is shown without the patient's name",
    'KP-3.2.1.4',
    'KP-3.2.1.14',
    'KP-3.3.1',
  ),
  'hco-view-reference-evaluated': behaviour(
    'Results are shown without the "not reference-evaluated" marking',
    'KP-3.2.1.4-b',
    'KP-3.2.1.14',
    'KP-3.3.1-b',
  ),
  'hco-view-without-sampling-time': behaviour(
    'Results are shown without their sampling time',
    'KP-3.2.1.4-c',
    'KP-3.2.1.14',
  ),
  'hco-view-without-statuses': behaviour(
    'The report and result statuses are not shown',
    'KP-3.2.1.4-d',
    'KP-3.2.1.14',
  ),
  'hco-view-without-producer-id': behaviour(
    'The producer is shown without its producer id',
    'KP-3.2.1.4-e',
    'KP-3.2.1.14',
  ),
  'hco-signature-without-phone': behaviour(
    "The sender's phone number is not shown with the signature",
    'KP-3.2.1.4-f',
    'KP-3.2.1.14',
  ),
  'hco-view-without-long-name': behaviour(
    'The report shows the NPU code of a result but not its long name',
    'KP-3.2.1.6',
  ),
  'hco-analysis-comment-on-report': behaviour(
    'Analysis comments are merged into the clinical comment instead of shown on their result',
    'KP-3.2.1.14',
    'KP-3.2.1.15',
    'KP-3.2.1.18',
  ),
  'hco-view-drops-comparator': behaviour(
    'The report shows a result without its comparator (<7.1 is shown as 7.1); the chart keeps it',
    'KP-3.2.1.14',
    'KP-3.2.1.14-b',
  ),
  'hco-view-without-attachments': behaviour(
    'Attachments are received but not shown',
    'KP-3.2.2.2',
    'KP-3.2.2.5',
    'KP-CB-1',
  ),
  'hco-view-attachment-without-author': behaviour(
    'Attachments are shown without the name of their author and their time of creation, which the message gives',
    'KP-3.2.2.2',
    'KP-3.2.2.5',
    'KP-CB-1',
  ),
  'hco-united-comments-without-text': behaviour(
    'The united view of clinical comments (homecare.clinical-comments) lists the reports without their comments',
    'KP-3.2.1.17',
  ),
  'hco-united-comments-every-report': behaviour(
    'The united view of clinical comments has a row for every report, also for one without a clinical comment',
    'KP-3.2.1.17',
  ),
  'hco-rejects-fhir-xml': behaviour(
    'The receiving endpoint refuses a HomeCareObservation as FHIR XML (415): JSON only',
    'KP-3.3.5-b',
  ),
  // --- fields in the shapes MedCom's examples do not use (KP-CB-3, KP-CB-4) ---
  'hco-text-result-without-value': behaviour(
    'A result given as text (valueString, e.g. a dipstick grade 1+) is shown and charted without its value',
    'KP-CB-3',
  ),
  'hco-unit-text-only': behaviour(
    'A unit given only as its code (Quantity.code without Quantity.unit) is not shown',
    'KP-CB-3',
  ),
  'hco-first-analysis-note-only': behaviour(
    'Of several analysis comments on one result only the first is shown and charted',
    'KP-CB-3',
  ),
  'hco-signature-title-is-role-code': behaviour(
    "The signature's title is the role's code (socialogsundhedsassistent), also where the message gives its display",
    'KP-CB-4',
  ),
  'hco-signature-first-telecom': behaviour(
    "The signer's first telecom is shown as the phone, also where it is an e-mail address",
    'KP-CB-4',
  ),
  'hco-producer-first-performer': behaviour(
    "The report's first performer is shown as the producer, also where it is the PractitionerRole",
    'KP-CB-4',
  ),
  'hco-sender-is-producer': behaviour(
    "The sender's GLN is read from the producer: an SBDH whose Sender is the MessageHeader's sender is refused when the producer is another Organization",
    'KP-SBDH-3',
  ),
  'hco-producer-is-sender': behaviour(
    "The MessageHeader's sender is shown as the producer instead of the report's producer Organization",
    'KP-CB-4',
  ),
  // --- the laboratory chart ---
  'hco-chart-not-stored': behaviour(
    'Results are shown in the inbox but never saved to the laboratory chart',
    ...CHART,
  ),
  'hco-chart-rows-unlinked': behaviour(
    'Laboratory chart rows do not say which received report they came from (it cannot be reopened)',
    ...CHART,
  ),
  'hco-chart-reference-evaluated': behaviour(
    'The laboratory chart shows the results without the "not reference-evaluated" marking',
    'KP-3.2.1.7',
    'KP-3.2.1.9',
    'KP-3.3.1-b',
    'KP-3.3.5',
    'KP-CB-1',
  ),
  'hco-chart-drops-long-name': behaviour(
    'The laboratory chart keeps the NPU code but not the long name',
    'KP-3.2.1.7',
    'KP-3.2.1.11',
    'KP-3.3.1-b',
    'KP-3.3.5',
    'KP-CB-1',
  ),
  'hco-drop-comparator': behaviour(
    'The comparator (<, >) of a result is dropped when it is read: <7.1 is stored as 7.1',
    'KP-3.2.1.14',
    'KP-3.2.1.14-b',
    'KP-3.2.1.16',
    'KP-3.3.5',
  ),
  'hco-chart-corrected-as-final': behaviour(
    'The laboratory chart rows of a corrected report keep the status final',
    'KP-CORR-4',
  ),
  'hco-views-every-patient': behaviour(
    "The inbox and the laboratory chart of one patient list every patient's reports",
    'KP-CB-2',
  ),
  'hco-chart-without-clinical-comment': behaviour(
    'The laboratory chart does not show that a clinical comment came with the results',
    'KP-3.2.1.15',
  ),
  'hco-chart-without-attachments': behaviour(
    'The laboratory chart does not show the attachments of the report its results came from',
    'KP-3.2.2.3',
    'KP-3.2.2.6',
  ),
  // --- technical data ---
  'hco-sent-time-is-receipt-time': behaviour(
    'The sending time is not stored; the time of receipt is kept instead',
    'KP-3.2.1.19',
  ),
  'hco-reject-unknown-initials': behaviour(
    'A message with unknown GP initials (data-absent-reason) is rejected with fatal-error',
    'KP-3.2.1.12',
    'KP-3.3.1',
  ),
  'hco-reject-attachment-without-author': behaviour(
    'A report whose attached file names no author (Media.operator 0..1) is rejected with fatal-error',
    'KP-3.2.2.5-b',
  ),
  'hco-family-name-alone-unshown': behaviour(
    'A signer named by the family name alone (no given names) is shown without a name',
    'KP-CB-4',
  ),
  'hco-analysis-notes-run-together': behaviour(
    "Several analysis notes of a result are run together into one text, with nothing between one note's end and the next one's start",
    'KP-CB-3',
  ),
  'hco-interpretation-first-coding-only': behaviour(
    "Only the first coding of a result's interpretation is read: a result whose MedCom NI coding follows another coding is not marked not reference-evaluated",
    'KP-CB-3',
  ),
  'hco-reject-attachments': behaviour(
    'A message with attachments is rejected with fatal-error',
    'KP-3.2.2.1',
    'KP-3.2.2.4',
    'KP-CB-1',
    'KP-CANC-1',
  ),
  // --- R1.A1 ---
  'hco-ignore-refused-consent': behaviour(
    'Refused consent (meta.security R) is not kept or shown',
    'KP-3.2.3.2',
  ),
  'hco-refused-consent-on-every-report': behaviour(
    'Every report is marked as refused consent, also one without the security label R',
    'KP-3.2.3.2',
  ),
  'hco-new-report-archived': behaviour(
    'A new report is filed straight into the archive instead of standing in the inbox',
    'KP-3.2.1.3',
    'KP-3.2.2.2',
    'KP-3.2.2.5',
    'KP-3.2.3.2',
    'KP-3.3.1-b',
  ),
  // --- technical requirements ---
  'hco-reject-ecpr': behaviour(
    'A patient identified only by an X-eCPR is rejected with fatal-error',
    'KP-3.3.1',
  ),
  'hco-reject-sbdh': behaviour(
    'The endpoint refuses an EHMI SBDH envelope (HTTP 415)',
    'KP-SBDH-1',
    'KP-SBDH-4',
  ),
  'hco-ignores-envelope': behaviour(
    'The SBDH envelope is not checked: a message whose envelope names another receiver is accepted and stored',
    'KP-SBDH-2',
    'KP-SBDH-3',
  ),
  'hco-reads-json-null': behaviour(
    'A delivery of JSON null is read as a message, and the endpoint fails (HTTP 500) instead of refusing it',
    'KP-ACK-11',
  ),
  'hco-reads-json-scalar': behaviour(
    'A delivery of JSON that is a string (the message encoded twice) is decoded again and its message filed, instead of being refused',
    'KP-ACK-11',
  ),
  'hco-fhir-xml-error-breaks': behaviour(
    'FHIR XML the parser cannot read (a closing tag that does not match) makes the endpoint answer HTTP 500 instead of refusing it',
    'KP-ACK-11',
  ),
  'hco-correction-added-result-unlisted': behaviour(
    "A result that a correction adds to the report is filed but not named among the correction's changes",
    'KP-CORR-5',
  ),
  'hco-ack-issue-without-code': behaviour(
    "A negative acknowledgement's OperationOutcome issue has no code (issue.code 1..1)",
    'KP-ACK-2',
    'KP-ACK-7',
  ),
  'hco-message-without-id-breaks': behaviour(
    'A message whose MessageHeader has no id makes the endpoint answer HTTP 500 instead of refusing it',
    'KP-ACK-7',
  ),
  'hco-sbdh-version-unchecked': behaviour(
    "The SBDH's HeaderVersion is not read: an envelope without one is taken and its message filed",
    'KP-ACK-11',
  ),
  'hco-envelope-mismatch-crashes': behaviour(
    'An envelope that contradicts its message makes the endpoint answer HTTP 500 instead of refusing it',
    'KP-SBDH-2',
    'KP-SBDH-3',
  ),
  // --- invalid content, reliable messaging (certbench's own checks) ---
  'hco-accepts-long-results': behaviour(
    'Results over 12 characters are accepted and stored',
    'KP-ACK-2',
    'KP-ACK-4',
  ),
  'hco-limit-counts-comparator': behaviour(
    'The comparator counts as one of the 12 characters: a 12-character result written with ">" is rejected',
    'KP-ACK-10',
  ),
  'hco-accepts-any-bundle-type': behaviour(
    'A Bundle with a MessageHeader is filed as a message whatever its type (here a collection)',
    'KP-ACK-7',
  ),
  'hco-accepts-other-events': behaviour(
    'A message of another MedCom event (care-communication-message) is filed as a prøvesvar',
    'KP-ACK-8',
  ),
  'hco-accepts-any-activity': behaviour(
    'A Provenance activity outside the HomeCareObservation activities (forward-message) is accepted and filed',
    'KP-ACK-9',
  ),
  'hco-ignores-broken-references': behaviour(
    'A report naming a result that is not in the message is accepted and stored without it',
    'KP-ACK-3',
    'KP-ACK-4',
  ),
  'hco-stores-rejected': behaviour(
    'An invalid message is stored and shown although it is rejected with fatal-error',
    'KP-ACK-4',
  ),
  'hco-shows-duplicates': behaviour(
    'A resent message (new Bundle.id, same MessageHeader.id) is shown again',
    'KP-ACK-5',
  ),
  'hco-duplicate-fatal-error': behaviour(
    'A resent message is answered with fatal-error (duplicate id)',
    'KP-ACK-6',
  ),
  // --- R.CORR ---
  'hco-correction-unmarked': behaviour(
    'A correction replaces the report without the "R" marking or what changed',
    'KP-CORR-2',
    'KP-CORR-4',
  ),
  'hco-correction-as-duplicate': behaviour(
    'A correction of a known report is taken for a duplicate: the first acknowledgement is repeated, the correction not filed',
    'KP-CORR-1',
    'KP-CORR-3',
    'KP-CORR-4',
  ),
  'hco-correction-as-new-report': behaviour(
    'A correction is filed as a new report beside the old one',
    'KP-CORR-3',
    'KP-CORR-4',
  ),
  'hco-changes-list-every-result': behaviour(
    'What a correction changed lists every result of the report, also those the correction left as they were',
    'KP-CORR-5',
  ),
  'hco-correction-forgets-history': behaviour(
    'A correction replaces the report without keeping the earlier version traceable',
    'KP-CORR-3',
  ),
  // --- R.CANC ---
  'hco-reject-cancellations': behaviour(
    'A cancellation (retract-message) is rejected with fatal-error',
    'KP-CANC-1',
    'KP-CANC-3',
  ),
  'hco-cancel-without-reason': behaviour('A cancellation is shown without its reason', 'KP-CANC-2'),
  'hco-cancel-deletes': behaviour(
    'A cancelled report is deleted instead of marked and archived',
    'KP-CANC-3',
  ),
} as const satisfies Record<string, FaultInfo>;
