import {
  describeResource,
  referenceOf,
  resolveInBundle,
  resourcesOf,
  type Resource,
} from '../../fhir/bundle.ts';
import { calendarDateOf, instantOf } from '../../fhir/datetime.ts';
import { CPR_PATTERN, SOR_PATTERN, SYSTEM } from '../../fhir/identifiers.ts';
import { narrativeReadableText, readable } from '../../fhir/narrative.ts';

/** Rules on the ConditionList Composition, Patient and author. Each returns problems; none means pass. */

function composition(bundle: Resource): Resource | undefined {
  return resourcesOf(bundle, 'Composition')[0];
}

/**
 * Composition.date is "the last date and time a diagnosis was created, updated or deleted on the diagnosis card"
 * (send protocol 3.3.1.10). Two readings are accepted: the time the last change was made in the SUT (not before
 * that change, not after the sharing), or the latest registration or abatement time of the shared diagnoses as the
 * test data gives them, to the calendar day (what MedCom's own PLSP examples of this flow carry).
 */
export function compositionDateCorrect(
  bundle: Resource,
  expected: { lastChange: Date; sharedBy: Date; toleranceMs: number; latestClinicalTime?: string },
): string[] {
  const date = composition(bundle)?.date;
  const instant = instantOf(date);
  if (!instant) return [`Composition.date ${JSON.stringify(date)} is missing or not a dateTime`];
  const inWindow =
    instant.getTime() >= expected.lastChange.getTime() - expected.toleranceMs &&
    instant.getTime() <= expected.sharedBy.getTime() + expected.toleranceMs;
  const clinical =
    expected.latestClinicalTime !== undefined &&
    calendarDateOf(date) === calendarDateOf(expected.latestClinicalTime);
  return inWindow || clinical
    ? []
    : [
        `Composition.date ${String(date)} is neither the time of the last change (${expected.lastChange.toISOString()} – ${expected.sharedBy.toISOString()}) nor the latest registration or abatement time of the shared diagnoses (${expected.latestClinicalTime ?? 'none'})`,
      ];
}

/** The section lists every Condition of the document exactly once, and nothing else. */
export function sectionListsExactlyTheConditions(bundle: Resource): string[] {
  const sections = (composition(bundle)?.section as { entry?: { reference?: string }[] }[] | undefined) ?? [];
  const references = sections.flatMap((s) => s.entry ?? []).map((e) => referenceOf(e));
  const problems: string[] = [];
  const listed = new Map<Resource, number>();
  for (const ref of references) {
    const target = resolveInBundle(bundle, ref);
    if (!target) problems.push(`section entry ${String(ref)} does not resolve in the Bundle`);
    else if (target.resourceType !== 'Condition')
      problems.push(`section entry ${String(ref)} is a ${target.resourceType}, only Conditions are allowed`);
    else listed.set(target, (listed.get(target) ?? 0) + 1);
  }
  for (const [condition, count] of listed)
    if (count > 1) problems.push(`${describeResource(bundle, condition)} is listed ${count} times`);
  for (const condition of resourcesOf(bundle, 'Condition')) {
    if (!listed.has(condition))
      problems.push(`${describeResource(bundle, condition)} is in the Bundle but not in the section`);
  }
  if (references.length === 0) problems.push('the section has no entries');
  return problems;
}

export function authorOrganizationWithSor(bundle: Resource): string[] {
  const authors = (composition(bundle)?.author as unknown[] | undefined) ?? [];
  const organizations = authors
    .map((a) => resolveInBundle(bundle, referenceOf(a)))
    .filter((r) => r?.resourceType === 'Organization');
  if (organizations.length !== 1)
    return [
      `Composition.author has ${organizations.length} Organizations in the Bundle, expected exactly one (the practice)`,
    ];
  const identifiers =
    (organizations[0]?.identifier as { system?: string; value?: string }[] | undefined) ?? [];
  const sor = identifiers.filter((i) => i.system === SYSTEM.sor);
  if (sor.length !== 1)
    return [`the author Organization has ${sor.length} SOR identifiers (${SYSTEM.sor}), expected one`];
  return SOR_PATTERN.test(sor[0]?.value ?? '')
    ? []
    : [`the SOR id ${JSON.stringify(sor[0]?.value)} is not at least 11 digits`];
}

function patientOf(bundle: Resource): Resource | undefined {
  return resolveInBundle(bundle, referenceOf(composition(bundle)?.subject));
}

