// Faults of the receiving flow of kommunale prøvesvar (protocols/kommunale-proevesvar.yaml): each is code in the
// flow it breaks (reference-gp/homecare/), the way a vendor's receiver might go wrong.
import { faultsOf, type FaultInfo } from './fault-info.ts';

const { behaviour } = faultsOf('kommunale-proevesvar');

/** Every checkpoint that judges a positive acknowledgement. */
const POSITIVE_ACKS = [
  'KP-3.3.1.1',
  'KP-3.3.2.1',
  'KP-3.3.3.1',
  'KP-3.3.4.1',
  'KP-3.3.5.1',
  'KP-3.4.1',
  'KP-3.4.5',
  'KP-3.4.6',
] as const;

export const HOMECARE_FAULTS = {
  // --- acknowledgements ---
  'hco-ack-wrong-identifier': behaviour(
    'The acknowledgement names the Bundle.id (envelope) instead of the MessageHeader.id in response.identifier',
    ...POSITIVE_ACKS,
    'KP-3.4.2',
    'KP-3.4.3',
  ),
  'hco-ack-not-fhir': behaviour(
    'The receiving endpoint answers 200 text/plain "OK" instead of a MedCom acknowledgement',
    ...POSITIVE_ACKS,
    'KP-3.4.2',
    'KP-3.5.2',
  ),
  'hco-ack-without-provenance': behaviour('The acknowledgement carries no Provenance', 'KP-3.3.1.2'),
  // --- R1: distribution, lab chart, technical data ---
  'hco-ignore-initials': behaviour(
    'Every report goes to the shared inbox as "unknown", also when the GP initials are given',
    'KP-3.3.1.3',
    'KP-3.3.1.11',
  ),
  // --- what the screen shows (the observable part of the manual display checkpoints) ---
  'hco-view-without-name': behaviour("The report is shown without the patient's name", 'KP-3.3.1.5'),
  'hco-view-reference-evaluated': behaviour(
    'Results are shown without the "not reference-evaluated" marking',
    'KP-3.3.1.6',
  ),
  'hco-view-without-sampling-time': behaviour('Results are shown without their sampling time', 'KP-3.3.1.7'),
  'hco-view-without-statuses': behaviour('The report and result statuses are not shown', 'KP-3.3.1.8'),
  'hco-view-without-producer-id': behaviour('The producer is shown without its producer id', 'KP-3.3.1.9'),
  'hco-chart-rows-unlinked': behaviour(
    'Laboratory chart rows do not say which received report they came from (it cannot be reopened)',
    'KP-3.3.1.13',
  ),
  'hco-view-unknown-initials-blank': behaviour(
    'A report without known GP initials shows no initials instead of "unknown"',
    'KP-3.3.2.2',
  ),
  'hco-view-without-attachments': behaviour('Attachments are received but not shown', 'KP-3.3.2.5'),
  'hco-chart-not-stored': behaviour(
    'Results are shown in the inbox but never saved to the laboratory chart',
    'KP-3.3.1.12',
    'KP-3.3.2.3',
    'KP-3.4.5',
  ),
  'hco-chart-drops-long-name': behaviour(
    'The laboratory chart keeps the NPU code but not the long name',
    'KP-3.3.1.12',
  ),
  'hco-drop-comparator': behaviour(
    'The comparator (<, >) of a result is dropped: <5 is stored as 5',
    'KP-3.3.2.3',
  ),
  'hco-sent-time-is-receipt-time': behaviour(
    'The sending time is not stored; the time of receipt is kept instead',
    'KP-3.3.2.6',
  ),
  'hco-reject-unknown-initials': behaviour(
    'A message with unknown GP initials (data-absent-reason) is rejected with fatal-error',
    'KP-3.3.2.1',
  ),
  'hco-reject-attachments': behaviour(
    'A message with attachments is rejected with fatal-error',
    'KP-3.3.2.1',
    'KP-3.4.5',
  ),
  // --- what the GP sees (manual checkpoints, judged on homecare.inbox in automatic runs) ---
  'hco-no-notification': behaviour('A new report is filed without notifying the user', 'KP-3.3.1.4'),
  'hco-signature-without-phone': behaviour(
    "The sender's phone number is not shown with the signature",
    'KP-3.3.1.10',
  ),
  'hco-analysis-comment-on-report': behaviour(
    'Analysis comments are merged into the clinical comment instead of shown on their result',
    'KP-3.3.2.4',
  ),
  'hco-cancel-without-reason': behaviour('A cancellation is shown without its reason', 'KP-3.3.5.2'),
  'hco-correction-unmarked': behaviour(
    'A correction replaces the report without the "R" marking or what changed',
    'KP-3.3.4.2',
    'KP-3.3.4.4',
  ),
  // --- R1.A1 ---
  'hco-ignore-refused-consent': behaviour(
    'Refused consent (meta.security R) is not kept or shown',
    'KP-3.3.3.2',
  ),
  // --- R.CORR ---
  'hco-correction-as-duplicate': behaviour(
    'A correction of a known report is taken for a duplicate: the first acknowledgement is repeated, the correction not filed',
    'KP-3.3.4.1',
    'KP-3.3.4.3',
    'KP-3.3.4.4',
  ),
  'hco-correction-as-new-report': behaviour(
    'A correction is filed as a new report beside the old one',
    'KP-3.3.4.3',
    'KP-3.3.4.4',
  ),
  'hco-correction-forgets-history': behaviour(
    'A correction replaces the report without keeping the earlier version traceable',
    'KP-3.3.4.3',
  ),
  // --- R.CANC ---
  'hco-reject-cancellations': behaviour(
    'A cancellation (retract-message) is rejected with fatal-error',
    'KP-3.3.5.1',
    'KP-3.3.5.3',
  ),
  'hco-cancel-deletes': behaviour(
    'A cancelled report is deleted instead of marked and archived',
    'KP-3.3.5.3',
  ),
  // --- technical requirements ---
  'hco-reject-ecpr': behaviour(
    'A patient identified only by an X-eCPR is rejected with fatal-error',
    'KP-3.4.1',
  ),
  'hco-accepts-long-results': behaviour(
    'Results over 12 characters are accepted and stored',
    'KP-3.4.2',
    'KP-3.4.4',
  ),
  'hco-ignores-broken-references': behaviour(
    'A report naming a result that is not in the message is accepted and stored without it',
    'KP-3.4.3',
    'KP-3.4.4',
  ),
  'hco-stores-rejected': behaviour(
    'An invalid message is stored and shown although it is rejected with fatal-error',
    'KP-3.4.4',
  ),
  'hco-reject-sbdh': behaviour('The endpoint refuses an EHMI SBDH envelope (HTTP 415)', 'KP-3.4.6'),
  'hco-ignores-envelope': behaviour(
    'The SBDH envelope is not checked: a message whose envelope names another receiver is accepted and stored',
    'KP-3.4.7',
  ),
  'hco-envelope-mismatch-crashes': behaviour(
    'An envelope that contradicts its message makes the endpoint answer HTTP 500 instead of refusing it',
    'KP-3.4.7',
  ),
  // --- reliable messaging ---
  'hco-shows-duplicates': behaviour(
    'A resent message (new Bundle.id, same MessageHeader.id) is shown again',
    'KP-3.5.1',
  ),
  'hco-duplicate-fatal-error': behaviour(
    'A resent message is answered with fatal-error (duplicate id)',
    'KP-3.5.2',
  ),
} as const satisfies Record<string, FaultInfo>;
