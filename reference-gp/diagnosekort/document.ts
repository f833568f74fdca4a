// Assembles the MedCom ConditionList document Bundle: Composition first, then Patient, Organization,
// Practitioner and one Condition per shared diagnosis. Every entry has fullUrl urn:uuid:<id> and every
// reference uses that form, so all references resolve inside the Bundle.
import { randomUUID } from 'node:crypto';
import type { FaultName } from '../faults/catalogue.ts';
import type { Diagnosis, GpState, PatientRecord } from '../state.ts';
import { CLINICS } from '../test-data.ts';
import { buildCondition } from './condition.ts';
import { withNarrative } from './narrative.ts';
import { organizationEntry, patientEntry, practitionerEntry } from './participants.ts';
import { LOINC, PROBLEM_LIST_LOINC, PROFILES, URI } from './systems.ts';

export interface DocumentInput {
  state: GpState;
  record: PatientRecord;
  /** The diagnoses to share, in the order they appear. */
  diagnoses: Diagnosis[];
  bundleId: string;
  /** Bundle.identifier value, `urn:uuid:<uuid>`. */
  documentIdentifier: string;
  /** When the GP last changed the Diagnosekort. */
  compositionDate: string;
  /** When this document is assembled. */
  timestamp: string;
  faults: ReadonlySet<FaultName>;
}

export interface SharedCondition {
  resource: fhir4.Condition & { id: string };
  diagnosis: Diagnosis;
}

export interface BuiltDocument {
  bundle: fhir4.Bundle<fhir4.FhirResource>;
  conditions: SharedCondition[];
}

export const ref = (id: string): string => `urn:uuid:${id}`;

/** Composition.title, also the title of the sharing metadata. */
export const documentTitle = (cpr: string): string => `Diagnoseoversigt for ${cpr}`;

export function buildDocument(input: DocumentInput): BuiltDocument {
  const { record, state } = input;
  // The author is the clinic the patient belongs to now.
  const clinic = CLINICS[record.clinic];
  const organizationId = state.organizationIds[record.clinic];
  const practitionerId = state.practitionerIds[record.clinic];
  const patientRef = ref(record.resourceId);
  const conditions = input.diagnoses.map((diagnosis) => ({
    diagnosis,
    resource: buildCondition(diagnosis, {
      patientReference: patientRef,
      timestamp: input.timestamp,
      faults: input.faults,
    }),
  }));
  const compositionId = randomUUID();
  const title = documentTitle(record.patient.cpr);
  // The narrative: the Composition's own elements, and the author institution's name (a reader's "from whom").
  const composition: fhir4.Composition & { id: string } = withNarrative<fhir4.Composition & { id: string }>(
    {
      resourceType: 'Composition',
      id: compositionId,
      meta: { profile: [PROFILES.composition] },
      language: 'da',
      status: 'final',
      type: { coding: [{ system: LOINC, ...PROBLEM_LIST_LOINC }] },
      subject: { reference: patientRef },
      date: input.compositionDate,
      author: [{ reference: ref(organizationId) }, { reference: ref(practitionerId) }],
      title,
      confidentiality: 'N',
      attester: [{ mode: 'official', party: { reference: ref(practitionerId) } }],
      section: [
        {
          title: 'Diagnoser',
          // Never empty: an honest GP refuses to share an empty card (only the share-empty-card fault gets here
          // with none, and then sends `entry: []`).
          entry: conditions.map(({ resource }) => ({ reference: ref(resource.id) })),
        },
      ],
    },
    clinic.name,
  );
  const resources: (fhir4.FhirResource & { id: string })[] = [
    composition,
    patientEntry(record.patient, record.resourceId),
    organizationEntry(organizationId, clinic),
    practitionerEntry(practitionerId, clinic),
    ...conditions.map((c) => c.resource),
  ];
  const bundle: fhir4.Bundle<fhir4.FhirResource> = {
    resourceType: 'Bundle',
    id: input.bundleId,
    meta: { profile: [PROFILES.bundle] },
    identifier: { system: URI, value: input.documentIdentifier },
    type: 'document',
    timestamp: input.timestamp,
    entry: resources.map((resource) => ({ fullUrl: ref(resource.id), resource })),
  };
  return { bundle, conditions };
}
