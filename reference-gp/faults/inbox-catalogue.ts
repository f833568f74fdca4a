// Faults of the lab inbox (protocols/intelligent-indbakke.yaml): wrong decisions in receiving and auto-handling lab
// reports, each code in the flow it breaks (reference-gp/inbox/).
import { faultsOf, type FaultInfo } from './fault-info.ts';

const { behaviour } = faultsOf('intelligent-indbakke');

export const INBOX_FAULTS = {
  // --- receiving ---
  'inbox-refuses-reports': behaviour('The lab report endpoint answers 503 to every report', 'II-3.4.1'),
  'inbox-lenient-parser': behaviour(
    'A report that is not well-formed XML is read as far as it goes and auto-handled',
    'II-3.4.2',
  ),
  'inbox-report-without-patient-filed': behaviour(
    'A well-formed report without its Patient element, or with an empty CivilRegistrationNumber, is received (2xx) and filed under no patient: neither refused nor shown (found by mutation testing)',
    'II-3.4.2',
  ),
  'inbox-unordered-analysis-breaks': behaviour(
    'A report carrying an analysis the GP did not order (one the laboratory added) breaks the receiving endpoint: HTTP 500 (found by mutation testing)',
    'II-3.4.1',
  ),
  'inbox-empty-cpr-filed': behaviour(
    'A well-formed report whose CivilRegistrationNumber is present but empty is received (2xx) and filed under no patient: neither refused nor shown (found by mutation testing)',
    'II-3.4.2',
  ),
  'inbox-namespace-prefix-refused': behaviour(
    'A report whose XRPT01 namespace is bound to a prefix (x:LaboratoryReport) is refused: the reader knows only the default namespace (found by mutation testing)',
    'II-3.4.1',
  ),
  // --- autosvar ved normal ---
  'inbox-no-auto-reply': behaviour(
    'Normal results are archived but no reply is sent to the patient',
    'II-3.3.1.1',
  ),
  'inbox-auto-reply-stays-in-inbox': behaviour(
    'After the automatic reply the requisition stays in the doctor’s inbox',
    'II-3.3.1.2',
  ),
  'inbox-fee-on-auto-reply': behaviour(
    'An e-konsultation fee (ydelse) is registered for the automatic reply',
    'II-3.3.1.3',
  ),
  'inbox-no-audit': behaviour(
    'Automatic actions are not written to the audit log',
    'II-3.3.1.4',
    'II-3.3.6.4',
  ),
  // --- what blocks an automatic reply ---
  'inbox-ignores-abnormal-flag': behaviour(
    'The laboratory’s abnormal flag (ResultValidation) is ignored; only the value is judged',
    'II-3.3.2.1',
  ),
  'inbox-ignores-lower-limit': behaviour(
    'Only the upper limit is judged: a value below the lower limit counts as normal (found by mutation testing)',
    'II-3.3.2.2',
  ),
  'inbox-view-shows-ordered-type': behaviour(
    'A changed auto-handling type decides, but the inbox keeps showing the type the requisition was ordered with (found by mutation testing)',
    'II-3.3.11.1',
    'II-3.3.11.2',
  ),
  'inbox-drops-decimal-comma': behaviour(
    'A result value with a decimal comma is read without it ("5,5" as 55), so a normal value looks abnormal (found by mutation testing)',
    'II-3.3.1.1',
    'II-3.3.1.2',
  ),
  'inbox-reads-one-decimal': behaviour(
    'A value with two decimals ("5,44") is not read as a number, so a normal requisition goes to the inbox (found by mutation testing)',
    'II-3.3.1.1',
    'II-3.3.1.2',
  ),
  'inbox-trusts-flags-only': behaviour(
    'Only the abnormal flag is judged; the value is not compared with the limits',
    'II-3.3.2.2',
  ),
  'inbox-no-limits-is-normal': behaviour('A result without limits counts as normal', 'II-3.3.2.3'),
  'inbox-autoanswers-alphanumeric': behaviour(
    'An alphanumeric result equal to the laboratory’s interval text counts as normal',
    'II-3.3.2.4',
  ),
  'inbox-alphanumeric-read-as-number': behaviour(
    'An alphanumeric result whose value reads as a number is judged against the limits like a numeric one (found by mutation testing)',
    'II-3.3.2.4',
  ),
  'inbox-autoanswers-operator': behaviour(
    'A value with an operator (<, >) is judged as the bare number',
    'II-3.3.2.5',
  ),
  'inbox-autoanswers-provisional': behaviour(
    'Provisional results (svar_midlertidigt, proeve_modtaget) are judged as final',
    'II-3.3.2.6',
  ),
  // --- completeness ---
  'inbox-decides-on-partial-report': behaviour(
    'Each report is auto-handled on its own final results; missing analyses and del_svar are ignored',
    'II-3.3.3.1',
  ),
  'inbox-never-completes': behaviour(
    'After a del_svar, the complete report is stored but the requisition is never decided',
    'II-3.3.3.2',
  ),
  'inbox-trusts-report-status': behaviour(
    'A komplet_svar from one laboratory completes the requisition, even when another laboratory’s analysis is missing',
    'II-3.3.3.3',
    'II-3.3.4.3',
  ),
  // --- several laboratories ---
  'inbox-one-item-per-report': behaviour(
    'Every report becomes its own inbox item, not grouped by requisition',
    'II-3.3.4.1',
  ),
  'inbox-producer-of-first-report': behaviour(
    'Every result of a requisition shows the producer of its first report',
    'II-3.3.4.2',
  ),
  'inbox-reply-without-text': behaviour(
    'The automatic reply is sent to the patient with an empty text (found in the second look at the mutation survivors)',
    'II-3.3.1.1',
  ),
  'inbox-unmatched-shows-blank-type': behaviour(
    'The item of a report that matches no requisition shows an empty auto-handling type, none the automation API names (found in the second look at the mutation survivors)',
    'II-3.3.9.1',
  ),
  'inbox-audit-actor-doctor': behaviour(
    "Automatic actions are logged under the practice's doctor as the actor, not the system (found in the second look at the mutation survivors)",
    'II-3.3.1.4',
  ),
  'inbox-return-logged-as-received': behaviour(
    'The return of an automatically handled requisition to the inbox is logged under an action the automation API does not name ("received") (found in the second look at the mutation survivors)',
    'II-3.3.8.1',
  ),
  'inbox-reply-greets-first-patient': behaviour(
    'The automatic reply greets another patient of the practice by name (the template is filled from the wrong patient record) (found in the second look at the mutation survivors)',
    'II-3.3.1.1',
  ),
  'inbox-producer-name-from-code': behaviour(
    "Every result shows its producer's code (ProducerOfLabResult/IdentifierCode) as the producer's name (Identifier) (found by mutation testing)",
    'II-3.3.4.2',
  ),
  'inbox-analysis-name-from-short-name': behaviour(
    'The analysis name is read from AnalysisShortName instead of AnalysisCompleteName, so a result of a report without a short name shows an empty name (found by mutation testing)',
    'II-3.3.4.2',
  ),
  'inbox-unit-of-first-result': behaviour(
    "Every result of a requisition shows the unit of the requisition's first result (found in the second look at the mutation survivors)",
    'II-3.3.4.2',
  ),
  'inbox-reads-value-with-parsefloat': behaviour(
    'A numerisk value is read like parseFloat: leading digits count ("5 hæmolyse" is 5) and a text that is no number compares as normal (found by mutation testing)',
    'II-3.3.2.7',
  ),
  // --- the clinic's own limits ---
  'inbox-lower-only-interval-ignored': behaviour(
    'A reference interval with only a lower limit is taken for no interval, so the result is never normal (found by mutation testing)',
    'II-3.3.1.1',
    'II-3.3.1.2',
  ),
  'inbox-clinic-limits-of-first-analysis': behaviour(
    'The clinic’s limits of the requisition’s first analysis are used for every result (found by mutation testing)',
    'II-3.3.5.2',
  ),
  'inbox-ignores-clinic-limits': behaviour(
    'The clinic’s own limits are ignored; the laboratory’s interval is always used',
    'II-3.3.5.1',
    'II-3.3.5.2',
  ),
  // --- arkiver til aftale ---
  'inbox-appointment-sends-reply': behaviour(
    'Arkiver til aftale is handled as autosvar: the patient gets a reply and nothing resurfaces',
    'II-3.3.6.1',
  ),
  'inbox-never-resurfaces': behaviour(
    'A requisition archived until the appointment never returns to the inbox',
    'II-3.3.6.2',
  ),
  'inbox-archives-abnormal-until-appointment': behaviour(
    'Abnormal results of an arkiver-til-aftale requisition are archived until the appointment too',
    'II-3.3.6.3',
  ),
  // --- ingen ---
  'inbox-ignores-handling-type': behaviour(
    'Every requisition is handled as autosvar ved normal, also "Ingen"',
    'II-3.3.7.1',
  ),
  // --- the type: the clinic's default and a change after ordering ---
  'inbox-ignores-clinic-default': behaviour(
    'A requisition ordered without its own type is handled as "Ingen", whatever the clinic’s default',
    'II-3.3.10.1',
  ),
  'inbox-unset-type-is-autosvar': behaviour(
    'A requisition ordered without its own type is handled as "Autosvar ved normal", also when the clinic’s default is "Ingen" (found by mutation testing)',
    'II-3.3.10.3',
  ),
  'inbox-clinic-default-overrides-requisition': behaviour(
    'A clinic default other than "Ingen" replaces the type chosen for the requisition',
    'II-3.3.10.2',
  ),
  'inbox-type-fixed-at-ordering': behaviour(
    'A change of the type after ordering is accepted but not used: the type chosen at ordering stays in force',
    'II-3.3.11.1',
    'II-3.3.11.2',
  ),
  'inbox-type-change-drops-appointment': behaviour(
    'A type changed to "Arkiver til aftale" keeps no appointment: the requisition is archived without a date and is back in the inbox at once (found by mutation testing)',
    'II-3.3.11.3',
  ),
  // --- corrections ---
  'inbox-correction-stays-archived': behaviour(
    'A corrected result (svar_rettet) after an automatic reply is filed silently; the requisition stays archived',
    'II-3.3.8.1',
  ),
  'inbox-autoanswers-correction': behaviour(
    'A corrected result after an automatic reply is judged again and answered automatically a second time',
    'II-3.3.8.2',
  ),
  'inbox-correction-redecided': behaviour(
    'A corrected result on a requisition already in the doctor’s inbox is judged again, and answered automatically once all is normal (found by mutation testing)',
    'II-3.3.8.2',
  ),
  'inbox-appointment-correction-stays-archived': behaviour(
    'A corrected result after an archive until the appointment stays archived until the appointment (found by mutation testing)',
    'II-3.3.8.1',
  ),
  // --- patient matching ---
  'inbox-matches-any-known-patient': behaviour(
    'A report is matched to a requisition when its patient is known, whoever ordered the requisition (found by mutation testing)',
    'II-3.3.9.1',
  ),
  'inbox-drops-unordered-report': behaviour(
    'A report on a requisition number nobody ordered is received (2xx) but shown nowhere (found by mutation testing)',
    'II-3.3.9.1',
  ),
  'inbox-mismatched-report-under-requisition-patient': behaviour(
    'A report naming another known patient than its requisition’s is shown under the requisition’s patient, not the one it names (found by mutation testing)',
    'II-3.3.9.1',
  ),
  'inbox-placeholder-result-on-unmatched': behaviour(
    'The item of a report that matches no requisition shows a placeholder result ("afventer match") besides the results the report carried (found by mutation testing)',
    'II-3.3.9.1',
  ),
  'inbox-lists-every-patient': behaviour(
    'The patient replies and the audit log of one patient list the whole clinic’s entries (found by mutation testing)',
    'II-3.3.9.1',
  ),
  'inbox-matches-requisition-only': behaviour(
    'Reports are matched by requisition number alone: a report naming an unknown patient is auto-handled',
    'II-3.3.9.1',
  ),
} as const satisfies Record<string, FaultInfo>;
