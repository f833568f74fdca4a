import { describeResource, resourcesOf, type Resource } from '../../fhir/bundle.ts';
import { calendarDateOf, instantOf } from '../../fhir/datetime.ts';
import { isUuidValue, SYSTEM } from '../../fhir/identifiers.ts';
import { within } from '../document/bundle-rules.ts';
import {
  categoryCodings,
  codingsOf,
  conditionFor,
  label,
  notSharedProblem,
  STATUS_CODE,
  type RegisteredDiagnosis,
} from './registration.ts';

/** Rules on ConditionList Conditions. Rules given registrations judge what the GP registered; others every Condition. */

const DIAGNOSIS_SYSTEMS = new Set<string>([SYSTEM.sksD, SYSTEM.icpc2]);

/** Each registration is shared with every SKS-D / ICPC-2 code it was registered with. */
export function registeredCodesShared(bundle: Resource, registrations: RegisteredDiagnosis[]): string[] {
  const problems = perRegistration(bundle, registrations, (r, condition) => {
    const codings = codingsOf(condition);
    return r.codes
      .filter((code) => !codings.some((c) => c.system === code.system && c.code === code.code))
      .map(
        (code) =>
          `${describeResource(bundle, condition)} lacks the registered coding ${code.system}|${code.code}`,
      );
  });
  for (const condition of resourcesOf(bundle, 'Condition')) {
    if (!codingsOf(condition).some((c) => DIAGNOSIS_SYSTEMS.has(c.system ?? '') && c.code))
      problems.push(`${describeResource(bundle, condition)} has no SKS-D or ICPC-2 code`);
  }
  return problems;
}

export function codeTextAsRegistered(bundle: Resource, registrations: RegisteredDiagnosis[]): string[] {
  const problems = resourcesOf(bundle, 'Condition')
    .filter((c) => typeof (c.code as { text?: unknown } | undefined)?.text !== 'string')
    .map((c) => `${describeResource(bundle, c)} has no code.text (diagnosetekst)`);
  const differing = perRegistration(bundle, registrations, (r, condition) => {
    const text = (condition.code as { text?: unknown } | undefined)?.text;
    return typeof text === 'string' && text !== r.text
      ? [`${label(r)}: code.text is "${text}", expected "${r.text}"`]
      : [];
  });
  return [...problems, ...differing];
}

/** recordedDate exists on every Condition and, for a registration, lies in the registration's time window. */
export function recordedDateIsRegistrationTime(
  bundle: Resource,
  registrations: RegisteredDiagnosis[],
  toleranceMs = 1000,
): string[] {
  const problems = resourcesOf(bundle, 'Condition')
    .filter((c) => !instantOf(c.recordedDate))
    .map(
      (c) => `${describeResource(bundle, c)} has no valid recordedDate (${JSON.stringify(c.recordedDate)})`,
    );
  const outside = perRegistration(bundle, registrations, (r, condition) => {
    const recorded = instantOf(condition.recordedDate);
    if (!recorded || !r.window) return [];
    const dateOnly = typeof condition.recordedDate === 'string' && condition.recordedDate.length === 10;
    // A date-only value names the day of registration; a dateTime must lie within the action, give or take the
    // allowed clock difference between SUT and certbench.
    const ok = dateOnly
      ? calendarDateOf(condition.recordedDate) === copenhagenDate(r.window.start)
      : within(recorded, { ...r.window, toleranceMs });
    return ok
      ? []
      : [
          `${label(r)}: recordedDate ${String(condition.recordedDate)} is not the registration time (${r.window.start.toISOString()} – ${r.window.end.toISOString()})`,
        ];
  });
  return [...problems, ...outside];
}

/** Exactly one diagnosis status category (SNOMED 15240007 / 723506003) per Condition, as registered. */
export function statusCategoryAsRegistered(bundle: Resource, registrations: RegisteredDiagnosis[]): string[] {
  const problems: string[] = [];
  for (const condition of resourcesOf(bundle, 'Condition')) {
    const statuses = categoryCodings(condition).filter(
      (c) =>
        c.system === SYSTEM.snomed && (c.code === STATUS_CODE.current || c.code === STATUS_CODE.resolved),
    );
    if (statuses.length !== 1)
      problems.push(
        `${describeResource(bundle, condition)} has ${statuses.length} diagnosis status categories, expected exactly one`,
      );
  }
  const wrong = perRegistration(bundle, registrations, (r, condition) => {
    const expected = STATUS_CODE[r.status];
    return categoryCodings(condition).some((c) => c.system === SYSTEM.snomed && c.code === expected)
      ? []
      : [
          `${label(r)} was registered ${r.status} but the status category is not ${SYSTEM.snomed}|${expected}`,
        ];
  });
  return [...problems, ...wrong];
}

