import { describeResource, resourcesOf, type Resource } from '../../fhir/bundle.ts';
import { calendarDateOf, instantOf } from '../../fhir/datetime.ts';
import { isUuidValue, SYSTEM } from '../../fhir/identifiers.ts';
import { narrativeReadableText, readable } from '../../fhir/narrative.ts';
import { within } from '../document/bundle-rules.ts';
import {
  categoryCodings,
  codingsOf,
  expectedText,
  hasContent,
  label,
  matchCard,
  STATUS_CODE,
  textOf,
  type RegisteredDiagnosis,
} from './registration.ts';

/** Rules on ConditionList Conditions. Rules given registrations judge what the GP registered; others every Condition. */

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';

/** The document shares exactly the diagnoses on the card: each registration once, nothing else. */
export function exactlyTheCard(bundle: Resource, registrations: RegisteredDiagnosis[]): string[] {
  const { pairs, extra } = matchCard(bundle, registrations);
  const problems = pairs
    // A diagnosis with neither code nor text carries nothing a receiver could see: sharing it is allowed, not required.
    .filter((p) => !p.condition && hasContent(p.registration))
    .map((p) => `${label(p.registration)} is not shared`);
  for (const condition of extra)
    problems.push(
      `${describeResource(bundle, condition)} (${codingsOf(condition)
        .map((c) => c.code ?? c.display)
        .join(
          '/',
        )}${textOf(condition) ? ` "${String(textOf(condition))}"` : ''}) is shared but is not on the card`,
    );
  return problems;
}

/** Each registered code is shared as a coding of its system, as registered; no code is added or looked up. */
export function codesAsRegistered(bundle: Resource, registrations: RegisteredDiagnosis[]): string[] {
  return matchCard(bundle, registrations).pairs.flatMap(({ registration, condition }) => {
    if (!condition) return [];
    const codings = codingsOf(condition);
    const problems = registration.codes
      .filter((code) => code.code && !codings.some((c) => c.system === code.system && c.code === code.code))
      .map(
        (code) =>
          `${label(registration)}: ${describeResource(bundle, condition)} lacks the registered coding ${code.system}|${code.code ?? ''}`,
      );
    for (const coding of codings) {
      if (
        coding.code &&
        !registration.codes.some((r) => r.system === coding.system && r.code === coding.code)
      )
        problems.push(
          `${label(registration)}: ${describeResource(bundle, condition)} carries ${coding.system ?? '(no system)'}|${coding.code}, which was not registered`,
        );
    }
    return problems;
  });
}

/** code.text is the SKS-D display, else the ICPC-2 display, else absent, as registered (send protocol 3.3.1.7). */
export function textAsRegistered(bundle: Resource, registrations: RegisteredDiagnosis[]): string[] {
  return matchCard(bundle, registrations).pairs.flatMap(({ registration, condition }) => {
    if (!condition) return [];
    const expected = expectedText(registration);
    const text = textOf(condition);
    if (text === expected) return [];
    return [
      `${label(registration)}: code.text is ${JSON.stringify(text)}, expected ${
        expected === undefined
          ? 'no text (neither an SKS-D nor an ICPC-2 display was registered)'
          : JSON.stringify(expected)
      }`,
    ];
  });
}

/** Exactly one diagnosis status category (SNOMED 15240007 / 723506003) per Condition, as registered. */
export function statusCategoryAsRegistered(bundle: Resource, registrations: RegisteredDiagnosis[]): string[] {
  const problems: string[] = [];
  for (const condition of resourcesOf(bundle, 'Condition')) {
    const statuses = statusCodings(condition);
    if (statuses.length !== 1)
      problems.push(
        `${describeResource(bundle, condition)} has ${statuses.length} diagnosis status categories, expected exactly one`,
      );
  }
  for (const { registration, condition } of matchCard(bundle, registrations).pairs) {
    if (!condition) continue;
    const expected = STATUS_CODE[registration.status];
    if (!statusCodings(condition).some((c) => c.code === expected))
      problems.push(
        `${label(registration)} was registered ${registration.status === 'current' ? 'Aktuel' : 'Relevant'} but the status category is not ${SYSTEM.snomed}|${expected}`,
      );
  }
  return problems;
}