export function patientHasCpr(bundle: Resource, expectedCpr: string): string[] {
  const patient = patientOf(bundle);
  if (!patient) return ['Composition.subject does not resolve to a Patient in the Bundle'];
  const cprs = ((patient.identifier as { system?: string; value?: string }[] | undefined) ?? []).filter(
    (i) => i.system === SYSTEM.cpr,
  );
  if (cprs.length !== 1)
    return [`the Patient has ${cprs.length} identifiers with system ${SYSTEM.cpr}, expected one CPR`];
  const value = cprs[0]?.value ?? '';
  if (!CPR_PATTERN.test(value))
    return [`the CPR ${JSON.stringify(value)} is not a valid CPR number (DDMMYY + 4 digits)`];
  return value === expectedCpr ? [] : [`the CPR is ${value}, expected the test patient ${expectedCpr}`];
}

/** No replacement CPR: the Patient carries its CPR and no other identifier (MedComDocumentPatient identifier 0..1). */
export function patientHasOnlyCpr(bundle: Resource): string[] {
  const patient = patientOf(bundle);
  if (!patient) return ['Composition.subject does not resolve to a Patient in the Bundle'];
  const identifiers = (patient.identifier as { system?: string; value?: string }[] | undefined) ?? [];
  const others = identifiers.filter((i) => i.system !== SYSTEM.cpr);
  return others.map(
    (i) =>
      `the Patient also carries ${i.system ?? '(no system)'}|${i.value ?? ''}: replacement CPR or other identifiers are not allowed`,
  );
}

/** Composition.subject resolves to the document's one Patient (send protocol 3.4.3.13). */
export function compositionSubjectIsThePatient(bundle: Resource): string[] {
  const patients = resourcesOf(bundle, 'Patient');
  if (patients.length !== 1) return [`the Bundle has ${patients.length} Patients, expected one`];
  const reference = referenceOf(composition(bundle)?.subject);
  return resolveInBundle(bundle, reference) === patients[0]
    ? []
    : [`Composition.subject ${JSON.stringify(reference)} does not resolve to the Bundle's Patient`];
}

/** Every Condition.subject resolves to the document's Patient (FHIR R4 document rules: references resolve inside). */
export function conditionSubjectsResolve(bundle: Resource): string[] {
  const patients = resourcesOf(bundle, 'Patient');
  if (patients.length !== 1) return [`the Bundle has ${patients.length} Patients, expected one`];
  return resourcesOf(bundle, 'Condition')
    .filter((c) => resolveInBundle(bundle, referenceOf(c.subject)) !== patients[0])
    .map(
      (c) =>
        `${describeResource(bundle, c)}.subject ${JSON.stringify(referenceOf(c.subject))} does not resolve to the Bundle's Patient`,
    );
}

const GENDERS = new Set(['male', 'female', 'other', 'unknown']);

/**
 * The Patient's name, gender and birth date are included (send protocol 3.4.3.17). Not compared with the CPR
 * number's date part: MedCom's own receive examples R1(4) and R1(5) differ there.
 */
export function patientDemographics(bundle: Resource): string[] {
  const patient = patientOf(bundle);
  if (!patient) return ['Composition.subject does not resolve to a Patient in the Bundle'];
  const problems: string[] = [];
  const name = (Array.isArray(patient.name) ? patient.name : [])[0] as
    { family?: unknown; given?: unknown } | undefined;
  if (typeof name?.family !== 'string' || name.family.trim() === '')
    problems.push('Patient.name.family is missing');
  if (!Array.isArray(name?.given) || !name.given.some((g) => typeof g === 'string' && g.trim() !== ''))
    problems.push('Patient.name.given is missing');
  if (typeof patient.gender !== 'string' || !GENDERS.has(patient.gender))
    problems.push(
      `Patient.gender is ${JSON.stringify(patient.gender)}, expected male, female, other or unknown`,
    );
  const birthDate = patient.birthDate;
  if (typeof birthDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    problems.push(`Patient.birthDate is ${JSON.stringify(birthDate)}, expected a date`);
    return problems;
  }
  return problems;
}

/** Composition.type is LOINC 11450-4 with its display (send protocol 3.4.3.11: "Problem List"). */
export function compositionTypeProblemList(bundle: Resource): string[] {
  const codings = (
    (
      composition(bundle)?.type as
        { coding?: { system?: string; code?: string; display?: unknown }[] } | undefined
    )?.coding ?? []
  ).filter((c) => c.system === SYSTEM.loinc && c.code === '11450-4');
  if (codings.length !== 1)
    return [`Composition.type has ${codings.length} codings ${SYSTEM.loinc}|11450-4, expected one`];
  const display = codings[0]?.display;
  // The protocol writes "Problem List", LOINC and every MedCom example "Problem list - Reported": both are the display.
  return typeof display === 'string' && /^problem list\b/i.test(display)
    ? []
    : [
        `Composition.type's display is ${JSON.stringify(display)}, expected "Problem List" (LOINC: "Problem list - Reported")`,
      ];
}

