// FHIR binding, writing: a GMv2 document Bundle after the SDS draft (GMPRF/PSCR/PMRDocumentBundle): Composition
// first (no id, no identifier, no narrative), the Patient, the author Organization with only its SOR id, fetus
// RelatedPersons and one Observation per entry. Entries carry fullUrl urn:uuid:<id>, which all references use.
import { randomUUID } from 'node:crypto';
import { cprIdentifier } from '../diagnosekort/participants.ts';
import { GMV2, OBSERVATION_CODE_SYSTEM, OID, urnOid } from './codes.ts';
import type { GmQuantity, GmValue } from './model.ts';
import type { GmDocumentSpec, GmEntrySpec } from './spec.ts';

const ref = (id: string): string => `urn:uuid:${id}`;
const CODE_SYSTEM = OBSERVATION_CODE_SYSTEM.fhir;
const EXTENSION = GMV2.extensions;

function quantity(q: GmQuantity): fhir4.Quantity {
  return { value: q.value, unit: q.unit, ...(q.unitCode ? { system: CODE_SYSTEM, code: q.unitCode } : {}) };
}

/** value[x] of an Observation or component. Intervals are an extension, not a value (GMIntervalObservation). */
function valueElement(value: GmValue | undefined): Partial<fhir4.Observation> {
  if (!value) return {};
  switch (value.type) {
    case 'quantity':
      return { valueQuantity: quantity(value.quantity) };
    case 'dateTime':
      return { valueDateTime: value.value };
    case 'boolean':
      return { valueBoolean: value.value };
    case 'integer':
      return { valueInteger: value.value };
    case 'string':
      return { valueString: value.value };
    case 'coded':
      return {
        valueCodeableConcept: { text: value.text },
      };
    case 'interval':
      return {
        extension: [
          {
            url: EXTENSION.quantityInterval,
            extension: [
              // Stryker disable next-line ConditionalExpression: every interval the GP writes has both ends (a fault drops one)
              ...(value.low ? [{ url: 'low', valueQuantity: quantity(value.low) }] : []),
              // Stryker disable next-line ConditionalExpression: every interval the GP writes has both ends (a fault drops one)
              ...(value.high ? [{ url: 'high', valueQuantity: quantity(value.high) }] : []),
            ],
          },
        ],
      };
  }
}

function observation(
  entry: GmEntrySpec,
  patientId: string,
  fetusIds: Map<string, string>,
): fhir4.Observation {
  const fetusId = entry.fetus && fetusIds.get(entry.fetus);
  return {
    resourceType: 'Observation',
    id: randomUUID(),
    status: 'final',
    code: { coding: [{ system: CODE_SYSTEM, code: entry.code, display: entry.display }] },
    subject: { reference: ref(patientId) },
    ...(fetusId ? { focus: [{ reference: ref(fetusId) }] } : {}),
    effectiveDateTime: entry.effective,
    ...(valueElement(entry.value) as object),
    ...(entry.components?.length
      ? {
          component: entry.components.map((c) => ({
            code: { coding: [{ system: CODE_SYSTEM, code: c.code, display: c.display }] },
            ...(valueElement(c.value) as object),
          })),
        }
      : {}),
  };
}

export function buildFhirDocument(spec: GmDocumentSpec): fhir4.Bundle<fhir4.FhirResource> {
  const patientId = randomUUID();
  const organizationId = randomUUID();
  const fetusIds = new Map<string, string>();
  for (const e of spec.entries)
    if (e.fetus !== undefined && !fetusIds.has(e.fetus)) fetusIds.set(e.fetus, randomUUID());
  const observations = spec.entries.map((e) => observation(e, patientId, fetusIds));
  const type = GMV2.documentTypes[spec.kind];
  const composition: fhir4.Composition = {
    resourceType: 'Composition',
    // Stryker disable all: the GP system has no official pregnancy id (only a fault sets one): fault-only code
    ...(spec.pregnancyId
      ? {
          extension: [
            {
              url: EXTENSION.pregnancyEpisode,
              valueIdentifier: { system: spec.pregnancyId.system, value: spec.pregnancyId.value },
            },
          ],
        }
      : {}),
    // Stryker restore all
    status: 'final',
    type: { coding: [{ system: urnOid(OID.medcom), code: spec.kind }] },
    subject: { reference: ref(patientId) },
    date: spec.time,
    author: [{ reference: ref(organizationId) }],
    title: type.title,
    section: [{ entry: observations.map((o) => ({ reference: ref(o.id ?? '') })) }],
  };
  const patient: fhir4.Patient = {
    resourceType: 'Patient',
    id: patientId,
    identifier: [cprIdentifier(spec.patient.cpr)],
    name: [{ use: 'official', family: spec.patient.family, given: [...spec.patient.given] }],
    gender: spec.patient.gender,
    birthDate: spec.patient.birthDate,
  };
  const organization: fhir4.Organization = {
    resourceType: 'Organization',
    id: organizationId,
    identifier: [{ system: urnOid(OID.sor), value: spec.author.sor }],
    name: spec.author.name,
  };
  const fetuses: fhir4.RelatedPerson[] = [...fetusIds].map(([number, id]) => ({
    resourceType: 'RelatedPerson',
    id,
    // The draft writes the fetus system bare, without urn:oid: (GMFetusRelatedPerson).
    identifier: [{ system: OID.fetus, value: number }],
    patient: { reference: ref(patientId) },
    relationship: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'CHILD' }] },
    ],
  }));
  const resources: fhir4.FhirResource[] = [composition, patient, organization, ...fetuses, ...observations];
  return {
    resourceType: 'Bundle',
    // FHIR R4 requires identifier and timestamp of a document (bdl-9, bdl-10); the draft forbids both (manifest).
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${spec.documentId}` },
    type: 'document',
    timestamp: spec.time,
    entry: resources.map((resource, i) => ({
      fullUrl: i === 0 ? `urn:uuid:${randomUUID()}` : ref(resource.id ?? ''),
      resource,
    })),
  };
}