function statusCodings(condition: Resource) {
  return categoryCodings(condition).filter(
    (c) => c.system === SYSTEM.snomed && (c.code === STATUS_CODE.current || c.code === STATUS_CODE.resolved),
  );
}

/** A registered type (forløbs- or kontaktdiagnose) is shared as the one condition-category type. */
export function typeCategoryAsRegistered(bundle: Resource, registrations: RegisteredDiagnosis[]): string[] {
  return matchCard(bundle, registrations).pairs.flatMap(({ registration, condition }) => {
    if (!condition || !registration.type) return [];
    const types = categoryCodings(condition)
      .filter((c) => c.system === SYSTEM.conditionCategory)
      .map((c) => c.code);
    return types.length === 1 && types[0] === registration.type
      ? []
      : [
          `${label(registration)}: category type is ${JSON.stringify(types)}, expected ["${registration.type}"]`,
        ];
  });
}

/**
 * Every category of a Condition is conveyed by its code: medcom-conditionlist-condition slices Condition.category by
 * coding.code, and both slices (type: condition-category, status: SNOMED CT) require system and code. A coding with
 * a system but no code names no category, yet tells a reader that one of that kind was given (e.g. a type the GP
 * never registered).
 */
export function categoriesCoded(bundle: Resource): string[] {
  return resourcesOf(bundle, 'Condition').flatMap((condition) =>
    categoryCodings(condition)
      .filter((c) => typeof c.code !== 'string' || c.code.trim() === '')
      .map(
        (c) =>
          `${describeResource(bundle, condition)} has a category coding without a code (${JSON.stringify(c)})`,
      ),
  );
}

/**
 * recordedDate is the registration time: the one the test data gives (a system that can backdate) or the time the
 * registration was entered (one that cannot, as the test data allows). Onset and abatement are shared as registered.
 */
export function datesAsRegistered(
  bundle: Resource,
  registrations: RegisteredDiagnosis[],
  toleranceMs: number,
): string[] {
  const problems = resourcesOf(bundle, 'Condition')
    .filter((c) => !instantOf(c.recordedDate))
    .map(
      (c) => `${describeResource(bundle, c)} has no valid recordedDate (${JSON.stringify(c.recordedDate)})`,
    );
  for (const { registration: r, condition } of matchCard(bundle, registrations).pairs) {
    if (!condition) continue;
    const recorded = condition.recordedDate;
    const entered =
      r.window && instantOf(recorded) && within(instantOf(recorded) as Date, { ...r.window, toleranceMs });
    if (instantOf(recorded) && !entered && !(r.registered && sameTime(recorded, r.registered)))
      problems.push(
        `${label(r)}: recordedDate ${String(recorded)} is neither the registration time of the test data (${r.registered ?? 'none'}) nor the time it was registered${r.window ? ` (${r.window.start.toISOString()} – ${r.window.end.toISOString()})` : ''}`,
      );
    problems.push(...sharedAsRegistered(r, 'onsetDateTime', condition.onsetDateTime, r.onset));
    problems.push(...sharedAsRegistered(r, 'abatementDateTime', condition.abatementDateTime, r.abatement));
  }
  return problems;
}

function sharedAsRegistered(
  r: RegisteredDiagnosis,
  element: string,
  shared: unknown,
  registered: string | undefined,
): string[] {
  if (registered === undefined)
    return shared === undefined
      ? []
      : [`${label(r)}: ${element} is ${JSON.stringify(shared)}, none was registered`];
  return sameTime(shared, registered)
    ? []
    : [`${label(r)}: ${element} is ${JSON.stringify(shared)}, registered ${registered}`];
}

