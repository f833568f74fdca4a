// Faults of the lab sharing flow (protocols/lab-sharing.yaml): content faults mutate every outgoing lab message
// (faults/lab-mutations.ts); behaviour faults are code in the flow they break (reference-gp/lab/).
import { faultsOf, type FaultInfo } from './fault-info.ts';

const { content, behaviour } = faultsOf('lab-sharing');

export const LAB_FAULTS = {
  // --- the message ---
  'lab-bundle-type-collection': content('The lab message Bundle has type collection', 'LAB-3.3.1.1'),
  'lab-message-header-not-first': content('The MessageHeader is not the first entry', 'LAB-3.3.1.1'),
  'lab-bundle-id-not-uuid': content('The message Bundle.id is a readable name, not a UUID', 'LAB-3.3.1.2'),
  'lab-timestamp-utc-offset': content('Bundle.timestamp is written with a +00:00 offset', 'LAB-3.3.1.2'),
  'lab-unknown-element': content('Observations carry an element FHIR R4 does not define', 'LAB-3.3.1.3'),
  'lab-wrong-cpr-system': content(
    'The CPR identifier uses a URL instead of urn:oid:1.2.208.176.1.2',
    'LAB-3.3.1.4',
  ),
  // --- the result ---
  'lab-npu-display-missing': content('The NPU coding has no display', 'LAB-3.3.1.5'),
  'lab-value-without-unit': content('valueQuantity is sent without unit', 'LAB-3.3.1.6', 'LAB-3.4.2'),
  'lab-comparator-dropped': content('The comparator (<, >) of a value is left out', 'LAB-3.3.1.7'),
  'lab-comparator-inclusive-as-strict': content(
    'The comparators <= and >= are sent as < and > (>=130 as >130)',
    'LAB-3.3.1.7',
  ),
  'lab-grade-as-number': content(
    'Dipstick grades are sent as numbers (1+ as valueQuantity 1)',
    'LAB-3.3.1.8',
  ),
  'lab-organism-as-text': content(
    'A culture result is sent as text instead of the coded organism',
    'LAB-3.3.1.9',
  ),
  'lab-sampling-time-utc': content('effectiveDateTime is written with a +00:00 offset', 'LAB-3.3.1.10'),
  'lab-performer-without-ydernummer': content('The producing clinic has no ydernummer', 'LAB-3.3.1.11'),
  'lab-status-preliminary': content('A new result is sent with status preliminary', 'LAB-3.3.1.12'),
  'lab-identifier-not-uuid': content('Result identifiers are local numbers, not urn:uuid', 'LAB-3.3.1.13'),
  'lab-always-restricted': content('Every result is marked restricted (meta.security R)', 'LAB-3.3.1.15'),
  'lab-source-claims-plsp': content(
    'MessageHeader.source names PLSP although the GP system sends',
    'LAB-3.3.1.16',
  ),
  'lab-provenance-missing': content('The message has no Provenance', 'LAB-3.3.1.17', 'LAB-3.3.2.2'),
  'lab-restriction-display-wrong': content(
    'The confidentiality R label has the display "normal"',
    'LAB-3.3.5.1',
  ),
  'lab-destination-other-database': content(
    'MessageHeader.destination names the other database (MiBA for a LABA message)',
    'LAB-3.3.1.21',
  ),
  'lab-event-without-code': content('MessageHeader.eventCoding has a system but no code', 'LAB-3.3.1.21'),
  'lab-software-claims-plsp': content(
    'MessageHeader.source.software names PLSP although the GP system sends',
    'LAB-3.3.1.21',
  ),
  'lab-report-code-of-biochemistry': content(
    'Every report, microbiology too, is coded LOINC 11502-2 (Laboratory report)',
    'LAB-3.3.1.22',
  ),
  'lab-observation-category-missing': content('The Observations have no category', 'LAB-3.3.1.22'),
  'lab-patient-name-of-other-patient': content(
    "The Patient carries another test patient's name (Lonni Test Lauridsen)",
    'LAB-3.3.1.23',
  ),
  'lab-patient-name-of-first-test-patient': content(
    "Every Patient carries the first test patient's name (Elmer Test Hansen), whoever the result is about",
    'LAB-3.3.2.6',
  ),
  'lab-patient-gender-opposite': content("The Patient's gender is the opposite of the CPR's", 'LAB-3.3.1.23'),
  'lab-patient-birthdate-off': content("The Patient's birth date is a day off the CPR's", 'LAB-3.3.1.23'),
  'lab-ucum-code-as-unit-text': content(
    'valueQuantity.code is the unit text (INR), not its UCUM code ({INR})',
    'LAB-3.3.1.6',
  ),
  // --- sharing and routing ---
  'lab-shares-non-agreed': behaviour('Analyses not on the agreed list are shared too', 'LAB-3.3.1.14'),
  'lab-reuse-identifiers': behaviour(
    'Identifiers are derived from the patient and NPU code, so different results share them',
    'LAB-3.3.1.13',
  ),
  'lab-biochemistry-to-miba': behaviour('Biochemistry is sent to MiBA', 'LAB-3.3.1.18', 'LAB-3.3.1.20'),
  'lab-microbiology-to-laba': behaviour('Microbiology is sent to LABA', 'LAB-3.3.1.19', 'LAB-3.3.1.20'),
  'lab-copy-to-both-databases': behaviour('Every result is sent to both LABA and MiBA', 'LAB-3.3.1.20'),
  // --- correction and cancellation ---
  'lab-correction-as-new-result': behaviour(
    'A correction is sent as a new result with new identifiers',
    'LAB-3.3.2.1',
    'LAB-3.3.2.4',
  ),
  'lab-correction-keeps-comparator': behaviour(
    'A corrected value keeps the comparator of the value it replaces (>8 corrected to 2.4 is sent as >2.4)',
    'LAB-3.3.2.5',
  ),
  'lab-correction-changes-first-analysis': behaviour(
    "A correction changes the result's first analysis, whatever NPU code it names",
    'LAB-3.3.2.7',
  ),
  'lab-correction-drops-new-comparator': behaviour(
    'A comparator given with the corrected value is dropped (corrected to <5, sent as 5)',
    'LAB-3.3.2.7',
  ),
  'lab-follow-up-of-local-result-sent': behaviour(
    'A correction of a result that was never shared (kept locally) is sent to the database',
    'LAB-3.3.2.8',
  ),
  'lab-local-correction-dropped': behaviour(
    'A correction of a result that was never shared is not kept: the GP still sees the old value',
    'LAB-3.3.2.8',
  ),
  'lab-correction-references-original': behaviour(
    "A second correction points to the result's first message, not to the latest correction",
    'LAB-3.3.2.5',
  ),
  'lab-correction-without-reference': behaviour(
    'A correction does not reference the original message (no Provenance entity)',
    'LAB-3.3.2.2',
    'LAB-3.3.2.4',
  ),
  'lab-correction-as-cancel-and-new': behaviour(
    'A correction is sent as a cancellation of the original followed by a new result',
    'LAB-3.3.2.3',
  ),
  'lab-cancel-as-delete': behaviour(
    'A result on the wrong patient is deleted in the database (HTTP DELETE) instead of cancelled',
    'LAB-3.3.3.1',
    'LAB-3.3.3.3',
  ),
  'lab-cancel-without-comment': behaviour(
    'A cancellation carries no comment (reason)',
    'LAB-3.3.3.2',
    'LAB-3.3.3.4',
  ),
  'lab-view-without-unit': behaviour(
    'The GP system shows numeric results without their unit',
    'LAB-3.3.3.4',
    'LAB-3.3.4.2',
  ),
  'lab-history-without-text': behaviour(
    "The GP system's history of a result gives the times of its entries but not what happened (empty texts)",
    'LAB-3.3.2.8',
    'LAB-3.3.3.4',
    'LAB-3.3.4.2',
    'LAB-3.3.5.5',
    'LAB-3.3.6.4',
    'LAB-3.4.5',
  ),
  // --- no deletion in the source ---
  'lab-delete-sends-cancellation': behaviour(
    'A local delete sends a cancellation to the database',
    'LAB-3.3.4.1',
  ),
  'lab-delete-forgets-history': behaviour('A local delete removes the result and its history', 'LAB-3.3.4.2'),
  'lab-transfer-cancels-results': behaviour(
    "A journal transfer to the patient's new clinic cancels the shared results",
    'LAB-3.3.4.3',
  ),
  'lab-closing-deletes-results': behaviour(
    "When the clinic closes, the patient's results are deleted in the databases",
    'LAB-3.3.4.4',
  ),
  // --- nægtet samtykke ---
  'ignores-refused-consent': behaviour(
    'Nægtet samtykke is ignored: results are shared unrestricted, refusals and withdrawals are not recorded',
    'LAB-3.3.5.1',
    'LAB-3.3.5.2',
    'LAB-3.3.5.3',
    'LAB-3.3.5.4',
    'LAB-3.3.5.5',
  ),
  'lab-withdrawal-not-sent': behaviour(
    'A withdrawn refusal is recorded locally but never sent',
    'LAB-3.3.5.3',
    'LAB-3.3.5.4',
  ),
  // --- resends and acknowledgements ---
  'lab-resend-as-new-message': behaviour(
    'A resend is built as a new message with new identifiers (a second result)',
    'LAB-3.3.6.1',
  ),
  'lab-no-resend-on-transient-error': behaviour(
    'A transient-error acknowledgement is not followed by a resend',
    'LAB-3.3.6.2',
    'LAB-3.3.6.5',
  ),
  'lab-resends-without-limit': behaviour(
    'A message answered transient-error is resent until the database accepts it, beyond the two resends',
    'LAB-3.3.6.5',
  ),
  'lab-resend-on-fatal-error': behaviour(
    'A fatal-error acknowledgement is followed by a resend',
    'LAB-3.3.6.3',
  ),
  'lab-http-error-read-as-acknowledgement': behaviour(
    'The body of an HTTP error answer is read as the acknowledgement (a 500 whose body says ok counts as shared)',
    'LAB-3.3.6.6',
  ),
  'lab-unreadable-answer-taken-as-ok': behaviour(
    'An answer that is not JSON, or JSON without an acknowledgement code (an OperationOutcome, the message echoed), is taken as ok',
    'LAB-3.3.6.6',
  ),
  'lab-ack-ignored': behaviour(
    'Results are shown as shared whatever the acknowledgement says',
    'LAB-3.3.6.4',
    'LAB-3.3.6.5',
  ),
  // --- content that must never be sent ---
  'lab-shares-without-npu-code': behaviour('Local analyses without an NPU code are shared', 'LAB-3.4.1'),
  'lab-local-result-shown-pending': behaviour(
    "A result kept locally is shown as waiting for the database's answer (sharing pending)",
    'LAB-3.4.5',
  ),
  'lab-accepts-value-without-unit': behaviour(
    'A numeric result without unit is accepted and shared',
    'LAB-3.4.2',
  ),
  'lab-accepts-future-sampling-time': behaviour(
    'A sampling time in the future is accepted and shared',
    'LAB-3.4.3',
  ),
  'lab-shares-replacement-cpr': behaviour(
    'A result of a person with only a replacement CPR is shared with it as the CPR',
    'LAB-3.4.4',
  ),
} as const satisfies Record<string, FaultInfo>;
