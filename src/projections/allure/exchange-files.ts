// What a person opens in Allure for one exchange: the request line, the answer's status, every header and each body's
// size and SHA-256 as the step's parameters (a table Allure shows without a click, and no file for Allure to read);
// each body as a file pretty-printed in its own media type; and every document carried inside a body (a base64 Binary
// of an ITI-65 bundle, a base64 attachment of a REF01 or an SBDH payload) decoded beside it, so a message that points
// into the document points at something one can open. The evidence file itself stays as the run wrote it.
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { BodyRecord, Exchange, HttpMessage } from '../../evidence/exchange.ts';
import type { Parameter } from './model.ts';

/** One file to attach: its title in Allure, media type, extension and content. */
export interface ExchangePart {
  name: string;
  type: string;
  extension: string;
  content: string | Buffer;
}

/** How Allure shows one exchange: its lines and headers as parameters, its bodies and documents as files. */
export interface ExchangeView {
  parameters: Parameter[];
  parts: ExchangePart[];
}

/** Every parameter and part of one exchange, in reading order. */
export function exchangeView(exchange: Exchange): ExchangeView {
  const { request, response } = exchange;
  const parameters = headerParameters('request', `${request.method} ${request.url}`, request);
  const parts = bodyParts('request', request);
  if (response) {
    parameters.push(...headerParameters('answer', `HTTP ${response.status}`, response));
    parts.push(...bodyParts('answer', response));
  } else parameters.push({ name: 'answer', value: `none${exchange.error ? `: ${exchange.error}` : ''}` });
  return { parameters: parameters.map(cappedParameter), parts: parts.map(capped) };
}

/**
 * Longest value a parameter shows: a header is short, but what the SUT sends must not make the report grow. A longer
 * value is cut with a note; the evidence file keeps it whole.
 */
export const PARAMETER_VALUE_LIMIT = 2048;

function cappedParameter(parameter: Parameter): Parameter {
  if (parameter.value.length <= PARAMETER_VALUE_LIMIT) return parameter;
  const note = `… [certbench: ${parameter.value.length} characters, cut; the whole value is in this exchange's evidence file]`;
  return { ...parameter, value: `${parameter.value.slice(0, PARAMETER_VALUE_LIMIT - note.length)}${note}` };
}

/**
 * Largest attachment a part becomes (bounded outputs: what the SUT sends must not make the report grow): a larger
 * text is cut with a note, a larger binary (a PDF) is replaced by a note. The evidence file keeps the body with its
 * SHA-256; normal exchanges and the documents inside them stay whole.
 */
export const ATTACHMENT_PART_LIMIT = 48 * 1024;

function capped(part: ExchangePart): ExchangePart {
  const size = typeof part.content === 'string' ? Buffer.byteLength(part.content) : part.content.length;
  if (size <= ATTACHMENT_PART_LIMIT) return part;
  const note = `[certbench: ${size} bytes, over the ${ATTACHMENT_PART_LIMIT} bytes an attachment may have; the whole body is in this exchange's evidence file, with its SHA-256]`;
  if (typeof part.content !== 'string')
    return {
      name: `${part.name} (not attached)`,
      type: 'text/plain',
      extension: 'txt',
      content: `${note}\n`,
    };
  const cut = Buffer.from(part.content)
    .subarray(0, ATTACHMENT_PART_LIMIT - 512)
    .toString('utf8');
  return {
    ...part,
    name: `${part.name} (cut)`,
    type: 'text/plain',
    extension: 'txt',
    content: `${cut}\n…\n${note}\n`,
  };
}

/** The request line or status, each header (`request: content-type`), and the body's size and SHA-256. */
function headerParameters(role: string, firstLine: string, message: HttpMessage): Parameter[] {
  const body = message.body;
  return [
    { name: role, value: firstLine },
    ...Object.entries(message.headers).map(([name, value]) => ({ name: `${role}: ${name}`, value })),
    ...(body
      ? [
          {
            name: `${role}: body`,
            value: `${body.size} bytes, sha256 ${body.sha256}${body.truncated ? ' (cut in the evidence; the hash covers all of it)' : ''}${body.overLimit ? ' (over the size limit: reading stopped)' : ''}`,
          },
        ]
      : []),
  ];
}

