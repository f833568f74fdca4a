// One MedCom ConditionList Condition per shared diagnosis, its codes and displays exactly as registered (MedCom's
// missing-content example: a coding may lack its code or display). The tillægstekst (note) is never copied.
import { randomUUID } from 'node:crypto';
import type { FaultName } from '../faults/catalogue.ts';
import { diagnosisText, type Diagnosis } from '../state.ts';
import { withNarrative } from './narrative.ts';
import { CONDITION_CATEGORY, CONDITION_CLINICAL, PROFILES, SNOMED, STATUS_CODES, URI } from './systems.ts';

export interface ConditionContext {
  patientReference: string;
  /** Assembly time of the document. */
  timestamp: string;
  faults: ReadonlySet<FaultName>;
}

/**
 * Condition.code: one coding per code entry, text derived from their displays; absent altogether without code
 * entries (then there is no text either). What is undefined here (a coding without code or display, no text) is
 * left out by the JSON serialisation.
 */
function codeOf(diagnosis: Diagnosis): fhir4.CodeableConcept | undefined {
  if (diagnosis.codes.length === 0) return undefined;
  const coding = diagnosis.codes.map(({ system, code, display }) => ({ system, code, display }));
  return { coding, text: diagnosisText(diagnosis.codes) };
}

export function buildCondition(
  diagnosis: Diagnosis,
  context: ConditionContext,
): fhir4.Condition & { id: string } {
  const { faults } = context;
  // Fault: identity is regenerated for each document instead of kept with the diagnosis.
  const fresh = faults.has('new-condition-identifier-each-share');
  const id = fresh ? randomUUID() : diagnosis.id;
  const identifier = fresh ? randomUUID() : diagnosis.identifier;
  // Fault: the registration time is forgotten and the sharing time used instead.
  const recordedDate = faults.has('recorded-date-is-share-time') ? context.timestamp : diagnosis.recordedDate;
  const code = codeOf(diagnosis);
  // A Relevant diagnosis is resolved. An abated one is always Relevant (the GP refuses an abatement date on an Aktuel
  // diagnosis, record-actions.ts), so FHIR con-4 (abatement -> resolved/remission/inactive) holds.
  const clinical = diagnosis.status === 'resolved' ? 'resolved' : 'active';

  // The narrative is generated from the Condition's own elements: its diagnosis, codes, statuses, dates, patient.
  return withNarrative<fhir4.Condition & { id: string }>({
    resourceType: 'Condition',
    id,
    meta: { profile: [PROFILES.condition] },
    identifier: [{ system: URI, value: `urn:uuid:${identifier}` }],
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: clinical }] },
    category: [
      ...(diagnosis.type === undefined
        ? []
        : [{ coding: [{ system: CONDITION_CATEGORY, code: diagnosis.type }] }]),
      { coding: [{ system: SNOMED, code: STATUS_CODES[diagnosis.status] }] },
    ],
    // Undefined elements (no code, onset or abatement) are left out by the JSON serialisation.
    code,
    subject: { reference: context.patientReference },
    onsetDateTime: diagnosis.onset,
    abatementDateTime: diagnosis.abatement,
    recordedDate,
  });
}
