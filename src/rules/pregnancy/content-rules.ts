// Clinical content rules of GMv2 documents, written once on the format-neutral model (model.ts); each returns
// problems naming the element, the expected and the found value, or nothing when the document conforms.
import { danishOffsetAt, DATETIME_WITH_SECONDS_AND_ZONE } from '../../fhir/datetime.ts';
import { CPR_PATTERN, SOR_PATTERN } from '../../fhir/identifiers.ts';
import { sexOfCpr, TEST_PERSONS } from '../test-persons.ts';
import {
  COMPONENT,
  CPR_OID,
  DOCUMENT_TYPES,
  FETUS_OID,
  FINAL_STATUS,
  MEASUREMENT,
  MEDCOM_OID,
  observationCodeSystem,
  PREGNANCY_EPISODE_OID,
  PRF_MANDATORY_SECTIONS,
  PSCR_MAX_ENTRIES,
  ROLE_CODE_SYSTEM,
  SOR_OID,
  systemFor,
  type DocumentKind,
} from './codes.ts';
import { componentOf, entriesOf, showValue, type GmDocument, type GmEntry, type GmValue } from './model.ts';

const label = (entry: GmEntry): string => `${entry.slice} (${entry.code})`;

/** Type code under the MedCom OID, and the title the draft fixes for the type. */
export function documentType(document: GmDocument, kind: DocumentKind): string[] {
  const problems: string[] = [];
  const system = systemFor(document.format, MEDCOM_OID);
  if (document.kind !== kind || document.kindSystem !== system)
    problems.push(`document type is ${document.kindSystem}|${document.kind}, expected ${system}|${kind}`);
  const title = DOCUMENT_TYPES[kind].title;
  if (document.title !== title)
    problems.push(`title is ${JSON.stringify(document.title)}, expected "${title}"`);
  return problems;
}

/** A dateTime with seconds and the Danish offset that applies at that instant. */
export function danishDateTimeProblems(value: string | undefined, what: string): string[] {
  if (value === undefined) return [`${what} is missing`];
  const match = DATETIME_WITH_SECONDS_AND_ZONE.exec(value);
  if (!match) return [`${what} ${JSON.stringify(value)} has no seconds or no zone`];
  const expected = danishOffsetAt(new Date(value));
  return match[8] === expected
    ? []
    : [`${what} ${value} has offset ${match[8]}, expected the Danish ${expected}`];
}

export function documentTime(document: GmDocument): string[] {
  return danishDateTimeProblems(
    document.time,
    document.format === 'cda' ? 'effectiveTime' : 'Composition.date',
  );
}

/** The patient is identified by exactly one CPR number, the registered one. */
export function patientIsCpr(document: GmDocument, cpr: string): string[] {
  const system = systemFor(document.format, CPR_OID);
  const cprs = document.patientIds.filter((i) => i.system === system);
  if (cprs.length !== 1)
    return [
      `the patient has ${cprs.length} identifiers with system ${system}, expected one CPR (found ${JSON.stringify(document.patientIds)})`,
    ];
  const value = cprs[0]?.value ?? '';
  if (!CPR_PATTERN.test(value)) return [`the CPR ${JSON.stringify(value)} is not a CPR number`];
  return value === cpr ? [] : [`the CPR is ${value}, expected the registered patient ${cpr}`];
}

const SEX_OF_GENDER_CODE: Record<string, 'female' | 'male'> = {
  F: 'female',
  M: 'male',
  female: 'female',
  male: 'male',
};

/**
 * Where the document names the patient or gives her gender, they are the test person's: every written name's given
 * and family parts (each compared where written), and a gender code that is not the opposite of the sex her CPR
 * number records (unknown/other codes pass). Source of the names: the dk-core test patients (src/rules/test-persons.ts).
 */
