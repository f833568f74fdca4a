import { referenceOf, resolveInBundle, type Resource } from '../../fhir/bundle.ts';
import { danishOffsetAt, DATETIME_WITH_SECONDS_AND_ZONE, instantOf, offsetOf } from '../../fhir/datetime.ts';
import { SYSTEM } from '../../fhir/identifiers.ts';
import { DIPSTICK_SCALE } from './agreed-analyses.ts';
import { codingsOf, describe, isRestricted, npuCoding, type Coding, type LabMessage } from './message.ts';
import { sorOf } from './message-rules.ts';
import { sexOfCpr, TEST_PERSONS } from '../test-persons.ts';
import { agreedAnalysis } from './agreed-analyses.ts';
import {
  GENERAL_PRACTICE,
  LAB_SYSTEM,
  LABORATORY_CATEGORY,
  REPORT_CODE_OF,
  type Discipline,
} from './model.ts';
import { label, observationFor, type RegisteredAnalysis, type RegisteredResult } from './registered.ts';

/** Rules on the content of one shared result, judged against what was registered. Each returns problems. */

type PerAnalysis = (
  observation: Resource,
  analysis: RegisteredAnalysis,
  result: RegisteredResult,
) => string[];

/** Applies a rule to every registered analysis that has an Observation; a missing one is judged by `npuAsRegistered`. */
function perAnalysis(
  message: LabMessage,
  result: RegisteredResult,
  rule: PerAnalysis,
  only?: keyof RegisteredAnalysis,
) {
  return result.analyses
    .filter((a) => only === undefined || a[only] !== undefined)
    .flatMap((a) => {
      const observation = observationFor(message, a);
      return observation
        ? rule(observation, a, result)
        : [`${label(result)}: no Observation with ${a.npu ?? 'its NPU code'}`];
    });
}

export function patientCpr(message: LabMessage, cpr: string): string[] {
  const identifiers = Array.isArray(message.patient?.identifier)
    ? (message.patient.identifier as unknown[])
    : [];
  const found = identifiers.map((i) => i as { system?: unknown; value?: unknown });
  if (found.some((i) => i.system === SYSTEM.cpr && i.value === cpr)) return [];
  const actual = found.map((i) => `${String(i.system)}|${String(i.value)}`).join(', ') || 'none';
  return [`Patient.identifier has no ${SYSTEM.cpr}|${cpr} (found ${actual})`];
}

/**
 * The Patient is the test person the CPR names: the name MedComCorePatient requires (1..*) is the dk-core test
 * patient's (src/rules/test-persons.ts), and a gender (male, female) or birth date, where given, is the one the CPR number records
 * (its last digit; its first six digits DDMMYY).
 */
export function patientAsTestPerson(message: LabMessage, cpr: string): string[] {
  const patient = message.patient;
  if (!patient) return ['the message has no Patient'];
  const person = TEST_PERSONS[cpr];
  const problems: string[] = [];
  const names = (Array.isArray(patient.name) ? patient.name : []) as { family?: unknown; given?: unknown }[];
  if (names.length === 0) problems.push('Patient.name is missing');
  for (const name of names) {
    const given = (Array.isArray(name.given) ? name.given : []).join(' ');
    if (person && (name.family !== person.family || given !== person.given))
      problems.push(
        `Patient.name is "${given} ${String(name.family)}", expected ${cpr}'s name "${person.given} ${person.family}"`,
      );
  }
  const sex = sexOfCpr(cpr);
  // unknown and other are no claim about the sex
  if ((patient.gender === 'male' || patient.gender === 'female') && patient.gender !== sex)
    problems.push(
      `Patient.gender is ${JSON.stringify(patient.gender)}, but CPR ${cpr} records ${sex ?? '?'}`,
    );
  const birthDate = patient.birthDate;
  if (birthDate !== undefined) {
    const [, year = '', month = '', day = ''] =
      /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(typeof birthDate === 'string' ? birthDate : '') ?? [];
    if (`${day}${month}${year}` !== cpr.slice(0, 6))
      problems.push(
        `Patient.birthDate is ${JSON.stringify(birthDate)}, but CPR ${cpr} records ${cpr.slice(0, 6)} (DDMMYY)`,
      );
  }
  return problems;
}

/**
 * The report is coded as a lab report of its discipline (LOINC) and every Observation is categorised laboratory
 * (certbench's model, provisional).
 */