export function typeCategoryAsRegistered(bundle: Resource, registrations: RegisteredDiagnosis[]): string[] {
  return perRegistration(bundle, registrations, (r, condition) => {
    const types = categoryCodings(condition)
      .filter((c) => c.system === SYSTEM.conditionCategory)
      .map((c) => c.code);
    return types.length === 1 && types[0] === r.type
      ? []
      : [`${label(r)}: category type is ${JSON.stringify(types)}, expected ["${r.type}"]`];
  });
}

/** No tillægstekst: Condition.note is not shared (MedCom send TestScripts). */
export function noNoteShared(bundle: Resource): string[] {
  return resourcesOf(bundle, 'Condition')
    .filter((c) => c.note !== undefined)
    .map(
      (c) =>
        `${describeResource(bundle, c)} shares a note (tillægstekst): ${JSON.stringify(c.note).slice(0, 120)}`,
    );
}

export function onsetNotAfterRecordedDate(bundle: Resource): string[] {
  return resourcesOf(bundle, 'Condition').flatMap((c) => {
    const onset = instantOf(c.onsetDateTime);
    const recorded = instantOf(c.recordedDate);
    return onset && recorded && onset > recorded
      ? [
          `${describeResource(bundle, c)}: onsetDateTime ${String(c.onsetDateTime)} is after recordedDate ${String(c.recordedDate)}`,
        ]
      : [];
  });
}

/** Where both dates exist, onset is before abatement; a registration's dates are shared as registered. */
export function abatementAfterOnset(bundle: Resource, registrations: RegisteredDiagnosis[]): string[] {
  const problems = resourcesOf(bundle, 'Condition').flatMap((c) => {
    const onset = instantOf(c.onsetDateTime);
    const abatement = instantOf(c.abatementDateTime);
    return onset && abatement && !(onset < abatement)
      ? [
          `${describeResource(bundle, c)}: abatementDateTime ${String(c.abatementDateTime)} is not after onsetDateTime ${String(c.onsetDateTime)}`,
        ]
      : [];
  });
  const ended = registrations.filter((x) => x.abatement);
  const asRegistered = perRegistration(bundle, ended, (r, condition) => [
    ...(calendarDateOf(condition.abatementDateTime) === r.abatement
      ? []
      : [
          `${label(r)}: abatementDateTime is ${JSON.stringify(condition.abatementDateTime)}, registered ${String(r.abatement)}`,
        ]),
    ...(!r.onset || calendarDateOf(condition.onsetDateTime) === r.onset
      ? []
      : [`${label(r)}: onsetDateTime is ${JSON.stringify(condition.onsetDateTime)}, registered ${r.onset}`]),
  ]);
  return [...problems, ...asRegistered];
}

/** Applies a rule to the Condition of each registration; a registration that is not shared is a problem itself. */
function perRegistration(
  bundle: Resource,
  registrations: RegisteredDiagnosis[],
  rule: (registration: RegisteredDiagnosis, condition: Resource) => string[],
): string[] {
  return registrations.flatMap((r) => {
    const condition = conditionFor(bundle, r);
    return condition ? rule(r, condition) : [notSharedProblem(r)];
  });
}

export function conditionIdentifiersUnique(bundle: Resource): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of resourcesOf(bundle, 'Condition')) {
    const ids = (c.identifier as { system?: string; value?: string }[] | undefined) ?? [];
    const good = ids.find((i) => typeof i.system === 'string' && isUuidValue(i.value));
    if (!good) {
      problems.push(
        `${describeResource(bundle, c)} has no identifier with a system and a UUID value (found ${JSON.stringify(ids)})`,
      );
      continue;
    }
    const key = `${good.system}|${good.value}`;
    if (seen.has(key)) problems.push(`${describeResource(bundle, c)} repeats identifier ${key}`);
    seen.add(key);
  }
  return problems;
}

export function conditionIdentifier(condition: Resource | undefined): string | undefined {
  const ids = (condition?.identifier as { system?: string; value?: string }[] | undefined) ?? [];
  const id = ids.find((i) => isUuidValue(i.value));
  return id ? `${id.system ?? ''}|${id.value ?? ''}` : undefined;
}

const copenhagenDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
function copenhagenDate(instant: Date): string {
  return copenhagenDay.format(instant);
}
