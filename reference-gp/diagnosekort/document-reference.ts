// The XDS sharing metadata of the Diagnosekort as a MedCom DocumentReference (patient and author contained).
import { randomUUID } from 'node:crypto';
import type { FaultName } from '../faults/catalogue.ts';
import type { PatientRecord, SharedDocument } from '../state.ts';
import { CLINICS } from '../test-data.ts';
import { withNarrative } from './narrative.ts';
import { containedOrganization, containedPatient, containedPractitioner } from './participants.ts';
import {
  CLASS_CODE,
  CONFIDENTIALITY,
  FORMAT_CODE,
  HOME_COMMUNITY,
  LOINC_OID,
  PROBLEM_LIST_LOINC,
  PROFILES,
  SNOMED_OID,
  URI,
} from './systems.ts';

export interface MetadataInput {
  record: PatientRecord;
  documentIdentifier: string;
  /** `urn:uuid:<uuid>`, the entryUUID of this DocumentReference. */
  documentReferenceIdentifier: string;
  /** fullUrl of the transaction entry that carries the document bytes. */
  attachmentUrl: string;
  title: string;
  timestamp: string;
  previous: SharedDocument | undefined;
  faults: ReadonlySet<FaultName>;
}

export function buildDocumentReference(input: MetadataInput): fhir4.DocumentReference {
  const id = randomUUID();
  // The author is the clinic the patient belongs to now, as in the document.
  const clinic = CLINICS[input.record.clinic];
  // Fault: a new version is registered as an unrelated document instead of replacing the previous one.
  const replaces =
    input.previous && !input.faults.has('no-replaces-relation')
      ? [
          {
            code: 'replaces' as const,
            target: { identifier: { system: URI, value: input.previous.documentReferenceIdentifier } },
          },
        ]
      : [];
  // The narrative is generated from the DocumentReference's own elements, its contained resources included.
  return withNarrative<fhir4.DocumentReference & { id: string }>({
    resourceType: 'DocumentReference',
    id,
    meta: { profile: [PROFILES.documentReference] },
    contained: [
      containedPatient(input.record.patient, 'patient'),
      containedOrganization('organization', clinic),
      containedPractitioner('practitioner', clinic),
    ],
    extension: [
      {
        url: PROFILES.homeCommunityExtension,
        valueCoding: { system: HOME_COMMUNITY, code: '1.2.208.176.8.1' },
      },
      { url: PROFILES.versionIdExtension, valueString: '1.0.0' },
    ],
    masterIdentifier: { system: URI, value: input.documentIdentifier },
    identifier: [{ system: URI, value: input.documentReferenceIdentifier }],
    status: 'current',
    type: { coding: [{ system: LOINC_OID, ...PROBLEM_LIST_LOINC }] },
    category: [{ coding: [{ system: CLASS_CODE, code: '001', display: 'Klinisk rapport' }] }],
    subject: { reference: '#patient' },
    date: input.timestamp,
    author: [{ reference: '#organization' }, { reference: '#practitioner' }],
    ...(replaces.length > 0 ? { relatesTo: replaces } : {}),
    securityLabel: [{ coding: [{ system: CONFIDENTIALITY, code: 'N', display: 'normal' }] }],
    content: [
      {
        attachment: {
          contentType: 'application/fhir+json',
          language: 'da',
          url: input.attachmentUrl,
          title: input.title,
          creation: input.timestamp,
        },
        format: { system: FORMAT_CODE, code: 'urn:ad:dk:medcom:plr-v1.0:full', display: 'DK PLR schema' },
      },
    ],
    context: {
      facilityType: { coding: [{ system: SNOMED_OID, code: '394761003', display: 'almen lægepraksis' }] },
      practiceSetting: { coding: [{ system: SNOMED_OID, code: '408443003', display: 'almen medicin' }] },
      sourcePatientInfo: { reference: '#patient' },
    },
  });
}