export function codedAsModel(message: LabMessage, discipline: Discipline): string[] {
  const expected = REPORT_CODE_OF[discipline];
  const problems: string[] = [];
  if (!codingsOf(message.report?.code).some((c) => c.system === expected.system && c.code === expected.code))
    problems.push(
      `DiagnosticReport.code has no coding ${expected.system}|${expected.code} (${discipline}), found ${JSON.stringify(codingsOf(message.report?.code))}`,
    );
  for (const o of message.observations) {
    const categories = (Array.isArray(o.category) ? o.category : []).flatMap((c) => codingsOf(c));
    if (
      !categories.some((c) => c.system === LABORATORY_CATEGORY.system && c.code === LABORATORY_CATEGORY.code)
    )
      problems.push(
        `${describe(o)}.category is not ${LABORATORY_CATEGORY.system}|${LABORATORY_CATEGORY.code}`,
      );
  }
  return problems;
}

/** Every Observation has an NPU coding with code and display; each registered analysis is there as registered. */
export function npuAsRegistered(message: LabMessage, result: RegisteredResult): string[] {
  const problems = message.observations
    .filter((o) => {
      const coding = npuCoding(o);
      return !coding?.code || !coding.display;
    })
    .map((o) => `${describe(o)}: code has no NPU coding (${LAB_SYSTEM.npu}) with code and display`);
  return [
    ...problems,
    ...perAnalysis(message, result, (o, a) => {
      const display = npuCoding(o)?.display;
      return display === a.display
        ? []
        : [`${describe(o)}: code.coding.display is ${JSON.stringify(display)}, expected "${a.display}"`];
    }),
  ];
}

export function quantityAsRegistered(message: LabMessage, result: RegisteredResult): string[] {
  return perAnalysis(
    message,
    result,
    (o, a) => {
      const q = o.valueQuantity as
        { value?: unknown; unit?: unknown; system?: unknown; code?: unknown } | undefined;
      const where = `${describe(o)}.valueQuantity`;
      if (!q)
        return [
          `${where} is missing (found ${valueKind(o)}), expected ${a.quantity?.value} ${a.quantity?.unit ?? ''}`,
        ];
      const problems: string[] = [];
      if (q.value !== a.quantity?.value)
        problems.push(`${where}.value is ${JSON.stringify(q.value)}, expected ${a.quantity?.value}`);
      if (q.unit !== a.quantity?.unit)
        problems.push(`${where}.unit is ${JSON.stringify(q.unit)}, expected "${a.quantity?.unit}"`);
      // An agreed analysis has its UCUM code, which may differ from the unit text (INR: {INR}).
      const ucum = agreedAnalysis(a.npu)?.unit?.code;
      if (
        q.system !== LAB_SYSTEM.ucum ||
        typeof q.code !== 'string' ||
        q.code === '' ||
        (ucum && q.code !== ucum)
      )
        problems.push(
          `${where} has system ${JSON.stringify(q.system)} code ${JSON.stringify(q.code)}, expected the UCUM code ${ucum ?? 'of its unit'}`,
        );
      return problems;
    },
    'quantity',
  );
}

export function comparatorAsRegistered(message: LabMessage, result: RegisteredResult): string[] {
  return perAnalysis(
    message,
    result,
    (o, a) => {
      const actual = (o.valueQuantity as { comparator?: unknown } | undefined)?.comparator;
      const expected = a.quantity?.comparator;
      return actual === expected
        ? []
        : [
            `${describe(o)}.valueQuantity.comparator is ${JSON.stringify(actual ?? null)}, expected ${JSON.stringify(expected ?? null)}`,
          ];
    },
    'quantity',
  );
}

/** Dipstick grades are text on the agreed scale, never numbers. */
export function gradeAsRegistered(message: LabMessage, result: RegisteredResult): string[] {
  return perAnalysis(
    message,
    result,
    (o, a) => {
      const where = `${describe(o)}.valueString`;
      if (typeof o.valueString !== 'string')
        return [`${where} is missing (found ${valueKind(o)}), expected "${a.grade}"`];
      const problems: string[] = [];
      if (!DIPSTICK_SCALE.includes(o.valueString))
        problems.push(
          `${where} "${o.valueString}" is not on the agreed scale (${DIPSTICK_SCALE.join(', ')})`,
        );
      if (o.valueString !== a.grade) problems.push(`${where} is "${o.valueString}", expected "${a.grade}"`);
      return problems;
    },
    'grade',
  );
}

/** A culture result is the coded organism (SNOMED CT), not text. */
export function organismAsRegistered(message: LabMessage, result: RegisteredResult): string[] {
  return perAnalysis(
    message,
    result,
    (o, a) => {
      const expected = a.organism;
      const codings = codingsOf(o.valueCodeableConcept);
      if (codings.some((c) => c.system === expected?.system && c.code === expected?.code)) return [];
      return [
        `${describe(o)}.valueCodeableConcept has no coding ${expected?.system}|${expected?.code} (found ${valueKind(o)})`,
      ];
    },
    'organism',
  );
}

