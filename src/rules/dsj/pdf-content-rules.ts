// What the attached svangre forms must say (addendum §C.4 item 4): the svangerskabsjournal sections (the PRF
// sections of the GMv2 model, medcom-standards.md §4, as headings), the right patient and receiver, and the DSJ
// values as the GP left them. The DSJ PDF layout is not public, so the headings and the "label: value" form are
// certbench's reading of the paper svangerskabsjournal (provisional).
import { PRF_SECTION_NAMES, type PrfSection } from '../pregnancy/codes.ts';
import type { TextRun } from './pdf.ts';
import type { FieldValue } from './questionnaire.ts';

export const PRF_SECTIONS: readonly { code: string; heading: string }[] = Object.entries(
  PRF_SECTION_NAMES,
).map(([code, heading]) => ({ code, heading }));

/** The ways a form may print a value: Ja/Nej, decimal comma or point, dates Danish or ISO. */
export function displayForms(value: FieldValue): string[] {
  if (typeof value === 'boolean') return value ? ['Ja'] : ['Nej'];
  if (typeof value === 'number') return [...new Set([String(value).replace('.', ','), String(value)])];
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) return [`${date[3]}-${date[2]}-${date[1]}`, `${date[3]}.${date[2]}.${date[1]}`, value];
  return [value];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function missingHeadings(text: string): string[] {
  const lower = text.toLowerCase();
  return PRF_SECTIONS.filter((s) => !lower.includes(s.heading.toLowerCase())).map(
    (s) => `section "${s.heading}" (${s.code}) is not in the forms`,
  );
}

/**
 * CPR as 10 digits or DDMMYY-SSSS standing on its own (no digit, or digit and hyphen, run on before or after it: a
 * CPR inside a longer number is not shown), and the full name.
 */
export function patientShown(text: string, cpr: string, name: string): string[] {
  const problems: string[] = [];
  const shown = new RegExp(`(?<!\\d-?)(?:${cpr}|${cpr.slice(0, 6)}-${cpr.slice(6)})(?!-?\\d)`);
  if (!shown.test(text)) problems.push(`CPR ${cpr} is not shown`);
  if (!text.includes(name)) problems.push(`patient name "${name}" is not shown`);
  return problems;
}

/** Where the text prints "<label>: <value>" in one of the value's display forms: each print's start and end. */
function printedAt(text: string, label: string, value: FieldValue): { at: number; end: number }[] {
  const forms = displayForms(value).map(escape).join('|');
  const pattern = new RegExp(`${escape(label)}\\s*:\\s*(${forms})(?![\\d,.])`, 'gi');
  return [...text.matchAll(pattern)].map((m) => ({ at: m.index, end: m.index + m[0].length }));
}

/** Each field is printed as "<label>: <value>" in one of the value's display forms. */
export function valuesShown(text: string, fields: { label: string; value: FieldValue }[]): string[] {
  return fields.flatMap(({ label, value }) =>
    printedAt(text, label, value).length > 0
      ? []
      : [`"${label}: ${displayForms(value)[0] ?? ''}" is not shown`],
  );
}

/**
 * The PRF section each field of certbench's DSJ questionnaire belongs to (its linkIds name the field): certbench's
 * mapping onto the svangerskabsjournal's sections (provisional, as the linkIds are). Fields of no PRF section
 * (termin, KRAM, blood pressure, the assessment) may stand anywhere.
 */
export const FIELD_SECTIONS: Readonly<Record<string, PrfSection>> = {
  sprog: 'sprog',
  hoejde: 'fysiske-data',
  'vaegt-foer-graviditet': 'fysiske-data',
  fertilitetsbehandling: 'fertilitetsbehandling',
  'arvelige-sygdomme': 'familiehistorie-arvelige-sygdomme',
  konsangvinitet: 'konsangvinitet',
  'oensker-risikovurdering': 'praenatal-risikovurderingsoenskes',
  'oensker-ultralyd': 'praenatal-ultralyd',
  'psykisk-sygdom': 'psykisk-sygdom-af-relevans',
  'somatisk-sygdom': 'somatisk-sygdom',
  'tidligere-operationer': 'tidligere-operation-af-relevans',
  civilstand: 'social-saarbarhed-af-relevans',
};

interface Span {
  code: PrfSection;
  start: number;
  end: number;
}

/**
 * Where a form prints the PRF section headings, each field of a PRF section stands between its section's heading
 * and the next heading (in the text's reading order), and under no other PRF section's heading. A heading is its
 * name not followed by a colon, so a label equal to a heading ("Sprog: dansk") is not taken for it. The last PRF
 * section ends at the next heading in the PRF headings' style (lastSectionEnd), or else at the end of the text.
 * Fields the form does not print are the business of valuesShown; headings it lacks, of missingHeadings.
 */