export function patientNameAndGender(document: GmDocument, cpr: string): string[] {
  const problems: string[] = [];
  const person = TEST_PERSONS[cpr];
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
  for (const name of person ? (document.patientNames ?? []) : []) {
    const given = norm(name.given);
    const family = norm(name.family);
    if ((given && given !== person?.given) || (family && family !== person?.family))
      problems.push(
        `the patient is named "${[given, family].filter(Boolean).join(' ')}", expected ${cpr}'s name "${person?.given} ${person?.family}"`,
      );
  }
  const written =
    document.patientGender === undefined ? undefined : SEX_OF_GENDER_CODE[document.patientGender];
  const sex = sexOfCpr(cpr);
  if (written && sex && written !== sex)
    problems.push(
      `the patient's gender is ${document.patientGender}, but CPR ${cpr} is a ${sex === 'female' ? 'woman' : 'man'}'s`,
    );
  return problems;
}

/** A number as a narrative may write it: decimal comma or point, trailing zeros allowed (68 → "68", "68,0"). */
function numberPattern(value: number): RegExp {
  const [whole = '', fraction = ''] = String(value).split('.');
  const decimals = fraction ? `[.,]${fraction}0*` : '(?:[.,]0+)?';
  return new RegExp(`(?<![\\d.,])${whole.replace('-', '[-−]')}${decimals}(?!\\d)`);
}

/** The values of an entry or component a narrative must show: numbers and free text (dates, codes and yes/no vary). */
function shownValues(value: GmValue | undefined): { text: string; found: (narrative: string) => boolean }[] {
  if (!value) return [];
  const number = (n: number) => ({ text: String(n), found: (t: string) => numberPattern(n).test(t) });
  if (value.type === 'quantity') return [number(value.quantity.value)];
  if (value.type === 'interval') return [value.low, value.high].flatMap((q) => (q ? [number(q.value)] : []));
  if (value.type === 'integer') return [number(value.value)];
  // A free text, or the original text a coded value was written from (CDA R2 CD.originalText), is shown as written.
  const free = value.type === 'string' ? value.value : value.type === 'coded' ? value.text : undefined;
  const text = free?.replace(/\s+/g, ' ').trim();
  return text ? [{ text: JSON.stringify(text), found: (t: string) => t.includes(text) }] : [];
}

/**
 * CDA: the narrative block shows what the entries say. HL7 CDA R2: the narrative block (Section.text) holds the
 * section's attested, human-readable content, which every recipient must be able to render (§1.2.3, §1.3), and
 * the entries encode content of that narrative (§4.3.4.1, entry typeCode COMP/DRIV); Graviditetsmappen shows a CDA
 * document by its narrative. Checked: every number and free text of the entries and their components appears in
 * the section text (numbers with decimal comma or point); dates, codes and yes/no may be worded freely and are not
 * compared. The SDS FHIR draft forbids narrative, so a FHIR document passes; so does a section without text
 * (optional in CDA R2's schema). Provisional: the GMv2 CDA templates are not public (addendum §C.2).
 */
export function narrativeShowsEntries(document: GmDocument): string[] {
  // No narrative block at all is not failed here: CDA R2's schema makes Section.text optional.
  const { narrative } = document;
  if (document.format !== 'cda' || narrative === undefined) return [];
  return document.entries.flatMap((entry) =>
    [
      ...shownValues(entry.value).map((v) => ({ where: label(entry), ...v })),
      ...entry.components.flatMap((c) =>
        shownValues(c.value).map((v) => ({ where: `${label(entry)} component ${c.code}`, ...v })),
      ),
    ]
      .filter((v) => !v.found(narrative))
      .map((v) => `${v.where}: the value ${v.text} is not in the narrative block`),
  );
}

/** Exactly one author, an organisation identified by exactly one SOR id (GMBaseOrganization). */
export function authorIsOneSorOrganization(document: GmDocument): string[] {
  if (document.authors.length !== 1)
    return [`the document has ${document.authors.length} authors, expected one organisation`];
  const ids = document.authors[0]?.ids ?? [];
  const system = systemFor(document.format, SOR_OID);
  if (ids.length !== 1)
    return [
      `the author organisation has ${ids.length} identifiers ${JSON.stringify(ids)}, expected exactly one SOR id`,
    ];
  const [only] = ids;
  if (only?.system !== system)
    return [`the author's identifier system is ${JSON.stringify(only?.system)}, expected ${system}`];
  return SOR_PATTERN.test(only.value)
    ? []
    : [`the author's SOR id ${JSON.stringify(only.value)} is not 11 or more digits`];
}

