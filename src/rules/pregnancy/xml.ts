// Namespaced XML reading for CDA: parse without throwing, and XPath helpers that answer strings or nodes.
import { DOMParser, type Document as XmlDocument, type Node as XmlNode } from '@xmldom/xmldom';
import xpath from 'xpath';
import { HL7_CDA_NAMESPACE } from './codes.ts';
import { checkXmlDepth } from '../../limits/parse-limits.ts';

export type { XmlDocument, XmlNode };

const NAMESPACES: Record<string, string> = {
  h: HL7_CDA_NAMESPACE,
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

// What xpath.useNamespaces(…)(expression, node) does, with each expression parsed once per process instead of on
// every call (a CDA document is read with some hundred expressions, the same for every document). The parser and
// context are xpath's own (exported, not typed); names match case-insensitively exactly when xpath's select would
// (xpath takes a DOM whose implementation says it has the HTML feature for HTML, and xmldom always says so).
interface XPathValue {
  toArray?: () => Node[];
}
interface ParsedXPath {
  evaluate(context: object): XPathValue;
}
interface XPathInternals {
  XPathParser: new () => { parse(expression: string): ParsedXPath };
  XPathContext: new () => {
    namespaceResolver: { getNamespace(prefix: string): string | undefined };
    expressionContextNode: Node;
    caseInsensitive: boolean;
  };
  XNodeSet: new () => XPathValue;
}
const internals = xpath as unknown as XPathInternals;
const parser = new internals.XPathParser();
const parsed = new Map<string, ParsedXPath>();
const namespaceResolver = { getNamespace: (prefix: string) => NAMESPACES[prefix] };

function looksLikeHtml(node: XmlNode): boolean {
  try {
    const document = node.nodeType === 9 ? (node as XmlDocument) : node.ownerDocument;
    return Boolean(document?.implementation.hasFeature('HTML', '2.0'));
  } catch {
    return true;
  }
}

function select(expression: string, node: XmlNode): XmlNode[] {
  let expr = parsed.get(expression);
  if (!expr) parsed.set(expression, (expr = parser.parse(expression)));
  const context = new internals.XPathContext();
  context.namespaceResolver = namespaceResolver;
  context.expressionContextNode = node as unknown as Node;
  context.caseInsensitive = looksLikeHtml(node);
  const value = expr.evaluate(context);
  return value.constructor === internals.XNodeSet && value.toArray
    ? (value.toArray() as unknown as XmlNode[])
    : [];
}

/**
 * Parses XML; a malformed document is an error message, never an exception. `strict` also refuses what xmldom
 * recovers from but XML 1.0 calls not well-formed (an attribute without a quoted value, stray text in a tag).
 */
export function parseXml(
  text: string,
  options: { strict?: boolean } = {},
): { document: XmlDocument } | { error: string } {
  try {
    // Untrusted content: nesting is bounded before the DOM is built (it is a message, not an exception, below).
    checkXmlDepth(text);
    const errors: string[] = [];
    const document = new DOMParser({
      // xmldom reports what it recovers from as warnings and errors; in text/xml every one of them but the note on
      // U+FFFD (a legal character) breaks an XML 1.0 well-formedness rule, e.g. an attribute with no quoted value.
      onError: (_level, message) => {
        if (!message.startsWith('Unicode replacement')) errors.push(message.split('\n')[0] ?? message);
      },
    }).parseFromString(text, 'text/xml');
    if (!document.documentElement) return { error: 'the document has no root element' };
    if (options.strict && errors[0]) return { error: errors[0] };
    return { document };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] ?? 'malformed XML' };
  }
}

/** Nodes matching an XPath (prefix `h:` is urn:hl7-org:v3). */
export function nodes(expression: string, context: XmlNode): XmlNode[] {
  return select(expression, context);
}

/** The string value of the first match, or undefined when nothing matches. */
export function valueAt(expression: string, context: XmlNode): string | undefined {
  const first = nodes(expression, context)[0];
  if (!first) return undefined;
  return first.nodeValue ?? first.textContent ?? undefined;
}

/** Every string value of the matches. */
export function valuesAt(expression: string, context: XmlNode): string[] {
  return nodes(expression, context).map((n) => n.nodeValue ?? n.textContent ?? '');
}
