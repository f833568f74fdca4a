// Builds the FHIR message Bundle for one lab result: MessageHeader, DiagnosticReport, Observations, Patient, the
// clinic and the Provenance of this message (MedCom messaging pattern: target the MessageHeader, entity → the
// previous message for a correction, consent update or cancellation).
import { randomUUID } from 'node:crypto';
import { PRACTICE } from '../test-data.ts';
import type { LabPerson } from './persons.ts';
import type { Database, LabAnalysis, LabResult } from './records.ts';
import * as S from './systems.ts';

export type Activity = 'new-message' | 'modified-message' | 'retract-message';

export interface MessageSpec {
  result: LabResult;
  person: LabPerson;
  database: Database;
  destination: string;
  messageId: string;
  activity: Activity;
  previous?: { role: 'revision' | 'removal'; messageId: string };
  sender: 'gp-system' | 'plsp';
  timestamp: string;
}

const ref = (id: string) => ({ reference: `urn:uuid:${id}` });
const entry = (resource: fhir4.FhirResource & { id?: string }) => ({
  fullUrl: `urn:uuid:${resource.id}`,
  resource,
});

export function buildMessage(spec: MessageSpec): fhir4.Bundle {
  const { result, person } = spec;
  const ids = { org: randomUUID(), patient: randomUUID(), report: randomUUID(), provenance: randomUUID() };
  const restricted = result.refusedConsent
    ? { meta: { security: [{ system: S.CONFIDENTIALITY, code: 'R', display: 'restricted' }] } }
    : {};
  const observations = result.analyses.map((a) => observation(a, result, ids, restricted));
  const header: fhir4.MessageHeader = {
    resourceType: 'MessageHeader',
    id: spec.messageId,
    eventCoding: { ...S.EVENT },
    destination: [{ name: S.DATABASE_NAME[spec.database], endpoint: spec.destination }],
    sender: ref(ids.org),
    source: {
      name: spec.sender === 'plsp' ? S.PLSP_NAME : S.SYSTEM_NAME,
      software: spec.sender === 'plsp' ? S.PLSP_NAME : S.SYSTEM_NAME,
      endpoint: `https://sor2.sum.dsdn.dk/#id=${PRACTICE.sor}`,
    },
    focus: [ref(ids.report)],
  };
  const report: fhir4.DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id: ids.report,
    ...restricted,
    identifier: [{ system: S.URI, value: result.identifier }],
    status: result.status,
    category: [{ coding: [{ system: S.DIAGNOSTIC_SERVICE, code: S.CATEGORY[result.discipline] }] }],
    code: { coding: [{ ...S.REPORT_CODE[result.discipline] }] },
    subject: ref(ids.patient),
    effectiveDateTime: result.samplingTime,
    issued: result.registeredAt,
    performer: [ref(ids.org)],
    result: observations.map((o) => ref(o.id)),
    // Left out of the JSON when there is none.
    conclusion: result.cancelReason,
  };
  const provenance: fhir4.Provenance = {
    resourceType: 'Provenance',
    id: ids.provenance,
    target: [ref(spec.messageId)],
    occurredDateTime: spec.timestamp,
    recorded: spec.timestamp,
    activity: { coding: [{ system: S.ACTIVITY, code: spec.activity }] },
    agent: [{ who: ref(ids.org) }],
    ...(spec.previous
      ? {
          entity: [
            {
              role: spec.previous.role,
              what: { identifier: { value: `urn:uuid:${spec.previous.messageId}` } },
            },
          ],
        }
      : {}),
  };
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'message',
    timestamp: spec.timestamp,
    entry: [
      entry(header),
      entry(report),
      ...observations.map(entry),
      entry(patient(person, ids.patient)),
      entry(clinic(ids.org)),
      entry(provenance),
    ],
  };
}

function observation(
  analysis: LabAnalysis,
  result: LabResult,
  ids: { org: string; patient: string },
  restricted: object,
): fhir4.Observation & { id: string } {
  const coding =
    analysis.npu === undefined ? { code: analysis.display } : { system: S.NPU, code: analysis.npu };
  return {
    resourceType: 'Observation',
    id: randomUUID(),
    ...restricted,
    identifier: [{ system: S.URI, value: analysis.identifier }],
    status: result.status,
    category: [{ coding: [{ system: S.OBSERVATION_CATEGORY, code: 'laboratory' }] }],
    code: { coding: [{ ...coding, display: analysis.display }] },
    subject: ref(ids.patient),
    effectiveDateTime: result.samplingTime,
    performer: [ref(ids.org)],
    ...value(analysis),
  };
}

function value(a: LabAnalysis): Partial<fhir4.Observation> {
  if (a.quantity) {
    const { value: v, comparator, unit, ucum } = a.quantity;
    return {
      valueQuantity: {
        value: v,
        comparator, // left out of the JSON when there is none
        ...(unit !== undefined ? { unit, system: S.UCUM, code: ucum ?? unit } : {}),
      },
    };
  }
  if (a.organism) return { valueCodeableConcept: { coding: [{ ...a.organism }] } };
  // Neither a quantity nor an organism: a registered analysis then has a grade.
  return { valueString: a.grade };
}

function patient(person: LabPerson, id: string): fhir4.Patient {
  return {
    resourceType: 'Patient',
    id,
    // A person's id is the CPR (or, never shared, the replacement CPR).
    identifier: [{ system: S.CPR, value: person.id }],
    name: [{ family: person.family, given: [...person.given] }],
    // Left out of the JSON where the system does not know them.
    gender: person.gender,
    birthDate: person.birthDate,
  };
}

function clinic(id: string): fhir4.Organization {
  return {
    resourceType: 'Organization',
    id,
    identifier: [
      { system: S.SOR, value: PRACTICE.sor },
      { system: S.YDERNUMMER, value: PRACTICE.ydernummer },
    ],
    type: [{ coding: [{ ...S.GENERAL_PRACTICE }] }],
    name: PRACTICE.name,
  };
}
