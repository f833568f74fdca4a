// What the attached svangre forms must say (addendum §C.4 item 4): the svangerskabsjournal sections (the PRF
// sections of the GMv2 model, medcom-standards.md §4, as headings), the right patient and receiver, and the DSJ
// values as the GP left them. The DSJ PDF layout is not public, so the headings and the "label: value" form are
// certbench's reading of the paper svangerskabsjournal (provisional).
import { PRF_SECTION_NAMES, type PrfSection } from '../pregnancy/codes.ts';
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

/** Where the text prints "<label>: <value>" in one of the value's display forms. */
function printedAt(text: string, label: string, value: FieldValue): number[] {
  const forms = displayForms(value).map(escape).join('|');
  const pattern = new RegExp(`${escape(label)}\\s*:\\s*(${forms})(?![\\d,.])`, 'gi');
  return [...text.matchAll(pattern)].map((m) => m.index);
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

/**
 * Where a form prints the PRF section headings, each field of a PRF section stands between its section's heading
 * and the next heading (in the text's reading order). A heading is its name not followed by a colon, so a label
 * equal to a heading ("Sprog: dansk") is not taken for it. Fields the form does not print are the business of
 * valuesShown; headings it lacks, of missingHeadings.
 */
export function fieldsUnderTheirSections(
  text: string,
  fields: { field: string; label: string; value: FieldValue }[],
): string[] {
  const lower = text.toLowerCase();
  const headingAt = new Map<string, number>();
  for (const { code, heading } of PRF_SECTIONS) {
    const at = new RegExp(`${escape(heading.toLowerCase())}(?!\\s*:)`).exec(lower)?.index;
    if (at !== undefined) headingAt.set(code, at);
  }
  const starts = [...headingAt.values()].sort((a, b) => a - b);
  return fields.flatMap(({ field, label, value }) => {
    const section = FIELD_SECTIONS[field];
    const start = section === undefined ? undefined : headingAt.get(section);
    const printed = printedAt(text, label, value);
    if (start === undefined || printed.length === 0) return [];
    const end = starts.find((s) => s > start) ?? text.length;
    return printed.some((at) => at > start && at < end)
      ? []
      : [
          `"${label}: ${displayForms(value)[0] ?? ''}" does not stand under the heading "${PRF_SECTION_NAMES[section as PrfSection]}"`,
        ];
  });
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
