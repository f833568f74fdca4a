// Namespaced XML reading for CDA: parse without throwing, and XPath helpers that answer strings or nodes.
import { DOMParser, type Document as XmlDocument, type Node as XmlNode } from '@xmldom/xmldom';
import xpath from 'xpath';
import { HL7_CDA_NAMESPACE } from './codes.ts';
import { checkXmlDepth } from '../../limits/parse-limits.ts';

export type { XmlDocument, XmlNode };

const select = xpath.useNamespaces({
  h: HL7_CDA_NAMESPACE,
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
});

/** Parses XML; a malformed document is an error message, never an exception. */
export function parseXml(text: string): { document: XmlDocument } | { error: string } {
  try {
    // Untrusted content: nesting is bounded before the DOM is built (it is a message, not an exception, below).
    checkXmlDepth(text);
    const document = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml');
    if (!document.documentElement) return { error: 'the document has no root element' };
    return { document };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] ?? 'malformed XML' };
  }
}

/** Nodes matching an XPath (prefix `h:` is urn:hl7-org:v3). */
export function nodes(expression: string, context: XmlNode): XmlNode[] {
  const found = select(expression, context as unknown as Node);
  return Array.isArray(found) ? (found as unknown as XmlNode[]) : [];
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
