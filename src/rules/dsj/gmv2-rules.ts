// The DSJ's GMv2 documents as document sharing received them, judged with the pregnancy foundation's readers and
// rules (src/rules/pregnancy/): which submission is the svangerskabsjournal (PRF) or a Vandrejournal (PSCR), in the
// format the SUT profile declares, and what the DSJ data become in them.
import { COMPONENT, type DocumentFormat, type DocumentKind } from '../pregnancy/codes.ts';
import type { ExpectedComponent } from '../pregnancy/content-rules.ts';
import { documentType } from '../pregnancy/content-rules.ts';
import { contentTypeOfFormat, formatCode, typeAndClassCode } from '../pregnancy/metadata-rules.ts';
import { readSubmission, type GmSubmission } from '../pregnancy/submission.ts';
import { componentOf, entriesOf, showValue, type GmDocument } from '../pregnancy/model.ts';

/** The type code the metadata gives a submission (DocumentReference.type), else the document's own. */
export function kindOf(submission: GmSubmission): string | undefined {
  const type = submission.unpacked.documentReference?.['type'] as
    { coding?: { code?: unknown }[] } | undefined;
  const code = type?.coding?.[0]?.code;
  return typeof code === 'string' ? code : submission.read?.document.kind;
}

/** The submissions (ITI-65 bodies) of one kind, read into the neutral model. */
export function submissionsOfKind(bodies: unknown[], kind: DocumentKind): GmSubmission[] {
  return bodies.map(readSubmission).filter((s) => kindOf(s) === kind || s.read?.document.kind === kind);
}

/** Exactly one document of the kind, readable, in the declared format, with the GMv2 type and format codes. */
export function oneDocumentOfKind(
  found: GmSubmission[],
  kind: DocumentKind,
  format: DocumentFormat,
  received: number,
): string[] {
  if (found.length !== 1)
    return [`expected exactly one ${kind} among the ${received} documents shared, found ${found.length}`];
  const s = found[0] as GmSubmission;
  const problems = [...s.unpacked.problems, ...(s.read?.problems ?? [])];
  if (s.format !== format)
    problems.push(`the document is ${s.format ?? 'unreadable'}, the profile declares ${format}`);
  const reference = s.unpacked.documentReference;
  if (reference)
    problems.push(
      ...formatCode(reference, kind),
      ...typeAndClassCode(reference, kind),
      ...contentTypeOfFormat(reference, format),
    );
  if (s.read) problems.push(...documentType(s.read.document, kind));
  return problems;
}

const quantity = (value: number, unit: string) => ({ type: 'quantity' as const, quantity: { value, unit } });

/** PRF fysiske-data as the DSJ holds them: height in cm and weight before the pregnancy in kg (certbench mapping). */
export function expectedPhysicalData(height: number, weightKg: number): ExpectedComponent[] {
  const c = COMPONENT['fysiske-data'];
  return [
    { name: 'height', code: c.height, value: quantity(height, 'cm') },
    { name: 'weight at start', code: c.weightAtStart, value: quantity(weightKg, 'kg') },
  ];
}

export function expectedLanguage(language: string): ExpectedComponent[] {
  return [{ name: 'language', code: COMPONENT.sprog.language, value: { type: 'string', value: language } }];
}

/** PSCR terminsberegning from the DSJ: first day of the last period and the termin the GP recorded. */
export function expectedTermin(lastMenstrualPeriod: string, termin: string): ExpectedComponent[] {
  const c = COMPONENT.terminsberegning;
  return [
    {
      name: 'last menstrual period',
      code: c.lastMenstrualPeriod,
      value: { type: 'dateTime', value: lastMenstrualPeriod },
    },
    { name: 'Naegele due date', code: c.naegeleDueDate, value: { type: 'dateTime', value: termin } },
  ];
}

export function expectedAlcohol(drinksPerWeek: number): ExpectedComponent[] {
  return [
    {
      name: 'drinks per week',
      code: COMPONENT.alkohol.drinksPerWeek,
      value: { type: 'integer', value: drinksPerWeek },
    },
  ];
}

export function expectedAssessment(text: string): ExpectedComponent[] {
  return [
    {
      name: 'assessment',
      code: COMPONENT['samlet-vurdering'].assessment,
      value: { type: 'string', value: text },
    },
  ];
}

/**
 * Where the alkohol entry also says whether she drinks during the pregnancy, it agrees with the drinks per week the
 * DSJ holds: yes above 0, no at 0 (the boundary). Not required: the DSJ asks for the drinks only.
 */
export function alcoholDuringAgrees(document: GmDocument, drinksPerWeek: number): string[] {
  const expected = drinksPerWeek > 0;
  return entriesOf(document, 'alkohol')
    .flatMap((e) => componentOf(e, COMPONENT.alkohol.during))
    .filter((c) => !(c.value?.type === 'boolean' && c.value.value === expected))
    .map(
      (c) =>
        `alkohol: alkoholindtag under graviditet (${COMPONENT.alkohol.during}) is ${showValue(c.value)}, but the DSJ holds ${drinksPerWeek} drinks per week (expected ${String(expected)})`,
    );
}

/**
 * The DSJ's yes/no smoking answer in the Vandrejournal: the tobak entry has a "rygning under graviditet" component
 * that does not contradict it: a boolean, or a text starting with ja or nej, says the same. The PSCR component is
 * free text, so other wording ("Stoppet ved positiv graviditetstest") is not read (certbench's reading,
 * provisional).
 */
export function smokingAgrees(document: GmDocument, smokes: boolean): string[] {
  const code = COMPONENT.tobak.smokingDuring;
  const expected = smokes ? 'ja' : 'nej';
  const found = entriesOf(document, 'tobak').flatMap((e) => componentOf(e, code));
  if (found.length === 0)
    return [
      `tobak: no rygning under graviditet component (${code}), but the DSJ holds the answer ${expected}`,
    ];
  return found.flatMap((c) => {
    const value = c.value;
    const word = value?.type === 'string' ? /^\s*(ja|nej)\b/i.exec(value.value)?.[1] : undefined;
    const says = value?.type === 'boolean' ? value.value : word && word.toLowerCase() === 'ja';
    const unread = value?.type === 'string' && word === undefined && value.value.trim() !== '';
    return unread || ((value?.type === 'boolean' || word) && says === smokes)
      ? []
      : [`tobak: rygning under graviditet (${code}) is ${showValue(value)}, but the DSJ holds ${expected}`];
  });
}

/**
 * The svangerskabsjournal records the first consultation: every PRF entry that states when it was observed states
 * that day (its date part; certbench's reading, provisional), not when the DSJ was sent.
 */
export function observedOn(document: GmDocument, date: string | undefined): string[] {
  if (date === undefined) return [];
  return document.entries
    .filter((e) => e.effective !== undefined && e.effective.slice(0, 10) !== date)
    .map((e) => `${e.slice}: observed ${e.effective ?? ''}, but the first consultation was on ${date}`);
}