/** The official pregnancy episode reference, when sent, is one id under 1.2.208.176.7.4.1 (written bare). */
export function pregnancyEpisodeReference(document: GmDocument): string[] {
  if (document.pregnancyIds.length > 1)
    return [
      `the document has ${document.pregnancyIds.length} official pregnancy episode references, at most one is allowed`,
    ];
  return document.pregnancyIds.flatMap((id) => [
    ...(id.system === PREGNANCY_EPISODE_OID
      ? []
      : [
          `the pregnancy episode reference has system ${JSON.stringify(id.system)}, expected "${PREGNANCY_EPISODE_OID}"`,
        ]),
    ...(id.value ? [] : ['the pregnancy episode reference has no value']),
  ]);
}

/** Every entry is final, has its time with a zone, is about the patient, and carries no constrained element. */
export function entriesFinal(document: GmDocument, cpr: string): string[] {
  if (document.entries.length === 0) return ['the document has no entries'];
  const status = FINAL_STATUS[document.format];
  return document.entries.flatMap((entry) => {
    const problems: string[] = [];
    if (entry.status !== status)
      problems.push(`status is ${JSON.stringify(entry.status)}, expected "${status}"`);
    if (entry.effective === undefined) problems.push('the observation time (effective) is missing');
    else if (!/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(entry.effective))
      problems.push(`the observation time ${entry.effective} is not a dateTime with a zone`);
    // FHIR: GMObservation.subject is the DkCorePatient (the SDS draft); CDA observations inherit the recordTarget.
    if (document.format === 'fhir' && entry.subjectCpr === undefined)
      problems.push(`the subject does not resolve to a Patient with a CPR number (expected ${cpr})`);
    else if (entry.subjectCpr !== undefined && entry.subjectCpr !== cpr)
      problems.push(`the subject is CPR ${entry.subjectCpr}, expected ${cpr}`);
    if (entry.forbidden.length > 0)
      problems.push(`has ${entry.forbidden.join(', ')}, which the draft does not allow`);
    return problems.map((p) => `${label(entry)}: ${p}`);
  });
}

/** Entry and component codes use the code system the format fixes (see observationCodeSystem). */
export function entryCodeSystems(document: GmDocument): string[] {
  const expected = observationCodeSystem(document.format);
  return document.entries.flatMap((entry) => [
    ...(entry.codeSystem === expected
      ? []
      : [`${label(entry)}: code system ${JSON.stringify(entry.codeSystem)}, expected ${expected}`]),
    ...entry.components
      .filter((c) => c.codeSystem !== expected)
      .map(
        (c) =>
          `${label(entry)}: component ${c.code} has code system ${JSON.stringify(c.codeSystem)}, expected ${expected}`,
      ),
  ]);
}

/** PSCR: 1–16 entries, each model element at most once. */
export function pscrSections(document: GmDocument): string[] {
  const problems: string[] = [];
  const n = document.entries.length;
  if (n < 1 || n > PSCR_MAX_ENTRIES)
    problems.push(`the Vandrejournal has ${n} entries, expected 1 to ${PSCR_MAX_ENTRIES}`);
  const seen = new Map<string, number>();
  for (const e of document.entries) seen.set(e.code, (seen.get(e.code) ?? 0) + 1);
  for (const [code, count] of seen)
    if (count > 1)
      problems.push(
        `the model element ${code} (${document.entries.find((e) => e.code === code)?.slice}) occurs ${count} times, at most once is allowed`,
      );
  return problems;
}

/** PRF: each of the eleven mandatory model elements exactly once. */
export function prfSections(document: GmDocument): string[] {
  return Object.entries(PRF_MANDATORY_SECTIONS).flatMap(([name, code]) => {
    const count = document.entries.filter((e) => e.code === code).length;
    return count === 1 ? [] : [`the mandatory entry ${name} (${code}) occurs ${count} times, expected once`];
  });
}

