// One MedCom ConditionList Condition per shared diagnosis. The tillægstekst (note) is deliberately never copied.
import { randomUUID } from 'node:crypto';
import type { FaultName } from '../faults/catalogue.ts';
import { SKS_D, type Diagnosis } from '../state.ts';
import { narrative } from './narrative.ts';
import {
  CONDITION_CATEGORY,
  CONDITION_CLINICAL,
  DANISH,
  PROFILES,
  SNOMED,
  STATUS_CODES,
  URI,
} from './systems.ts';

export interface ConditionContext {
  patientReference: string;
  /** Assembly time of the document. */
  timestamp: string;
  faults: ReadonlySet<FaultName>;
}

export function buildCondition(diagnosis: Diagnosis, context: ConditionContext): fhir4.Condition {
  const { faults } = context;
  // Fault: identity is regenerated for each document instead of kept with the diagnosis.
  const fresh = faults.has('new-condition-identifier-each-share');
  const id = fresh ? randomUUID() : diagnosis.id;
  const identifier = fresh ? randomUUID() : diagnosis.identifier;
  // Fault: the registration time is forgotten and the sharing time used instead.
  const recordedDate = faults.has('recorded-date-is-share-time') ? context.timestamp : diagnosis.recordedDate;

  const codes = diagnosis.codes.map((c) => `${c.system === SKS_D ? 'SKS-D' : 'ICPC-2'} ${c.code}`).join(', ');
  const period = [
    diagnosis.onset ? `Debut: ${diagnosis.onset}` : undefined,
    diagnosis.abatement ? `Afsluttet: ${diagnosis.abatement}` : undefined,
    `Registreret: ${recordedDate}`,
  ].filter((line): line is string => line !== undefined);

  return {
    resourceType: 'Condition',
    id,
    meta: { profile: [PROFILES.condition] },
    text: narrative('Condition', id, diagnosis.text, [
      `Koder: ${codes}`,
      `${DANISH[diagnosis.type]}, status ${DANISH[diagnosis.status]}`,
      period.join('; '),
      `Patient: ${context.patientReference}`,
    ]),
    identifier: [{ system: URI, value: `urn:uuid:${identifier}` }],
    clinicalStatus: {
      coding: [{ system: CONDITION_CLINICAL, code: diagnosis.status === 'current' ? 'active' : 'resolved' }],
    },
    category: [
      { coding: [{ system: CONDITION_CATEGORY, code: diagnosis.type }] },
      { coding: [{ system: SNOMED, code: STATUS_CODES[diagnosis.status] }] },
    ],
    code: {
      coding: diagnosis.codes.map((c) => ({
        system: c.system,
        code: c.code,
        ...(c.display === undefined ? {} : { display: c.display }),
      })),
      text: diagnosis.text,
    },
    subject: { reference: context.patientReference },
    ...(diagnosis.onset === undefined ? {} : { onsetDateTime: diagnosis.onset }),
    ...(diagnosis.abatement === undefined ? {} : { abatementDateTime: diagnosis.abatement }),
    recordedDate,
  };
}
