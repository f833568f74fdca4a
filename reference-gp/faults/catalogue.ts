// The fault catalogue: named deviations the reference GP can be started with, each meant to break specific
// checkpoints of one protocol (protocols/<protocol>.yaml), so certbench can be shown to catch them.
//   content     a mutation of the document, message or metadata on the way out (faults/mutations.ts,
//               faults/lab-mutations.ts)
//   behaviour   a wrong decision inside the GP workflow (code in the flow it breaks)
//   automation  a broken answer from the automation API to the share action (faults/automation.ts)
import { INBOX_FAULTS } from './inbox-catalogue.ts';
import { HOMECARE_FAULTS } from './homecare-catalogue.ts';
import { DSJ_FAULTS } from './dsj-catalogue.ts';
import { LAB_FAULTS } from './lab-catalogue.ts';
import { PREGNANCY_FAULTS } from './pregnancy-catalogue.ts';
import { faultsOf, type FaultInfo } from './fault-info.ts';

export type { FaultInfo } from './fault-info.ts';

const { content, behaviour, automation } = faultsOf('diagnosekort');

export const FAULTS = {
  // --- transport ---
  'transaction-type-batch': content('The ITI-65 Bundle has type batch instead of transaction', 'DK-3.3.1.1'),
  'hash-mismatch': content(
    'DocumentReference attachment hash is not the SHA-1 of the sent document',
    'DK-3.3.1.2',
  ),
  'document-not-binary': content(
    'The document is sent as a plain Bundle entry, without a Binary',
    'DK-3.3.1.2',
  ),
  // --- document Bundle ---
  'bundle-type-collection': content('Document Bundle.type is collection', 'DK-3.3.1.3'),
  'composition-not-first': content('The Composition is not the first entry of the document', 'DK-3.3.1.3'),
  'bundle-id-not-uuid': content('Bundle.id is a readable name, not a UUID', 'DK-3.3.1.4'),
  'bundle-identifier-missing': content('The document Bundle has no identifier', 'DK-3.3.1.5'),
  'timestamp-utc-offset': content('Bundle.timestamp is written with a +00:00 offset', 'DK-3.3.1.6'),
  'composition-date-is-timestamp': content('Composition.date is set to the Bundle.timestamp', 'DK-3.3.1.7'),
  'invalid-patient-gender': content(
    "Patient.gender is 'woman' (not in the required value set)",
    'DK-3.3.1.8',
  ),
  'unknown-element': content('Conditions carry an element FHIR R4 does not define', 'DK-3.3.1.8'),
  // --- Composition ---
  'wrong-composition-type': content('Composition.type is LOINC 11488-4 instead of 11450-4', 'DK-3.3.1.9'),
  'title-without-cpr': content('Composition.title is "Diagnoseoversigt" without the CPR', 'DK-3.3.1.10'),
  'composition-status-preliminary': content(
    'Composition.status is preliminary',
    'DK-3.3.1.11',
    'DK-3.3.1.31',
  ),
  'confidentiality-restricted': content('Composition.confidentiality is R', 'DK-3.3.1.12'),
  'composition-language-en': content('Composition.language is en', 'DK-3.3.1.13'),
  'composition-date-after-sharing': content('Composition.date lies an hour after the sharing', 'DK-3.3.1.14'),
  'duplicate-section-entry': content('The section lists the first Condition twice', 'DK-3.3.1.15'),
  'author-organization-without-sor': content('The author Organization has no SOR identifier', 'DK-3.3.1.16'),
  // --- Patient ---
  'wrong-cpr-system': content(
    'The CPR identifier uses a URL instead of urn:oid:1.2.208.176.1.2',
    'DK-3.3.1.17',
  ),
  'replacement-cpr-identifier': content(
    'The Patient also carries an X-eCPR (replacement CPR)',
    'DK-3.3.1.18',
  ),
  'dangling-condition-subject': content(
    'Condition.subject points to a Patient not in the document',
    'DK-3.3.1.19',
  ),
  // --- Conditions ---
  'missing-sks-d-coding': content('The SKS-D coding is left out of every Condition', 'DK-3.3.1.20'),
  'missing-code-text': content('Condition.code.text is left out', 'DK-3.3.1.21'),
  'missing-recorded-date': content('Condition.recordedDate is left out', 'DK-3.3.1.22', 'DK-3.3.1.31'),
  'two-status-categories': content(
    'Each Condition has both status categories (Aktuel and Relevant)',
    'DK-3.3.1.23',
  ),
  'wrong-type-category': content(
    'Forløbs- and kontaktdiagnoser swap category type',
    'DK-3.3.1.24',
    'DK-3.3.4.1',
  ),
  'note-shared': content('The tillægstekst is shared as Condition.note', 'DK-3.3.1.25'),
  'onset-after-recorded-date': content('onsetDateTime is a day after recordedDate', 'DK-3.3.1.26'),
  'abatement-before-onset': content('abatementDateTime is a day before onsetDateTime', 'DK-3.3.1.27'),
  'drop-abatement-date': content(
    'Resolved Conditions are shared without abatementDateTime',
    'DK-3.3.2.3',
    'DK-3.3.4.2',
  ),
  'condition-identifier-not-uuid': content(
    'Condition.identifier value is a local number, not a UUID',
    'DK-3.3.1.28',
  ),
  // --- narrative ---
  'missing-narrative': content('Conditions have no narrative text', 'DK-3.3.1.29'),
  'narrative-with-script': content('The Composition narrative contains a <script>', 'DK-3.3.1.30'),
  // --- sharing metadata ---
  'wrong-type-code': content('Metadata typeCode is LOINC 11488-4', 'DK-3.4.1'),
  'wrong-class-code': content('Metadata classCode is 002', 'DK-3.4.2'),
  'wrong-format-code': content('Metadata formatCode is the CPD format', 'DK-3.4.3'),
  'wrong-facility-type': content('Metadata healthcareFacilityType is a hospital (22232009)', 'DK-3.4.4'),
  'wrong-security-label': content('Metadata confidentiality is R', 'DK-3.4.5'),
  'wrong-attachment-language': content('Metadata language is en', 'DK-3.4.5'),
  'wrong-mime-type': content('Metadata mimeType is application/json', 'DK-3.4.6'),
  'wrong-home-community-id': content('Metadata homeCommunityId is 1.2.208.193.100', 'DK-3.4.7'),
  'master-identifier-mismatch': content(
    'masterIdentifier differs from the document Bundle.identifier',
    'DK-3.4.8',
  ),
  'metadata-patient-differs': content('The metadata patient has another CPR than the document', 'DK-3.4.9'),
  // --- workflow ---
  'share-without-submitting': behaviour('Share answers done but nothing is submitted', 'DK-3.3.1.1'),
  'share-only-first-version': behaviour(
    'Only the first share is submitted; later versions are not',
    'DK-3.3.2.1',
  ),
  'reuse-document-identifier': behaviour(
    'Every version reuses the first Bundle.identifier and Bundle.id',
    'DK-3.3.2.2',
  ),
  'ignore-status-update': behaviour(
    'An update is acknowledged but status and abatement are not stored',
    'DK-3.3.2.3',
  ),
  'stale-composition-date': behaviour(
    'Composition.date stays the date of the first shared version',
    'DK-3.3.2.4',
  ),
  'new-condition-identifier-each-share': behaviour(
    'Conditions get a new identifier (and id) in every version',
    'DK-3.3.2.5',
  ),
  // Not DK-3.3.1.22: an automated first share follows the registrations within certbench's clock tolerance,
  // so only the comparison of two versions shows the moving recordedDate.
  'recorded-date-is-share-time': behaviour(
    'Condition.recordedDate is set to the sharing time instead of the registration time',
    'DK-3.3.2.6',
  ),
  'no-replaces-relation': behaviour(
    'A new version does not replace the previous DocumentReference',
    'DK-3.3.2.7',
  ),
  'share-deselected-diagnoses': behaviour('Deselected diagnoses are still shared', 'DK-3.3.3.1'),
  'share-deleted-diagnoses': behaviour('Deleted diagnoses are still shared', 'DK-3.3.3.2'),
  'drop-other-diagnoses-on-remove': behaviour(
    'After a deselect or delete, only one remaining diagnosis is shared; the others are dropped',
    'DK-3.3.3.3',
  ),
  'ignore-encounter-diagnoses': behaviour('Kontaktdiagnoser are never shared', 'DK-3.3.4.1', 'DK-3.3.4.2'),
  'view-shows-resolved-as-current': behaviour(
    "The GP's Diagnosekort view shows resolved (relevant) diagnoses as current",
    'DK-3.3.1.32',
  ),
  // --- automation API ---
  'automation-invalid-json': automation(
    'The share action answers 200 with a body that is not JSON',
    'DK-3.3.1.1',
  ),
  'automation-wrong-content-type': automation('The share action answers 200 as text/html', 'DK-3.3.1.1'),
  'automation-huge-body': automation('The share action answers with a ~50 MB JSON body', 'DK-3.3.1.1'),
  'automation-hangs': automation('The share action never answers', 'DK-3.3.1.1'),
  ...LAB_FAULTS,
  ...INBOX_FAULTS,
  ...HOMECARE_FAULTS,
  ...DSJ_FAULTS,
  ...PREGNANCY_FAULTS,
} as const satisfies Record<string, FaultInfo>;

