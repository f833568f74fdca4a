// The EHMI SBDH envelope as the reference GP's receiving endpoint reads it (addendum §D.3): the base64 payload,
// and the envelope fields a receiver must check against the message inside (§D.4 item 7). Also a message that
// comes as FHIR XML instead of JSON (receive protocol 3.3.5), read with the `fhir` package (FHIR.js).
import { DOMParser } from '@xmldom/xmldom';
import fhirPackage from 'fhir';
import xpath from 'xpath';
import type { FaultName } from '../faults/catalogue.ts';

const select = xpath.useNamespaces({
  s: 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader',
});

export interface Envelope {
  payload: string;
  senderGln: string;
  receiverGln: string;
  scope: (type: string) => string;
}

/** The envelope, or a reason it cannot be read. */
export function openEnvelope(xml: string, faults: ReadonlySet<FaultName>): Envelope | { error: string } {
  let document: Document;
  try {
    document = new DOMParser({
      // Errors go into the answer, never to the console.
      onError: (level, message) => {
        if (level === 'fatalError') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch (error) {
    return { error: `XML Parsing Error: ${(error as Error).message.split('\n')[0] ?? 'not well-formed'}` };
  }
  const text = (path: string): string => {
    const value = select(`string(${path})`, document);
    return typeof value === 'string' ? value : '';
  };
  const header = '/s:StandardBusinessDocument/s:StandardBusinessDocumentHeader';
  // Fault: the envelope's HeaderVersion is not read, so an SBDH without one is taken.
  if (text(`${header}/s:HeaderVersion`) !== '1.0' && !faults.has('hco-sbdh-version-unchecked'))
    return { error: 'not an SBDH of HeaderVersion 1.0' };
  const payload = text("/s:StandardBusinessDocument/*[local-name()='BinaryContent']").replace(/\s+/g, '');
  if (payload === '') return { error: 'the envelope has no BinaryContent' };
  const gln = (party: string) => text(`${header}/s:${party}/s:Identifier`).replace(/^0088:/, '');
  return {
    payload: Buffer.from(payload, 'base64').toString('utf8'),
    senderGln: gln('Sender'),
    receiverGln: gln('Receiver'),
    scope: (type) => text(`${header}/s:BusinessScope/s:Scope[s:Type='${type}']/s:InstanceIdentifier`),
  };
}

/**
 * FHIR XML as FHIR JSON text, or why it cannot be read. FHIR.js gives decimals as text, which the GP keeps as text.
 * A FHIR.js instance per message (a few ms, XML deliveries are rare): no module state outlives a run of the server.
 */
export function fhirXmlToJson(xml: string): { json: string } | { error: string } {
  try {
    return { json: new fhirPackage.Fhir().xmlToJson(xml) };
  } catch (error) {
    return { error: `not FHIR XML: ${(error as Error).message.split('\n')[0] ?? ''}` };
  }
}
