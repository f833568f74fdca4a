// What the attached svangre forms must say (addendum §C.4 item 4): the svangerskabsjournal sections (the PRF
// sections of the GMv2 model, medcom-standards.md §4, as headings), the right patient and receiver, and the DSJ
// values as the GP left them. The DSJ PDF layout is not public, so the headings and the "label: value" form are
// certbench's reading of the paper svangerskabsjournal (provisional).
import { PRF_SECTION_NAMES } from '../pregnancy/codes.ts';
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

/** CPR as 10 digits or DDMMYY-SSSS, and the full name. */
export function patientShown(text: string, cpr: string, name: string): string[] {
  const problems: string[] = [];
  if (!text.includes(cpr) && !text.includes(`${cpr.slice(0, 6)}-${cpr.slice(6)}`))
    problems.push(`CPR ${cpr} is not shown`);
  if (!text.includes(name)) problems.push(`patient name "${name}" is not shown`);
  return problems;
}

/** Each field is printed as "<label>: <value>" in one of the value's display forms. */
export function valuesShown(text: string, fields: { label: string; value: FieldValue }[]): string[] {
  return fields.flatMap(({ label, value }) => {
    const forms = displayForms(value);
    const pattern = new RegExp(`${escape(label)}\\s*:\\s*(${forms.map(escape).join('|')})(?![\\d,.])`, 'i');
    return pattern.test(text) ? [] : [`"${label}: ${forms[0] ?? ''}" is not shown`];
  });
}