function bodyParts(role: string, message: HttpMessage): ExchangePart[] {
  const body = message.body;
  if (!body || body.text === '') return [];
  const mediaType = (headerOf(message, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const kind = kindOf(mediaType, body.text);
  // A JSON body is parsed once, for its pretty form and for the documents inside it.
  const json = kind === JSON_KIND ? parsedJson(body.text) : undefined;
  const main: ExchangePart = {
    name: `${role}: body (${mediaType || kind.type})`,
    type: kind.type,
    extension: kind.extension,
    content: json ? indentedJson(json.value) : kind.pretty(body.text),
  };
  return [main, ...embeddedDocuments(role, body, kind.name, json)];
}

/** The parsed JSON, or undefined for text that is not JSON (cut, or wrong). */
function parsedJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

const indentedJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function headerOf(message: HttpMessage, name: string): string | undefined {
  return Object.entries(message.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

interface BodyKind {
  name: 'json' | 'xml' | 'text';
  /** What Allure shows it as (it knows JSON and XML viewers, not FHIR's own media types). */
  type: string;
  extension: string;
  pretty(text: string): string;
}

const JSON_KIND: BodyKind = { name: 'json', type: 'application/json', extension: 'json', pretty: prettyJson };
const XML_KIND: BodyKind = { name: 'xml', type: 'application/xml', extension: 'xml', pretty: prettyXml };
const TEXT_KIND: BodyKind = { name: 'text', type: 'text/plain', extension: 'txt', pretty: (t) => t };

function kindOf(mediaType: string, text: string): BodyKind {
  if (/[/+]json$/.test(mediaType)) return JSON_KIND;
  if (/[/+]xml$/.test(mediaType)) return XML_KIND;
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') return JSON_KIND;
  if (start === '<') return XML_KIND;
  return TEXT_KIND;
}

/** Indented JSON; a body that is not JSON (cut, or wrong) is shown as it came. */
export function prettyJson(text: string): string {
  const json = parsedJson(text);
  return json ? indentedJson(json.value) : text;
}

const XML_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
} as const;

/** Indented XML; text that does not parse is shown as it came. */
export function prettyXml(text: string): string {
  try {
    const tree = new XMLParser(XML_OPTIONS).parse(text) as unknown[];
    const built = new XMLBuilder({
      ...XML_OPTIONS,
      format: true,
      indentBy: '  ',
      suppressEmptyNode: true,
    }).build(tree);
    return built.trim() === '' ? text : `${built.trim()}\n`;
  } catch {
    return text;
  }
}

const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}$/;
/** Base64 shorter than this is an identifier or a hash, not a document. */
const MIN_DOCUMENT_BASE64 = 64;

/** Documents carried base64-encoded in a body, decoded, with where they were found. */
function embeddedDocuments(
  role: string,
  body: BodyRecord,
  kind: BodyKind['name'],
  json: { value: unknown } | undefined,
): ExchangePart[] {
  if (body.truncated) return [];
  const found: { where: string; contentType?: string; data: string }[] = [];
  if (kind === 'json') {
    if (!json) return [];
    collectJson(json.value, '', found);
  } else if (kind === 'xml') collectXml(body.text, found);
  return found.flatMap(({ where, contentType, data }) => {
    const bytes = Buffer.from(data.replace(/\s+/g, ''), 'base64');
    const decoded = decodedPart(bytes, contentType);
    return decoded ? [{ ...decoded, name: `${role}: document in ${where} (decoded${decoded.label})` }] : [];
  });
}

/** FHIR Binary (`data`, `contentType`) and Attachment (`data`, `contentType`) anywhere in a JSON body. */
function collectJson(
  value: unknown,
  path: string,
  found: { where: string; contentType?: string; data: string }[],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collectJson(item, `${path}[${i}]`, found));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  const data = record['data'];
  if (typeof data === 'string' && data.length >= MIN_DOCUMENT_BASE64 && BASE64.test(data)) {
    const contentType = typeof record['contentType'] === 'string' ? record['contentType'] : undefined;
    const kindName = typeof record['resourceType'] === 'string' ? record['resourceType'] : 'attachment';
    found.push({ where: `${path || 'body'} (${kindName})`, data, ...(contentType ? { contentType } : {}) });
  }
  for (const [key, child] of Object.entries(record))
    if (key !== 'data') collectJson(child, `${path}.${key}`.replace(/^\./, ''), found);
}

/** Elements whose whole text is a long base64 run (REF01's attached forms, an SBDH's payload). */
function collectXml(text: string, found: { where: string; contentType?: string; data: string }[]): void {
  const element = /<([A-Za-z_][\w.:-]*)(\s[^>]*)?>([A-Za-z0-9+/=\s]{64,})<\/\1>/g;
  for (const match of text.matchAll(element)) {
    const [, name = '', attributes = '', data = ''] = match;
    if (!BASE64.test(data.trim())) continue;
    const contentType = /(?:mimeCode|contentType|mediaType|mimeType)="([^"]+)"/i.exec(attributes)?.[1];
    found.push({ where: `<${name}>`, data: data.trim(), ...(contentType ? { contentType } : {}) });
  }
}

/** The decoded bytes as what they are: PDF, XML, JSON or text; other binaries are not attached. */
function decodedPart(
  bytes: Buffer,
  contentType: string | undefined,
): (Omit<ExchangePart, 'name'> & { label: string }) | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-')
    return { type: 'application/pdf', extension: 'pdf', content: bytes, label: ', PDF' };
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) return undefined;
  const kind = kindOf((contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '', text);
  const label = contentType ? `, ${contentType}` : '';
  return { type: kind.type, extension: kind.extension, content: kind.pretty(text), label };
}