export function compositionProfileDeclared(bundle: Resource, canonical: string): string[] {
  const profiles = (composition(bundle)?.meta as { profile?: unknown } | undefined)?.profile;
  return Array.isArray(profiles) && profiles.includes(canonical)
    ? []
    : [`Composition.meta.profile is ${JSON.stringify(profiles)}, expected it to include ${canonical}`];
}

const ATTESTATION_MODES = new Set(['personal', 'professional', 'legal', 'official']);

/** An attester, where the SUT includes one, has a mode from composition-attestation-mode (send protocol 3.4.3.18). */
export function attesterModes(bundle: Resource): string[] {
  const attesters = composition(bundle)?.attester;
  return (Array.isArray(attesters) ? (attesters as { mode?: unknown }[]) : [])
    .filter((a) => typeof a.mode !== 'string' || !ATTESTATION_MODES.has(a.mode))
    .map(
      (a) =>
        `Composition.attester.mode ${JSON.stringify(a.mode)} is not in http://hl7.org/fhir/ValueSet/composition-attestation-mode (personal, professional, legal, official)`,
    );
}

/** The Composition has its own narrative (send protocol 3.4.3.14). */
export function compositionNarrative(bundle: Resource): string[] {
  const text = composition(bundle)?.text as { div?: unknown } | undefined;
  return typeof text?.div === 'string' && text.div.trim() !== ''
    ? []
    : ['the Composition has no narrative (text.div)'];
}

/** What a reader must find in the narrative of each resource besides its id: who or what the resource is. */
const IDENTITY_IN_NARRATIVE: Record<string, (r: Resource, bundle: Resource) => unknown[]> = {
  Composition: (r, bundle) => [
    r.title,
    ...(Array.isArray(r.author) ? (r.author as unknown[]) : [])
      .map((a) => resolveInBundle(bundle, referenceOf(a)))
      .filter((a) => a?.resourceType === 'Organization')
      .map((a) => a?.name),
  ],
  Patient: (r) => [
    ...identifierValues(r)
      .filter((i) => i.system === SYSTEM.cpr)
      .map((i) => i.value),
    ...familyNames(r),
  ],
  Organization: (r) => [r.name],
  Practitioner: (r) => familyNames(r),
};

function identifierValues(r: Resource): { system?: unknown; value?: unknown }[] {
  return Array.isArray(r.identifier) ? (r.identifier as { system?: unknown; value?: unknown }[]) : [];
}

function familyNames(r: Resource): unknown[] {
  return Array.isArray(r.name) ? (r.name as { family?: unknown }[]).map((n) => n.family) : [];
}

/** Whether the narrative shows a value; a CPR number may be written as on the health card, DDMMÅÅ-XXXX. */
function shownIn(shown: string, value: string): boolean {
  const text = readable(value);
  return (
    shown.includes(text) || (CPR_PATTERN.test(text) && shown.includes(`${text.slice(0, 6)}-${text.slice(6)}`))
  );
}

/**
 * Where the Composition, Patient, Organization or Practitioner has a narrative, it names the resource id (MedCom
 * narrative governance) and shows who or what the resource is — the Composition's title and author institution, the
 * Patient's CPR and family name, the Organization's name, the Practitioner's family name — as FHIR R4 asks the narrative to convey "the
 * essential clinical and business information". Every narrative of MedCom's PLSP examples shows these. Conditions:
 * conditionNarrativesShowDiagnosis; a missing narrative is narrativesPresent's finding.
 */
export function participantNarrativesShowIdentity(bundle: Resource): string[] {
  return resourcesOf(bundle).flatMap((r) => {
    const expected = IDENTITY_IN_NARRATIVE[String(r.resourceType)];
    const shown = narrativeReadableText((r.text as { div?: unknown } | undefined)?.div);
    if (!expected || shown === undefined) return [];
    const wanted = [r.id, ...expected(r, bundle)].filter(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
    return wanted
      .filter((value) => !shownIn(shown, value))
      .map(
        (value) =>
          `${describeResource(bundle, r)}: the narrative does not show ${JSON.stringify(value)} (it reads ${JSON.stringify(shown.slice(0, 160))})`,
      );
  });
}