/** Compares a sent value with the registered one (dates by calendar day). */
export function sameValue(actual: GmValue | undefined, expected: GmValue): boolean {
  if (!actual || actual.type !== expected.type) return false;
  switch (expected.type) {
    case 'dateTime':
      return actual.type === 'dateTime' && actual.value.slice(0, 10) === expected.value.slice(0, 10);
    case 'quantity':
      return (
        actual.type === 'quantity' &&
        actual.quantity.value === expected.quantity.value &&
        actual.quantity.unit === expected.quantity.unit
      );
    case 'interval':
      return (
        actual.type === 'interval' &&
        actual.low?.value === expected.low?.value &&
        actual.high?.value === expected.high?.value &&
        actual.low?.unit === expected.low?.unit &&
        actual.high?.unit === expected.high?.unit
      );
    case 'coded':
      return actual.type === 'coded' && actual.code === expected.code && actual.text === expected.text;
    default:
      return 'value' in actual && actual.value === expected.value;
  }
}

export interface ExpectedComponent {
  name: string;
  code: string;
  value: GmValue;
}

/** The one entry of a model element carries each expected component exactly once, with the registered value. */
export function componentsAsRegistered(
  document: GmDocument,
  slice: string,
  expected: ExpectedComponent[],
): string[] {
  const entries = entriesOf(document, slice);
  if (entries.length !== 1) return [`the document has ${entries.length} ${slice} entries, expected one`];
  const entry = entries[0] as GmEntry;
  return expected.flatMap((e) => {
    const found = componentOf(entry, e.code);
    if (found.length !== 1)
      return [`${slice}: component ${e.name} (${e.code}) occurs ${found.length} times, expected once`];
    const value = found[0]?.value;
    return sameValue(value, e.value)
      ? []
      : [
          `${slice}: ${e.name} (${e.code}) is ${showValue(value)} (${value?.type ?? 'no value'}), expected ${showValue(e.value)} (${e.value.type})`,
        ];
  });
}

/** Naegele's rule with cycle adjustment: LMP + 280 days + (cycle length − 28). `YYYY-MM-DD` in and out. */
export function naegeleDueDate(lastMenstrualPeriod: string, cycleDays = 28): string {
  const date = new Date(`${lastMenstrualPeriod.slice(0, 10)}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 280 + (cycleDays - 28));
  return date.toISOString().slice(0, 10);
}

/** A measurement entry with this code and the registered value. */
export function measurementAsRegistered(
  document: GmDocument,
  code: string,
  name: string,
  expected: GmValue,
): string[] {
  const found = document.entries.filter((e) => e.code === code);
  if (found.length === 0) return [`no ${name} measurement (${code}) in the document`];
  return found.some((e) => sameValue(e.value, expected))
    ? []
    : [
        `${name} (${code}) is ${found.map((e) => showValue(e.value)).join(', ')}, expected ${showValue(expected)}`,
      ];
}

/** Every interval measurement has low and high, each with a value and a unit. */
export function intervalMeasurements(document: GmDocument): string[] {
  const intervals = entriesOf(document, 'interval-maalinger');
  if (intervals.length === 0) return ['the document has no interval measurement'];
  return intervals.flatMap((entry) => {
    const v = entry.value;
    if (v?.type !== 'interval') return [`${label(entry)}: no interval value`];
    return (['low', 'high'] as const).flatMap((end) => {
      const q = v[end];
      if (!q) return [`${label(entry)}: the interval has no ${end}`];
      return q.unit ? [] : [`${label(entry)}: the interval's ${end} has no unit`];
    });
  });
}

