// The fault catalogue: named deviations the reference GP can be started with, each meant to break specific
// checkpoints of one protocol (protocols/<protocol>.yaml), so certbench can be shown to catch them.
//   content     a mutation of the document, message or metadata on the way out (faults/mutations.ts,
//               faults/lab-mutations.ts)
//   behaviour   a wrong decision inside the GP workflow (code in the flow it breaks)
//   automation  a broken answer from the automation API to the share action (faults/automation.ts)
import { INBOX_FAULTS } from './inbox-catalogue.ts';
import { ACKNOWLEDGEMENT_FAULTS } from './acknowledgement-catalogue.ts';
import { HOMECARE_FAULTS } from './homecare-catalogue.ts';
import { DSJ_FAULTS } from './dsj-catalogue.ts';
import { LAB_FAULTS } from './lab-catalogue.ts';
import { PREGNANCY_FAULTS } from './pregnancy-catalogue.ts';
import { faultsOf, type FaultInfo } from './fault-info.ts';

export type { FaultInfo } from './fault-info.ts';

const { content, behaviour, automation } = faultsOf('diagnosekort');

// Each diagnosekort fault names the checkpoints of protocols/diagnosekort.yaml (MedCom's ConditionList send
// protocol 1.0.2, DK-<step>; DK-CB-*, DK-MHD-*, DK-XDS-* are certbench's own rules) it breaks.
export const FAULTS = {
  // --- transport ---
  'transaction-type-batch': content('The ITI-65 Bundle has type batch instead of transaction', 'DK-MHD-1'),
  'submission-set-missing': content(
    'The ITI-65 Bundle has no SubmissionSet List, only the DocumentReference and the Binary (found by mutation testing)',
    'DK-MHD-1',
  ),
  'transaction-entry-without-request': content(
    'The Binary entry of the ITI-65 transaction has no request (FHIR R4 bdl-3; found by mutation testing)',
    'DK-MHD-1',
  ),
  'binary-without-content-type': content(
    'The Binary of the ITI-65 transaction has no contentType (1..1 in FHIR R4 Binary; found by mutation testing)',
    'DK-MHD-1',
  ),
  'submission-set-empty-identifier': content(
    'The SubmissionSet carries its entryUUID identifier with an empty value (FHIR R4 JSON; found by mutation testing)',
    'DK-MHD-1',
  ),
  'submission-set-source-id-not-oid': content(
    "The SubmissionSet's ihe-sourceId is the clinic's bare SOR code, not an OID (IHE MHD; found by mutation testing)",
    'DK-MHD-1',
  ),
  'hash-mismatch': content(
    'DocumentReference attachment hash is not the SHA-1 of the sent document',
    'DK-MHD-2',
  ),
  'document-not-binary': content(
    'The document is sent as a plain Bundle entry, without a Binary',
    'DK-MHD-2',
  ),
  // --- document Bundle ---
  'bundle-type-collection': content('Document Bundle.type is collection', 'DK-3.4.3.3'),
  'composition-not-first': content('The Composition is not the first entry of the document', 'DK-3.4.3.4'),
  'bundle-id-not-uuid': content('Bundle.id is a readable name, not a UUID', 'DK-3.4.3.2'),
  'bundle-identifier-missing': content('The document Bundle has no identifier', 'DK-3.4.3.2'),
  'bundle-identifier-equals-id': content('Bundle.identifier is urn:uuid:<Bundle.id>', 'DK-3.4.3.2'),
  'bundle-identifier-not-v4': content('Bundle.identifier is a version 1 UUID, not version 4', 'DK-3.4.3.2'),
  'timestamp-utc-offset': content('Bundle.timestamp is written with a +00:00 offset', 'DK-CB-2'),
  'composition-date-is-timestamp': content('Composition.date is set to the Bundle.timestamp', 'DK-CB-1'),
  'invalid-patient-gender': content(
    "Patient.gender is 'woman' (not in the required value set)",
    'DK-3.4.3.1',
    'DK-3.3.1.6',
  ),
  'unknown-element': content('Conditions carry an element FHIR R4 does not define', 'DK-3.4.3.1'),
  // --- Composition ---
  'wrong-composition-type': content('Composition.type is LOINC 11488-4 instead of 11450-4', 'DK-3.4.3.11'),
  'composition-type-without-display': content('Composition.type has no display', 'DK-3.4.3.11'),
  'composition-without-meta-profile': content('Composition.meta.profile is left out', 'DK-3.4.3.8'),
  'title-without-cpr': content('Composition.title is "Diagnoseoversigt" without the CPR', 'DK-3.4.3.9'),
  'composition-status-preliminary': content('Composition.status is preliminary', 'DK-3.4.3.10', 'DK-3.4.3.1'),
  'confidentiality-restricted': content('Composition.confidentiality is R', 'DK-3.4.3.7'),
  'composition-language-en': content('Composition.language is en', 'DK-3.4.3.12'),
  'composition-date-after-sharing': content(
    'Composition.date lies an hour after the sharing',
    'DK-3.3.1.10',
    'DK-3.3.2.5',
  ),
  'duplicate-section-entry': content('The section lists the first Condition twice', 'DK-3.4.3.6'),
  'author-organization-without-sor': content('The author Organization has no SOR identifier', 'DK-3.4.3.5'),
  'composition-narrative-missing': content('The Composition has no narrative', 'DK-3.4.3.14'),
  'attester-mode-invalid': content(
    "Composition.attester.mode is 'signed' (not in the value set)",
    'DK-3.4.3.18',
  ),
  // --- Patient ---
  'wrong-cpr-system': content(
    'The CPR identifier uses a URL instead of urn:oid:1.2.208.176.1.2',
    'DK-3.4.3.16',
    'DK-3.4.3.13',
  ),
  'replacement-cpr-identifier': content(
    'The Patient also carries an X-eCPR (replacement CPR)',
    'DK-3.4.3.16',
  ),
  'patient-without-birthdate': content('Patient.birthDate is left out', 'DK-3.4.3.17'),
  'dangling-condition-subject': content(
    'Condition.subject points to a Patient not in the document',
    'DK-CB-3',
  ),
  // --- Conditions ---
  'missing-sks-d-coding': content('The SKS-D coding is left out of every Condition', 'DK-3.3.2.2-b'),
  'missing-code-text': content('Condition.code.text is left out', 'DK-3.3.1.7', 'DK-3.3.2.3'),
  'text-from-icpc-first': content(
    'Condition.code.text is the ICPC-2 display even when there is an SKS-D display',
    'DK-3.3.1.7',
    'DK-3.3.2.3',
  ),
  'text-looked-up': content(
    'A missing SKS-D display is looked up in the code system (code.text and the coding display)',
    'DK-3.3.2.3',
  ),
  'drop-incomplete-codings': content(
    'Codings whose code is not a well-formed SKS-D or ICPC-2 code are left out',
    'DK-3.4.2.2-b',
  ),
  'empty-code-element': content(
    'A Condition without codes and text gets an empty code element',
    'DK-3.4.2.2',
  ),
  'condition-empty-coding': content(
    'A diagnosis without code entries is shared with code.coding: [] (FHIR R4 JSON; found by mutation testing)',
    'DK-CB-9',
  ),
  'category-type-without-code': content(
    'A diagnosis registered without a type gets a condition-category coding without a code (found by mutation testing)',
    'DK-CB-10',
  ),
  'missing-recorded-date': content('Condition.recordedDate is left out', 'DK-3.3.2.2-e'),
  'two-status-categories': content(
    'Each Condition has both status categories (Aktuel and Relevant)',
    'DK-3.3.2.2-c',
  ),
  'wrong-type-category': content('Forløbs- and kontaktdiagnoser swap category type', 'DK-3.3.2.2-d'),
  'clinical-status-missing-when-abated': content(
    'Conditions with an abatement date have no clinicalStatus',
    'DK-3.3.1.8',
  ),
  'clinical-status-inactive': content(
    "Conditions with an abatement date get clinicalStatus 'inactive' instead of 'resolved'",
    'DK-3.3.1.8-b',
  ),
  'no-clinical-status-on-problem-list': content(
    'Forløbsdiagnoser (problem-list-item) without abatement date have no clinicalStatus',
    'DK-3.3.1.9',
  ),
  'note-shared': content('The tillægstekst is shared as Condition.note', 'DK-3.3.1.11', 'DK-3.3.2.4'),
  'onset-after-recorded-date': content('onsetDateTime is a day after recordedDate', 'DK-CB-5'),
  'abatement-before-onset': content('abatementDateTime is a day before onsetDateTime', 'DK-CB-6'),
  'drop-abatement-date': content('Resolved Conditions are shared without abatementDateTime', 'DK-3.3.4.2'),
  'condition-identifier-not-uuid': content(
    'Condition.identifier value is a local number, not a UUID',
    'DK-CB-7',
  ),
  // --- narrative ---
  'missing-narrative': content('Conditions have no narrative text', 'DK-3.4.3.15'),
  'condition-narrative-without-diagnosis': content(
    'The Condition narrative lists the codes but not the diagnosetekst (found by mutation testing)',
    'DK-CB-8',
  ),
  'narrative-with-script': content('The Composition narrative contains a <script>', 'DK-CB-4'),
  'patient-narrative-without-identity': content(
    "The Patient narrative names only the resource, not the patient's CPR and name (found by mutation testing)",
    'DK-CB-11',
  ),
  // --- sharing metadata ---
  'metadata-empty-relates-to': content(
    'A first version carries relatesTo: [] (FHIR JSON arrays are never empty; found by mutation testing)',
    'DK-XDS-10',
  ),
  'metadata-without-version-id': content(
    'The DocumentReference lacks the MedCom version id extension (1..1 in MedComDocumentReference; found by mutation testing)',
    'DK-XDS-10',
  ),
  'wrong-type-code': content('Metadata typeCode is LOINC 11488-4', 'DK-XDS-1'),
  'wrong-class-code': content('Metadata classCode is 002', 'DK-XDS-2'),
  'wrong-format-code': content('Metadata formatCode is the CPD format', 'DK-XDS-3'),
  'wrong-facility-type': content('Metadata healthcareFacilityType is a hospital (22232009)', 'DK-XDS-4'),
  'wrong-security-label': content('Metadata confidentiality is R', 'DK-XDS-5'),
  'wrong-attachment-language': content('Metadata language is en', 'DK-XDS-5'),
  'wrong-mime-type': content('Metadata mimeType is application/json', 'DK-3.4.1.1'),
  'wrong-home-community-id': content('Metadata homeCommunityId is 1.2.208.193.100', 'DK-XDS-6'),
  'master-identifier-mismatch': content(
    'masterIdentifier differs from the document Bundle.identifier',
    'DK-XDS-7',
  ),
  'metadata-patient-differs': content('The metadata patient has another CPR than the document', 'DK-XDS-8'),
  // --- workflow ---
  'reset-keeps-diagnoses': behaviour("patient.reset leaves the patient's diagnoses in place", 'DK-3.3.1.1'),
  'share-previous-clinic-diagnoses': behaviour(
    'The share also includes diagnoses registered at another clinic',
    'DK-3.3.1.5',
  ),
  'view-shows-all-clinics': behaviour(
    "The Diagnosekort view also lists other clinics' diagnoses",
    'DK-3.3.1.4',
  ),
  'share-without-submitting': behaviour('Share answers done but nothing is submitted', 'DK-MHD-1'),
  'share-only-first-version': behaviour(
    'Only the first share is submitted; later versions are not',
    'DK-3.3.1.5',
  ),
  'reuse-document-identifier': behaviour(
    'Every version reuses the first Bundle.identifier and Bundle.id',
    'DK-3.4.3.2',
  ),
  'ignore-status-update': behaviour(
    'An update is acknowledged but status and abatement are not stored',
    'DK-3.3.4.1',
    'DK-3.3.4.2',
  ),
  'ignore-code-change': behaviour(
    'An update is acknowledged but the new codes are not stored',
    'DK-3.3.5.2',
    'DK-3.3.5.1',
  ),
  'private-marking-kept': behaviour('An update cannot remove the Private marking', 'DK-3.3.5.2'),
  'stale-composition-date': behaviour(
    'Composition.date stays the date of the first shared version',
    // Not DK-3.3.1.10 or 3.3.2.5: a fast automated flow stays within the clock tolerance of the first share.
    'DK-3.3.4.3',
    'DK-3.3.5.3',
  ),
  'new-condition-identifier-each-share': behaviour(
    'Conditions get a new identifier (and id) in every version',
    'DK-CB-7',
  ),
  'recorded-date-is-share-time': behaviour(
    'Condition.recordedDate is set to the sharing time instead of the registration time',
    'DK-3.3.2.2-e',
  ),
  'no-replaces-relation': behaviour(
    'A new version does not replace the previous DocumentReference',
    'DK-XDS-9',
  ),
  'replaces-second-version': behaviour(
    'Every new version replaces the second version shared instead of the latest (found by mutation testing)',
    'DK-XDS-9',
  ),
  'share-deselected-diagnoses': behaviour('Diagnoses not on the Diagnosekort are shared', 'DK-3.3.3.3'),
  'share-private-diagnoses': behaviour('Diagnoses marked Private are shared', 'DK-3.3.3.3'),
  'share-deleted-diagnoses': behaviour('Deleted diagnoses are still shared', 'DK-3.3.6.2'),
  'drop-other-diagnoses-on-remove': behaviour(
    'After a delete, only one remaining diagnosis is shared; the others are dropped',
    'DK-3.3.6.2',
  ),
  'share-empty-card': behaviour(
    'With nothing to share, a document with an empty section is submitted instead of refusing',
    'DK-3.3.7.2',
  ),
  'ignore-encounter-diagnoses': behaviour('Kontaktdiagnoser are never shared', 'DK-3.3.2.2', 'DK-3.3.1.3'),
  'view-shows-resolved-as-current': behaviour(
    "The GP's Diagnosekort view shows resolved (relevant) diagnoses as current",
    'DK-3.3.4.1',
    'DK-3.3.1.2',
    'DK-3.3.2.1',
  ),
  'view-hides-private': behaviour('The Diagnosekort view leaves out diagnoses marked Private', 'DK-3.3.3.2'),
  'view-shows-not-on-card': behaviour(
    'The Diagnosekort view also lists diagnoses not on the card',
    'DK-3.3.3.1',
  ),
  'view-shows-deleted': behaviour(
    'The Diagnosekort view still lists deleted diagnoses',
    'DK-3.3.6.1',
    'DK-3.3.7.1',
  ),
  'view-drops-note': behaviour(
    'The Diagnosekort view shows no tillægstekst: the GP system does not keep the note it was given',
    'DK-3.3.1.2',
    'DK-3.3.2.1',
  ),
  'view-misses-incomplete': behaviour(
    'The Diagnosekort view leaves out diagnoses without an SKS-D code',
    'DK-3.4.2.1',
  ),
  // --- automation API ---
  'automation-invalid-json': automation(
    'The share action answers 200 with a body that is not JSON',
    'DK-MHD-1',
  ),
  'automation-wrong-content-type': automation('The share action answers 200 as text/html', 'DK-MHD-1'),
  'automation-huge-body': automation('The share action answers with a ~50 MB JSON body', 'DK-MHD-1'),
  'automation-hangs': automation('The share action never answers', 'DK-MHD-1'),
  ...LAB_FAULTS,
  ...INBOX_FAULTS,
  ...HOMECARE_FAULTS,
  ...ACKNOWLEDGEMENT_FAULTS,
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
