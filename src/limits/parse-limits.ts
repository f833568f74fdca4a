// Limits on the work certbench does with content an SUT sent: every parser of SUT content checks these first, so a
// hostile answer fails its checkpoint with a message naming the limit instead of exhausting the stack, memory or time.

/** JSON deeper than this is refused before parsing (FHIR resources nest a few dozen levels at most). */
export const MAX_JSON_DEPTH = 256;
/** XML deeper than this is refused before parsing (CDA documents and MedCom letters nest a few dozen levels). */
export const MAX_XML_DEPTH = 256;
/** A PDF attachment with more pages than this is not read (a referral's attachment has a handful). */
export const MAX_PDF_PAGES = 500;
/** The PDF's streams may inflate to at most this many bytes together. */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;
/** Reading one PDF may take at most this long (it runs in a worker thread, so certbench's servers keep answering). */
export const PDF_READ_TIMEOUT_MS = 60_000;

/** Thrown when SUT content exceeds one of certbench's limits; the message names the limit. */
export class LimitExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitExceeded';
  }
}

/** The deepest nesting of objects and arrays in a JSON text, by one linear scan that ignores strings. */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** JSON.parse with the depth limit: deeper text is refused with a message naming the limit. */
export function parseJsonBounded(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text, maxDepth) > maxDepth)
    throw new LimitExceeded(`JSON nested deeper than certbench's limit of ${maxDepth} levels; not parsed`);
  return JSON.parse(text) as unknown;
}

/** The deepest element nesting of an XML text, by one linear scan (comments, CDATA, PIs, declarations skipped). */
export function xmlDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    const next = text[i + 1];
    let end: number;
    if (text.startsWith('<!--', i)) end = endOf(text, '-->', i);
    else if (text.startsWith('<![CDATA[', i)) end = endOf(text, ']]>', i);
    else if (next === '?' || next === '!') end = endOf(text, '>', i);
    else {
      end = endOf(text, '>', i);
      if (next === '/') depth--;
      else if (text[end - 2] !== '/') {
        depth++;
        if (depth > deepest) deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    }
    i = text.indexOf('<', end);
  }
  return deepest;
}

function endOf(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from + 1);
  return at < 0 ? text.length : at + marker.length;
}

/** Refuses XML nested deeper than the limit, with a message naming it. */
export function checkXmlDepth(text: string, maxDepth = MAX_XML_DEPTH): void {
  if (xmlDepth(text, maxDepth) > maxDepth)
    throw new LimitExceeded(`XML nested deeper than certbench's limit of ${maxDepth} levels; not parsed`);
}