/** Every fetus measurement points to a fetus (relationship CHILD) identified under 1.2.208.184.100.4. */
export function fetusMeasurements(document: GmDocument, motherCpr: string): string[] {
  const fetal = entriesOf(document, 'fostermaalinger');
  if (fetal.length === 0) return ['the document has no fetus measurement'];
  const system = systemFor(document.format, FETUS_OID);
  const roleCodes = ROLE_CODE_SYSTEM[document.format];
  return fetal.flatMap((entry) => {
    const f = entry.fetus;
    if (!f) return [`${label(entry)}: no fetus`];
    return [
      ...(f.identifierSystem === system
        ? []
        : [
            `${label(entry)}: the fetus identifier system is ${JSON.stringify(f.identifierSystem)}, expected "${system}"`,
          ]),
      ...(f.identifierValue ? [] : [`${label(entry)}: the fetus identifier has no value`]),
      ...(f.relationship === 'CHILD' && f.relationshipSystem === roleCodes
        ? []
        : [
            `${label(entry)}: the fetus relationship is ${JSON.stringify(f.relationshipSystem)}|${JSON.stringify(f.relationship)}, expected ${roleCodes}|CHILD`,
          ]),
      ...(entry.value ? [] : [`${label(entry)}: no value`]),
      // FHIR: focus → GMFetusRelatedPerson, whose patient (1..1 in FHIR R4 RelatedPerson) is the mother.
      ...(document.format === 'fhir' && f.resourceType !== 'RelatedPerson'
        ? [
            `${label(entry)}: the focus resolves to ${f.resourceType ?? 'nothing in the Bundle'}, expected a RelatedPerson`,
          ]
        : []),
      ...(document.format === 'fhir' && f.motherCpr === undefined
        ? [
            `${label(entry)}: the fetus RelatedPerson's patient does not resolve to a Patient with a CPR number`,
          ]
        : []),
      ...(f.motherCpr === undefined || f.motherCpr === motherCpr
        ? []
        : [`${label(entry)}: the fetus belongs to CPR ${f.motherCpr}, expected ${motherCpr}`]),
    ];
  });
}

/** The due dates a document carries: Naegele (terminsberegning) and ultrasound (ul-bestemt-termin). */
export function dueDatesOf(document: GmDocument): { naegele?: string; ultrasound?: string } {
  const naegele = entriesOf(document, 'terminsberegning')
    .flatMap((e) => componentOf(e, COMPONENT.terminsberegning.naegeleDueDate))
    .map((c) => c.value)
    .find((v) => v?.type === 'dateTime');
  const ultrasound = document.entries.find(
    (e) => e.code === MEASUREMENT.ultrasoundDueDate.code && e.value?.type === 'dateTime',
  )?.value;
  return {
    ...(naegele?.type === 'dateTime' ? { naegele: naegele.value.slice(0, 10) } : {}),
    ...(ultrasound?.type === 'dateTime' ? { ultrasound: ultrasound.value.slice(0, 10) } : {}),
  };
}

/** The clinical date of a document: its latest observation (the consultation), else the document time. */
export function consultationDateOf(document: GmDocument): string | undefined {
  const times = document.entries
    .map((e) => e.effective?.slice(0, 10))
    .filter((t): t is string => !!t)
    .sort();
  return times.at(-1) ?? document.time?.slice(0, 10);
}

/** What was registered for one PSCR model element: the component codes (none: nothing was registered). */
export interface RegisteredElement {
  slice: string;
  codes: string[];
}

/**
 * The Vandrejournal shares what the GP registered and nothing else: no entry for a model element nothing was
 * registered for, no component the GP did not register (an answer the woman never gave), and no component without
 * a value. Provisional: certbench's reading of the draft's model elements (components 0..1, each with value[x]).
 */
export function onlyRegistered(document: GmDocument, registered: RegisteredElement[]): string[] {
  return registered.flatMap(({ slice, codes }) =>
    entriesOf(document, slice).flatMap((entry) => {
      if (codes.length === 0)
        return [`${label(entry)}: nothing was registered for ${slice}, but the document carries it`];
      return entry.components.flatMap((c) => [
        ...(codes.includes(c.code) ? [] : [`${label(entry)}: component ${c.code} was not registered`]),
        ...(c.value ? [] : [`${label(entry)}: component ${c.code} has no value`]),
      ]);
    }),
  );
}

/** Every measurement of the Målinger has a value (the draft's maalinger and interval-maalinger: value[x] 1..1). */
export function measurementsHaveValues(document: GmDocument): string[] {
  return document.entries
    .filter((e) => e.slice === 'maalinger' || e.slice === 'interval-maalinger')
    .filter((e) => e.value === undefined)
    .map((e) => `${label(e)}: a measurement without a value`);
}