/**
 * Whether a shared date/dateTime names the registered time: the same instant to the minute when both have a time,
 * the same calendar day when either is a date only (a system may keep dates without time).
 */
export function sameTime(shared: unknown, registered: string): boolean {
  if (typeof shared !== 'string') return false;
  const bothTimed = shared.length > 10 && registered.length > 10;
  if (!bothTimed) return calendarDateOf(shared) === calendarDateOf(registered);
  const a = instantOf(shared);
  const b = instantOf(registered);
  return !!a && !!b && Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000);
}

/** The same diagnosis keeps its recordedDate in every document (it is the registration time, not the sharing time). */
export function recordedDateStable(
  documents: { name: string; bundle: Resource }[],
  registrations: RegisteredDiagnosis[],
): string[] {
  const seen = new Map<string, { value: unknown; name: string }>();
  const problems: string[] = [];
  for (const { name, bundle } of documents) {
    for (const { registration, condition } of matchCard(bundle, registrations).pairs) {
      if (!condition) continue;
      const before = seen.get(registration.ref);
      if (before && before.value !== condition.recordedDate)
        problems.push(
          `${label(registration)}: recordedDate ${JSON.stringify(condition.recordedDate)} in the document of ${name}, ${JSON.stringify(before.value)} in the one of ${before.name}`,
        );
      if (!before) seen.set(registration.ref, { value: condition.recordedDate, name });
    }
  }
  return problems;
}

function clinicalCodes(condition: Resource): string[] {
  const coding = (condition.clinicalStatus as { coding?: unknown } | undefined)?.coding;
  return Array.isArray(coding)
    ? (coding as { system?: string; code?: string }[])
        .filter((c) => c.system === CLINICAL && typeof c.code === 'string')
        .map((c) => c.code as string)
    : [];
}

/** A Condition with an abatement date has a clinicalStatus of resolved, remission or inactive (FHIR R4 con-4). */
export function clinicalStatusWhenAbated(bundle: Resource): string[] {
  return resourcesOf(bundle, 'Condition')
    .filter((c) => c.abatementDateTime !== undefined)
    .filter((c) => !clinicalCodes(c).some((code) => ['resolved', 'remission', 'inactive'].includes(code)))
    .map(
      (c) =>
        `${describeResource(bundle, c)} has abatementDateTime ${String(c.abatementDateTime)} but clinicalStatus ${JSON.stringify(clinicalCodes(c))}, expected resolved (or remission, inactive)`,
    );
}

/** The protocol recommends the code resolved for an ended diagnosis (send protocol 3.3.1.8). */
export function clinicalStatusResolvedWhenAbated(bundle: Resource): string[] {
  return resourcesOf(bundle, 'Condition')
    .filter((c) => c.abatementDateTime !== undefined && !clinicalCodes(c).includes('resolved'))
    .map(
      (c) =>
        `${describeResource(bundle, c)} has an abatement date and clinicalStatus ${JSON.stringify(clinicalCodes(c))}; resolved is recommended`,
    );
}

/** A problem-list-item (forløbsdiagnose) always has a clinicalStatus (send protocol 3.3.1.9, FHIR R4 con-3). */
export function clinicalStatusOnProblemList(bundle: Resource): string[] {
  return resourcesOf(bundle, 'Condition')
    .filter((c) =>
      categoryCodings(c).some((x) => x.system === SYSTEM.conditionCategory && x.code === 'problem-list-item'),
    )
    .filter((c) => clinicalCodes(c).length === 0)
    .map((c) => `${describeResource(bundle, c)} is a problem-list-item without clinicalStatus`);
}

/**
 * Where a Condition has a narrative, it shows the diagnosis and names the resource: FHIR R4 Narrative is "a
 * human-readable summary of the resource conveying the essential clinical and business information" (a Condition's
 * essential information is its diagnosis), and MedCom's narrative governance has the narrative include Resource.id.
 * The diagnosis is code.text (the diagnosetekst) where given, otherwise one of the codings' displays; codes, dates and
 * statuses may be worded freely and are not compared. A missing narrative is DK-3.4.3.15's finding, not this rule's.
 */
