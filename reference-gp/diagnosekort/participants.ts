// Patient, author Organization and GP Practitioner, as document entries (with a narrative generated from their
// content) and as contained metadata resources.
import type { Clinic, TestPatient } from '../test-data.ts';
import { withNarrative } from './narrative.ts';
import { CPR, PROFILES, SOR, YDERNUMMER } from './systems.ts';

export function cprIdentifier(cpr: string): fhir4.Identifier {
  return { use: 'official', system: CPR, value: cpr };
}

function patientCore(patient: TestPatient) {
  return {
    identifier: [cprIdentifier(patient.cpr)],
    name: [{ use: 'official' as const, family: patient.family, given: [...patient.given] }],
    gender: patient.gender,
    birthDate: patient.birthDate,
  };
}

export function patientEntry(patient: TestPatient, id: string): fhir4.Patient & { id: string } {
  return withNarrative<fhir4.Patient & { id: string }>({
    resourceType: 'Patient',
    id,
    meta: { profile: [PROFILES.patient] },
    ...patientCore(patient),
  });
}

function organizationCore(clinic: Clinic) {
  return {
    identifier: [
      { system: SOR, value: clinic.sor },
      { system: YDERNUMMER, value: clinic.ydernummer },
    ],
    name: clinic.name,
  };
}

/** The author: the clinic the patient belongs to when the Diagnosekort is shared. */
export function organizationEntry(id: string, clinic: Clinic): fhir4.Organization & { id: string } {
  return withNarrative<fhir4.Organization & { id: string }>({
    resourceType: 'Organization',
    id,
    meta: { profile: [PROFILES.organization] },
    ...organizationCore(clinic),
  });
}

function practitionerCore(clinic: Clinic) {
  const { family, given } = clinic.practitioner;
  return { name: [{ use: 'official' as const, family, given: [...given] }] };
}

export function practitionerEntry(id: string, clinic: Clinic): fhir4.Practitioner & { id: string } {
  return withNarrative<fhir4.Practitioner & { id: string }>({
    resourceType: 'Practitioner',
    id,
    meta: { profile: [PROFILES.practitioner] },
    ...practitionerCore(clinic),
  });
}

/** Contained resources of the DocumentReference carry no narrative (the container's narrative covers them). */
export function containedPatient(patient: TestPatient, id: string): fhir4.Patient {
  return { resourceType: 'Patient', id, ...patientCore(patient) };
}

export function containedOrganization(id: string, clinic: Clinic): fhir4.Organization {
  return { resourceType: 'Organization', id, ...organizationCore(clinic) };
}

export function containedPractitioner(id: string, clinic: Clinic): fhir4.Practitioner {
  return { resourceType: 'Practitioner', id, ...practitionerCore(clinic) };
}
