import { parseXml } from '../rules/pregnancy/xml.ts';

/**
 * Narrative safety (FHIR R4 txt-1/txt-2 and MedCom's narrative governance): the div is XHTML without active or
 * embedded content. A pattern check, deliberately strict: anything that looks like script or an event handler fails.
 */
const UNSAFE: [RegExp, string][] = [
  [/<\s*script\b/i, '<script> element'],
  [/<\s*(iframe|frame|frameset|object|embed|applet)\b/i, 'embedded content element'],
  [/<\s*(form|input|button|select|textarea)\b/i, 'form element'],
  [/<\s*(link|meta|base|style)\b/i, 'document-level element'],
  [/\son[a-z]+\s*=/i, 'event handler attribute'],
  [/(href|src)\s*=\s*["']?\s*javascript:/i, 'javascript: URL'],
  [/data:[a-z]+\/[a-z0-9.+-]+;base64,/i, 'base64 data URI'],
];

/** Problems with a narrative's presence and shape: status generated/extensions, an XHTML div with text. */
export function narrativeShapeProblems(text: unknown): string[] {
  if (typeof text !== 'object' || text === null) return ['text is missing'];
  const { status, div } = text as { status?: unknown; div?: unknown };
  const problems: string[] = [];
  if (status !== 'generated' && status !== 'extensions')
    problems.push(`text.status is ${JSON.stringify(status)}, expected generated or extensions`);
  if (typeof div !== 'string') return [...problems, 'text.div is missing'];
  if (!/^<div\b[^>]*xmlns=["']http:\/\/www\.w3\.org\/1999\/xhtml["']/.test(div.trim())) {
    problems.push('text.div is not an XHTML <div xmlns="http://www.w3.org/1999/xhtml">');
  }
  if (div.replace(/<[^>]*>/g, '').trim().length === 0) problems.push('text.div has no text');
  return problems;
}

/** Active or embedded content in a narrative div. */
export function unsafeNarrativeContent(div: unknown): string[] {
  if (typeof div !== 'string') return [];
  return UNSAFE.filter(([pattern]) => pattern.test(div)).map(([, what]) => `text.div contains a ${what}`);
}

/**
 * The text a reader sees in a narrative div: the XHTML parsed (entities decoded), its text content with white space
 * collapsed. Undefined when there is no div or it is not well-formed XML (the shape and safety rules report that).
 */
export function narrativeReadableText(div: unknown): string | undefined {
  if (typeof div !== 'string') return undefined;
  const parsed = parseXml(div);
  if ('error' in parsed) return undefined;
  return readable(parsed.document.documentElement?.textContent ?? '');
}

/** Unicode-normalised, white space collapsed: how a narrative and a structured value are compared. */
export function readable(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
