import { referenceOf, resolveInBundle, type Resource } from '../../fhir/bundle.ts';
import { danishOffsetAt, DATETIME_WITH_SECONDS_AND_ZONE, instantOf, offsetOf } from '../../fhir/datetime.ts';
import { SYSTEM } from '../../fhir/identifiers.ts';
import { DIPSTICK_SCALE } from './agreed-analyses.ts';
import { codingsOf, describe, isRestricted, npuCoding, type LabMessage } from './message.ts';
import { sorOf } from './message-rules.ts';
import { GENERAL_PRACTICE, LAB_SYSTEM } from './model.ts';
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
      if (q.system !== LAB_SYSTEM.ucum || typeof q.code !== 'string' || q.code === '')
        problems.push(
          `${where} has system ${JSON.stringify(q.system)} code ${JSON.stringify(q.code)}, expected a UCUM code`,
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

/** The report and every observation carry (or do not carry) the confidentiality R marking. */
export function restrictionIs(message: LabMessage, restricted: boolean): string[] {
  return [message.report, ...message.observations].flatMap((r) =>
    isRestricted(r) === restricted
      ? []
      : [
          restricted
            ? `${describe(r)}.meta.security lacks ${LAB_SYSTEM.confidentiality}|R (nægtet samtykke)`
            : `${describe(r)}.meta.security is ${LAB_SYSTEM.confidentiality}|R, but no refusal was registered`,
        ],
  );
}

function valueKind(o: Resource): string {
  const key = Object.keys(o).find((k) => k.startsWith('value'));
  return key ? `${key} ${JSON.stringify(o[key])}` : 'no value';
}