/** effectiveDateTime of the report and every observation: the registered sampling time, seconds, Danish offset. */
export function samplingTimeAsRegistered(message: LabMessage, result: RegisteredResult): string[] {
  const expected = instantOf(result.samplingTime);
  return [message.report, ...message.observations].flatMap((resource) => {
    const value = resource?.effectiveDateTime;
    const where = `${describe(resource)}.effectiveDateTime`;
    if (typeof value !== 'string') return [`${where} is missing, expected ${result.samplingTime}`];
    if (!DATETIME_WITH_SECONDS_AND_ZONE.test(value))
      return [`${where} "${value}" lacks seconds or a time zone`];
    const instant = instantOf(value);
    const problems: string[] = [];
    if (instant && offsetOf(value) !== danishOffsetAt(instant))
      problems.push(
        `${where} "${value}" has offset ${offsetOf(value)}, expected the Danish offset ${danishOffsetAt(instant)} at that time`,
      );
    if (instant?.getTime() !== expected?.getTime())
      problems.push(`${where} is ${value}, expected the registered sampling time ${result.samplingTime}`);
    return problems;
  });
}

/** The performer of the report and of every observation is the clinic: SOR, ydernummer, general practice. */
export function producerIsGeneralPractice(message: LabMessage): string[] {
  const { bundle, report } = message;
  const performerOf = (r: Resource | undefined) =>
    resolveInBundle(bundle, referenceOf((Array.isArray(r?.performer) ? (r.performer as unknown[]) : [])[0]));
  const clinic = performerOf(report);
  if (clinic?.resourceType !== 'Organization')
    return ['DiagnosticReport.performer does not resolve to the producing clinic (Organization)'];
  const problems: string[] = [];
  const sor = sorOf(clinic);
  if (sor === undefined) problems.push(`${describe(clinic)} has no SOR identifier (${SYSTEM.sor})`);
  const identifiers = (Array.isArray(clinic.identifier) ? clinic.identifier : []) as {
    system?: unknown;
    value?: unknown;
  }[];
  const yder = identifiers.find((i) => i.system === SYSTEM.ydernummer)?.value;
  if (typeof yder !== 'string' || !/^\d{6}$/.test(yder))
    problems.push(
      `${describe(clinic)} has ydernummer ${JSON.stringify(yder ?? null)}, expected 6 digits (${SYSTEM.ydernummer})`,
    );
  const types = (Array.isArray(clinic.type) ? clinic.type : []).flatMap((t) => codingsOf(t));
  if (!types.some((c) => c.system === GENERAL_PRACTICE.system && c.code === GENERAL_PRACTICE.code))
    problems.push(
      `${describe(clinic)}.type is not ${GENERAL_PRACTICE.system}|${GENERAL_PRACTICE.code} (almen lægepraksis)`,
    );
  for (const o of message.observations) {
    if (sorOf(performerOf(o)) !== sor) problems.push(`${describe(o)}.performer is not the producing clinic`);
  }
  return problems;
}

export function statusIs(message: LabMessage, expected: string): string[] {
  return [message.report, ...message.observations].flatMap((r) =>
    r?.status === expected
      ? []
      : [`${describe(r)}.status is ${JSON.stringify(r?.status ?? null)}, expected "${expected}"`],
  );
}

/**
 * The report and every observation carry (or do not carry) the confidentiality R marking; its display, where given,
 * is the code system's "restricted" (v3-Confidentiality).
 */
export function restrictionIs(message: LabMessage, restricted: boolean): string[] {
  return [message.report, ...message.observations].flatMap((r) => {
    if (isRestricted(r) !== restricted)
      return [
        restricted
          ? `${describe(r)}.meta.security lacks ${LAB_SYSTEM.confidentiality}|R (nægtet samtykke)`
          : `${describe(r)}.meta.security is ${LAB_SYSTEM.confidentiality}|R, but no refusal was registered`,
      ];
    const security = (r?.meta as { security?: unknown } | undefined)?.security;
    const displays = (Array.isArray(security) ? (security as Coding[]) : [])
      .filter((c) => c.system === LAB_SYSTEM.confidentiality && c.code === 'R' && c.display !== undefined)
      .map((c) => c.display);
    return displays
      .filter((d) => d !== 'restricted')
      .map(
        (d) => `${describe(r)}.meta.security R has the display ${JSON.stringify(d)}, expected "restricted"`,
      );
  });
}

function valueKind(o: Resource): string {
  const key = Object.keys(o).find((k) => k.startsWith('value'));
  return key ? `${key} ${JSON.stringify(o[key])}` : 'no value';
}
