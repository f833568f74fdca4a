import {
  describeResource,
  referenceOf,
  resolveInBundle,
  resourcesOf,
  type Resource,
} from '../../fhir/bundle.ts';
import { instantOf } from '../../fhir/datetime.ts';
import { CPR_PATTERN, SOR_PATTERN, SYSTEM } from '../../fhir/identifiers.ts';

/** Rules on the ConditionList Composition, Patient and author. Each returns problems; none means pass. */

function composition(bundle: Resource): Resource | undefined {
  return resourcesOf(bundle, 'Composition')[0];
}

/** Composition.date is the GP's last update: not before the last change, not after the sharing. */
export function compositionDateWithin(
  bundle: Resource,
  window: { start: Date; end: Date; toleranceMs: number },
): string[] {
  const date = composition(bundle)?.date;
  const instant = instantOf(date);
  if (!instant) return [`Composition.date ${JSON.stringify(date)} is missing or not a dateTime`];
  if (instant.getTime() < window.start.getTime() - window.toleranceMs)
    return [`Composition.date ${String(date)} is before the last change at ${window.start.toISOString()}`];
  if (instant.getTime() > window.end.getTime() + window.toleranceMs)
    return [`Composition.date ${String(date)} is after the sharing ended at ${window.end.toISOString()}`];
  return [];
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

export function subjectsResolveToThePatient(bundle: Resource): string[] {
  const patients = resourcesOf(bundle, 'Patient');
  if (patients.length !== 1) return [`the Bundle has ${patients.length} Patients, expected one`];
  const problems: string[] = [];
  const check = (owner: string, reference: string | undefined) => {
    if (resolveInBundle(bundle, reference) !== patients[0])
      problems.push(`${owner}.subject ${JSON.stringify(reference)} does not resolve to the Bundle's Patient`);
  };
  check('Composition', referenceOf(composition(bundle)?.subject));
  for (const condition of resourcesOf(bundle, 'Condition'))
    check(describeResource(bundle, condition), referenceOf(condition.subject));
  return problems;
}
