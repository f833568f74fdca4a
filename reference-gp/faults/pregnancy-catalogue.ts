// Faults of the Vandrejournal/Målinger flow (protocols/vandrejournal-maalinger.yaml). Content faults change the
// format-neutral document before it is written (so they break CDA and FHIR alike) or its CDA/FHIR rendering or
// metadata with one mutation per format (faults/pregnancy-mutations.ts); behaviour faults are decisions in the
// share flow (reference-gp/pregnancy/share.ts).
import { faultsOf, type FaultInfo } from './fault-info.ts';

const { content, behaviour } = faultsOf('vandrejournal-maalinger');
/** Faults only the CDA variant can show (the SDS FHIR draft has no narrative). */
const { content: cdaContent } = faultsOf('vandrejournal-maalinger', 'cda');
/** Faults only the FHIR variant can show (references between resources). */
const { content: fhirContent } = faultsOf('vandrejournal-maalinger', 'fhir');

export const PREGNANCY_FAULTS = {
  // --- transport and format ---
  'gm-hash-mismatch': content('The attachment hash is not the SHA-1 of the sent document', 'GM-3.3.1.1'),
  'gm-document-on-the-reference': content(
    "The DocumentReference also carries the Binary's contentType and data, elements FHIR R4 does not have there (found by mutation testing)",
    'GM-3.3.1.1',
    'GM-3.3.2.1',
  ),
  'gm-share-without-submitting': behaviour(
    'The GP is told the documents were shared, but nothing is sent',
    'GM-3.3.1.1',
    'GM-3.3.2.1',
  ),
  'gm-not-a-document': content(
    'CDA: the root element is outside urn:hl7-org:v3; FHIR: Bundle.type is collection',
    'GM-3.3.1.2',
  ),
  'gm-cda-stray-text': cdaContent(
    'CDA: a line of text stands between the header elements, where the CDA R2 schema allows only elements (found by mutation testing)',
    'GM-3.3.1.2',
    'GM-3.3.2.1',
  ),
  'gm-cda-attribute-without-value': cdaContent(
    'CDA: an element carries a bare word as an attribute, with no quoted value: the document is not well-formed XML (found by mutation testing)',
    'GM-3.3.1.2',
    'GM-3.3.2.1',
  ),
  'gm-fullurl-without-uuid': fhirContent(
    'The Composition\'s fullUrl is "urn:uuid:" with no UUID (found by mutation testing)',
    'GM-3.3.1.2',
    'GM-3.3.2.1',
  ),
  'gm-empty-display': content(
    'Observation codes are sent with an empty display (CDA displayName="", FHIR display ""), which neither format allows (found by mutation testing)',
    'GM-3.3.1.2',
    'GM-3.3.2.1',
  ),
  // --- header ---
  'gm-confidentiality-restricted': content(
    'CDA: confidentialityCode R; FHIR: Composition.confidentiality R (the draft forbids the element)',
    'GM-3.3.1.3',
  ),
  'gm-wrong-title': content(
    'The document title is "Vandrejournal (kopi)" / "Målinger (kopi)"',
    'GM-3.3.1.4',
    'GM-3.3.2.1',
  ),
  'gm-master-identifier-random': content(
    "The metadata's masterIdentifier is a fresh UUID, not the document's id",
    'GM-3.3.1.5',
  ),
  'gm-time-utc': content('The document time is written with a +00:00 offset', 'GM-3.3.1.6'),
  'gm-cpr-wrong-system': content(
    'The CPR is written under the X-eCPR OID instead of 1.2.208.176.1.2',
    'GM-3.3.1.7',
  ),
  'gm-narrative-without-values': cdaContent(
    'CDA: the narrative table lists the elements and dates but leaves the value column empty (found by mutation testing)',
    'GM-3.3.1.17',
    'GM-3.3.2.7',
  ),
  'gm-narrative-heart-sound-reworded': cdaContent(
    'CDA: the narrative shows the fetal heart sound as "hørt" while the entry\'s original text says "Hjertelyd hørt" (found by mutation testing)',
    'GM-3.3.2.7',
  ),
  'gm-patient-name-of-other-woman': content(
    "The document names the patient with the other pregnant test person's given names (Ellen for Else): a stale name field (found by mutation testing)",
    'GM-3.3.1.7',
  ),
  'gm-author-with-ydernummer': content(
    'The author organisation carries its ydernummer besides the SOR id',
    'GM-3.3.1.8',
  ),
  'gm-episode-id-urn-prefixed': content(
    'An official pregnancy episode reference is sent with system urn:oid:1.2.208.176.7.4.1',
    'GM-3.3.1.9',
  ),
  // --- entries ---
  'gm-observation-preliminary': content(
    'Observations are sent unfinished (FHIR status preliminary, CDA statusCode active)',
    'GM-3.3.1.10',
    'GM-3.3.2.6',
  ),
  'gm-observation-with-performer': content(
    'Observations carry a performer, which the draft constrains away',
    'GM-3.3.1.10',
    'GM-3.3.2.6',
  ),
  'gm-codes-wrong-system': content(
    'Observation codes use the other system (FHIR http://snomed.info/sct, CDA the MedCom OID)',
    'GM-3.3.1.11',
  ),
  // --- PSCR content ---
  'gm-tobak-twice': content('The Vandrejournal carries the tobak entry twice', 'GM-3.3.1.12'),
  'gm-cycle-days-as-integer': content(
    'Cycle days are sent as an integer, the draft types them as string',
    'GM-3.3.1.13',
  ),
  'gm-naegele-ignores-cycle': content(
    "Naegele's due date is LMP + 280 days whatever the cycle length",
    'GM-3.3.1.14',
  ),
  'gm-smoking-inverted': content(
    '"Rygning før graviditet" is sent as the opposite of the answer',
    'GM-3.3.1.15',
  ),
  'gm-unanswered-alcohol-as-no': content(
    'The Vandrejournal fills the alcohol questions the woman was never asked with "nej" (found by mutation testing)',
    'GM-3.3.4.3',
  ),
  'gm-assessment-truncated': content('The samlet vurdering text is cut to 20 characters', 'GM-3.3.1.16'),
  // --- PMR content ---
  'gm-pmr-not-sent': behaviour('Målinger are never submitted (only the Vandrejournal is)', 'GM-3.3.2.1'),
  'gm-weight-in-grams': content('The weight is sent in grams', 'GM-3.3.2.2'),
  'gm-measurement-without-value': content(
    'The Målinger carry an extra weight entry without a value (found by mutation testing)',
    'GM-3.3.2.2',
  ),
  'gm-interval-without-high': content(
    'The blood pressure interval is sent without its high end',
    'GM-3.3.2.3',
  ),
  'gm-fetus-not-child': content('The fetus relationship is NCHILD instead of CHILD', 'GM-3.3.2.4'),
  'gm-fetus-relationship-without-system': content(
    'The fetus relationship CHILD is sent without its code system, v3 RoleCode (found by mutation testing)',
    'GM-3.3.2.4',
  ),
  'gm-fetus-focus-is-mother': fhirContent(
    "FHIR: a fetus measurement's focus references the mother's Patient, not the fetus RelatedPerson (found by mutation testing)",
    'GM-3.3.2.4',
  ),
  'gm-fetus-without-mother': fhirContent(
    'FHIR: the fetus RelatedPerson has no patient reference to the mother (found by mutation testing)',
    'GM-3.3.2.4',
  ),
  'gm-observation-without-subject': fhirContent(
    'FHIR: the Observations have no subject (found by mutation testing)',
    'GM-3.3.1.10',
    'GM-3.3.2.6',
  ),
  'gm-ul-due-date-as-text': content('The ultrasound due date is sent as a string', 'GM-3.3.2.5'),
  // --- versions ---
  'gm-no-replaces': content('A new version does not replace the previous one in the metadata', 'GM-3.3.3.1'),
  'gm-reuse-document-id': behaviour(
    'A new version reuses the previous document id (overwriting it)',
    'GM-3.3.3.1',
  ),
  'gm-pmr-only-latest-visit': behaviour(
    'A new Målinger version holds only the latest visit, losing earlier measurements',
    'GM-3.3.3.2',
  ),
  // --- two pregnancies ---
  'gm-new-pregnancy-continues-old-document': behaviour(
    "A new pregnancy's documents are filed as new versions of the previous pregnancy's documents",
    'GM-3.3.4.1',
  ),
  'gm-keeps-first-due-date': behaviour(
    "The new pregnancy's Vandrejournal keeps the first pregnancy's terminsberegning",
    'GM-3.3.4.2',
  ),
  // --- metadata ---
  'gm-format-code-plr': content(
    'formatCode is the Diagnosekort one (urn:ad:dk:medcom:plr-v1.0:full)',
    'GM-3.4.1',
  ),
  'gm-type-code-loinc': content('typeCode is LOINC 11488-4 instead of PSCR/PMR', 'GM-3.4.2'),
  'gm-content-type-generic': content('The attachment MIME type is application/octet-stream', 'GM-3.4.3'),
  'gm-hospital-practice-setting': content(
    'The metadata describes a hospital: facilityType 22232009 (hospital) and no practiceSetting (found by mutation testing)',
    'GM-3.4.4',
  ),
  'gm-metadata-empty-display': content(
    'The metadata codings carry empty displays (FHIR R4 has no empty strings; found by mutation testing)',
    'GM-3.4.4',
  ),
  'gm-metadata-superseded': content(
    'The metadata of a new document is sent with status superseded (found by mutation testing)',
    'GM-3.4.4',
  ),
  'gm-metadata-author-hospital': content(
    "The metadata's author is a contained Organization with another SOR id than the document's author (found by mutation testing)",
    'GM-3.4.4',
  ),
  'gm-metadata-language-english': content(
    'The attachment language in the metadata is en (found by mutation testing)',
    'GM-3.4.4',
  ),
} as const satisfies Record<string, FaultInfo>;

export type PregnancyFault = keyof typeof PREGNANCY_FAULTS;