export function fieldsUnderTheirSections(
  text: string,
  fields: { field: string; label: string; value: FieldValue }[],
  runs: readonly TextRun[] = [],
): string[] {
  const lower = text.toLowerCase();
  const found: { code: PrfSection; start: number; length: number }[] = [];
  for (const { code, heading } of PRF_SECTIONS) {
    const at = new RegExp(`${escape(heading.toLowerCase())}(?!\\s*:)`).exec(lower)?.index;
    if (at !== undefined) found.push({ code: code as PrfSection, start: at, length: heading.length });
  }
  found.sort((a, b) => a.start - b.start);
  const prints = fields.map((f) => ({ ...f, prints: printedAt(text, f.label, f.value) }));
  const allPrints = prints.flatMap((p) => p.prints);
  const lastEnd = lastSectionEnd(text, found, runs, allPrints);
  const spans: Span[] = found.map((h, i) => ({ ...h, end: found[i + 1]?.start ?? lastEnd }));
  const within = (at: number, s: Span) => at > s.start && at < s.end;
  return prints.flatMap(({ field, label, value, prints: printed }) => {
    const section = FIELD_SECTIONS[field];
    const own = spans.find((s) => s.code === section);
    if (!own || printed.length === 0) return [];
    const shown = `"${label}: ${displayForms(value)[0] ?? ''}"`;
    if (!printed.some((p) => within(p.at, own)))
      return [`${shown} does not stand under the heading "${PRF_SECTION_NAMES[own.code]}"`];
    // A print inside a longer one (the label "Sygdom" in "Psykisk sygdom: ingen") is the other field's.
    const alone = printed.filter((p) => !allPrints.some((o) => o.at < p.at && o.end >= p.end));
    const others = [
      ...new Set(
        alone.flatMap((p) =>
          spans.filter((s) => s.code !== own.code && within(p.at, s)).map((s) => PRF_SECTION_NAMES[s.code]),
        ),
      ),
    ];
    return others.length === 0
      ? []
      : [`${shown} also stands under the heading${others.length > 1 ? 's' : ''} "${others.join('", "')}"`];
  });
}

/**
 * Where the last PRF section ends: at the first later text run printed in the style every PRF heading is printed in
 * (each heading a run of its own), that is no label (no colon in or right after it). Only when that style is the
 * headings' own: when a field is printed in it too (bold labels), or the headings differ in style, or the PDF gives
 * no runs, headings cannot be told from other text and the section runs to the end of the text.
 */
function lastSectionEnd(
  text: string,
  headings: readonly { start: number; length: number }[],
  runs: readonly TextRun[],
  prints: readonly { at: number }[],
): number {
  const last = headings.at(-1);
  if (!last) return text.length;
  const runAt = (at: number) => runs.find((r) => r.at <= at && at < r.at + r.text.length);
  // The style of each heading that is a run of its own.
  const styles = new Set(
    headings.map((h) => runs.find((r) => r.at === h.start && r.text.length === h.length)?.style),
  );
  const [style] = [...styles];
  if (styles.size !== 1 || style === undefined) return text.length;
  if (prints.some((p) => runAt(p.at)?.style === style)) return text.length;
  const next = runs.find(
    (r) =>
      r.at > last.start &&
      r.style === style &&
      !r.text.includes(':') &&
      !/^\s*:/.test(text.slice(r.at + r.text.length)),
  );
  return next?.at ?? text.length;
}

/**
 * Words a program prints where it had no value ("Svar: undefined"): no svangre form says them, and certbench's test
 * data never do, so a form that does shows a missing value as if it were one (an unanswered question as an answer).
 */
const PLACEHOLDERS = /(?<![\p{L}\d])(undefined|null|NaN|\[object Object\])(?![\p{L}\d])/u;

export function placeholdersPrinted(text: string): string[] {
  const found = PLACEHOLDERS.exec(text);
  if (!found) return [];
  const at = found.index;
  return [
    `prints "${found[1] ?? ''}" where a value belongs: "…${text.slice(Math.max(0, at - 60), at + 20)}…"`,
  ];
}

/**
 * The woman's questionnaire answers go along as she gave them: some form prints each question (as Min Læge sent
 * it, QuestionnaireResponse.item.text) followed, within a few words ("Svar:"), by her answer in one of its display
 * forms. The questionnaire form's layout is not public: certbench's reading (provisional).
 */
export function answersShown(texts: string[], answers: { question: string; value: FieldValue }[]): string[] {
  return answers.flatMap(({ question, value }) => {
    const forms = displayForms(value).map(escape).join('|');
    const pattern = new RegExp(`${escape(question)}\\s*(?:\\S+\\s+){0,2}?(${forms})(?![\\d,.\\p{L}])`, 'iu');
    return texts.some((t) => pattern.test(t))
      ? []
      : [`"${question}" with the answer "${displayForms(value)[0] ?? ''}" is not in the forms`];
  });
}