export function conditionNarrativesShowDiagnosis(bundle: Resource): string[] {
  return resourcesOf(bundle, 'Condition').flatMap((c) => {
    const shown = narrativeReadableText((c.text as { div?: unknown } | undefined)?.div);
    if (shown === undefined) return [];
    const problems: string[] = [];
    if (typeof c.id === 'string' && !shown.includes(c.id))
      problems.push(`${describeResource(bundle, c)}: the narrative does not name the resource id ${c.id}`);
    const text = textOf(c);
    const candidates = (
      typeof text === 'string' && text.trim() !== ''
        ? [text]
        : codingsOf(c)
            .map((coding) => coding.display)
            .filter((d): d is string => typeof d === 'string' && d.trim() !== '')
    ).map(readable);
    if (candidates.length > 0 && !candidates.some((t) => shown.includes(t)))
      problems.push(
        `${describeResource(bundle, c)}: the narrative does not show the diagnosis ${candidates.map((t) => JSON.stringify(t)).join(' or ')} (it reads ${JSON.stringify(shown.slice(0, 160))})`,
      );
    return problems;
  });
}

/** No tillægstekst: Condition.note is never shared (send protocol 3.3.1.11, 3.3.2.4). */
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
    return onset &&
      recorded &&
      onset > recorded &&
      calendarDateOf(c.onsetDateTime) !== calendarDateOf(c.recordedDate)
      ? [
          `${describeResource(bundle, c)}: onsetDateTime ${String(c.onsetDateTime)} is after recordedDate ${String(c.recordedDate)}`,
        ]
      : [];
  });
}

/** An ended diagnosis does not end before it began; the same time is allowed (MedCom's test data has it, Table 1). */
export function abatementNotBeforeOnset(bundle: Resource): string[] {
  return resourcesOf(bundle, 'Condition').flatMap((c) => {
    const onset = instantOf(c.onsetDateTime);
    const abatement = instantOf(c.abatementDateTime);
    return onset && abatement && abatement < onset
      ? [
          `${describeResource(bundle, c)}: abatementDateTime ${String(c.abatementDateTime)} is before onsetDateTime ${String(c.onsetDateTime)}`,
        ]
      : [];
  });
}

function conditionIdentifiers(condition: Resource): { system?: string; value?: string }[] {
  return Array.isArray(condition.identifier)
    ? (condition.identifier as { system?: string; value?: string }[])
    : [];
}

/**
 * Where Conditions carry identifiers (the profile does not require them), each is a UUID and the same diagnosis
 * keeps it in every document.
 */
export function conditionIdentifiersStable(
  documents: { name: string; bundle: Resource }[],
  registrations: RegisteredDiagnosis[],
): string[] {
  const problems: string[] = [];
  const seen = new Map<string, { key: string; name: string }>();
  for (const { name, bundle } of documents) {
    for (const c of resourcesOf(bundle, 'Condition'))
      for (const id of conditionIdentifiers(c))
        if (!isUuidValue(id.value))
          problems.push(
            `${describeResource(bundle, c)} in ${name}: identifier ${JSON.stringify(id.value)} is not a UUID`,
          );
    for (const { registration, condition } of matchCard(bundle, registrations).pairs) {
      const id = condition ? conditionIdentifiers(condition)[0] : undefined;
      if (!id) continue;
      const key = `${id.system ?? ''}|${id.value ?? ''}`;
      const before = seen.get(registration.ref);
      if (before && before.key !== key)
        problems.push(
          `${label(registration)}: identifier ${key} in ${name}, ${before.key} in ${before.name}`,
        );
      if (!before) seen.set(registration.ref, { key, name });
    }
  }
  return problems;
}