export type FaultName = keyof typeof FAULTS;
type FaultsOf<P extends string, K extends FaultInfo['kind']> = {
  [N in FaultName]: (typeof FAULTS)[N]['protocol'] extends P
    ? (typeof FAULTS)[N]['kind'] extends K
      ? N
      : never
    : never;
}[FaultName];
/** Content faults of the Diagnosekort share package. */
export type ContentFault = FaultsOf<'diagnosekort', 'content'>;
/** Content faults of a lab result message. */
export type LabContentFault = FaultsOf<'lab-sharing', 'content'>;
export type AutomationFault = FaultsOf<string, 'automation'>;

export function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}

/** Validates fault names from the command line or a test; unknown names are an error that lists the known ones. */
export function parseFaults(names: readonly string[] = []): ReadonlySet<FaultName> {
  const unknown = names.filter((name) => !isFaultName(name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown fault(s): ${unknown.join(', ')}; known faults: ${Object.keys(FAULTS).join(', ')}`,
    );
  }
  return new Set(names.filter(isFaultName));
}

/** One line per fault, for `--list-faults`. */
export function listFaults(): Array<{ name: FaultName } & FaultInfo> {
  return (Object.keys(FAULTS) as FaultName[]).map((name) => ({ name, ...FAULTS[name] }));
}
