// The VANSEnvelope a MedCom FHIR message travels in on the VANS network, as MedCom's governance describes it
// (MedCom-FHIR-Communication docs/assets/documents/FHIRMessages_NetworkEnvelopes_EN.md): the message base64-encoded in
// VANSEnvelope/Message/Data, and in VANSEnvelope/Message/MetaInformation/Document the fields Format ("HL7" for every
// FHIR standard), Name ("MCM:FCTL#<response code>" for the acknowledgement: the postfix is its type) and Version;
// ServiceTag name="MCM:MIME" in .../Transport gives the FHIR format. Provisional: MedCom publishes no XML schema or
// example of the VANSEnvelope with a FHIR message; elements are read by local name (namespace not published), and
// the Version of the acknowledgement is "2.0.0" in that governance page but "1.0" in the Acknowledgement IG's page
// Enclosing_envelope_for_FHIR-messages.md (addendum §D.1), so either is accepted.
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';
import { isResource, type Resource } from '../../fhir/bundle.ts';
import type { AckCode } from './codes.ts';
import { parseJsonBounded } from '../../limits/parse-limits.ts';

export const VANS = {
  format: 'HL7',
  ackName: (code: string) => `MCM:FCTL#${code}`,
  /** The two published values of the acknowledgement's Version (see above). */
  ackVersions: ['2.0.0', '1.0'],
  mimeTag: 'MCM:MIME',
  mimeTypes: ['application/fhir+json', 'application/fhir+xml'],
} as const;

export interface VansEnvelope {
  format: string;
  name: string;
  version: string;
  mime: string;
  /** The decoded message, as text. */
  payload: string;
}

const local = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((name) => `*[local-name()='${name}']`)
    .join('/');

/** The envelope's fields, or why the text is not a VANSEnvelope. */
export function readVansEnvelope(xml: string): VansEnvelope | { error: string } {
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level === 'fatalError') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch (error) {
    return { error: `not well-formed XML: ${(error as Error).message.split('\n')[0] ?? ''}` };
  }
  const text = (path: string): string => {
    const value = xpath.select(`string(/${local(path)})`, document);
    return typeof value === 'string' ? value.trim() : '';
  };
  if (document.documentElement?.localName !== 'VANSEnvelope')
    return {
      error: `the root element is ${document.documentElement?.localName ?? 'missing'}, not VANSEnvelope`,
    };
  const meta = 'VANSEnvelope/Message/MetaInformation';
  const mime = xpath.select(
    `string(/${local(`${meta}/Transport`)}/*[local-name()='ServiceTag'][@name='${VANS.mimeTag}'])`,
    document,
  );
  const data = text('VANSEnvelope/Message/Data').replace(/\s+/g, '');
  return {
    format: text(`${meta}/Document/Format`),
    name: text(`${meta}/Document/Name`),
    version: text(`${meta}/Document/Version`),
    mime: typeof mime === 'string' ? mime.trim() : '',
    payload: data === '' ? '' : Buffer.from(data, 'base64').toString('utf8'),
  };
}

/** The FHIR Bundle inside an envelope (JSON payload), or why there is none. */
export function envelopedBundle(envelope: VansEnvelope): { bundle?: Resource; problem?: string } {
  if (envelope.payload === '') return { problem: 'VANSEnvelope/Message/Data is empty' };
  try {
    const parsed = parseJsonBounded(envelope.payload);
    if (isResource(parsed) && parsed.resourceType === 'Bundle') return { bundle: parsed };
    return { problem: 'the payload in VANSEnvelope/Message/Data is not a FHIR Bundle' };
  } catch (error) {
    return { problem: `the payload is not FHIR JSON (${(error as Error).message})` };
  }
}

/**
 * Problems of the envelope of an acknowledgement of type `code` (Send test protocol 3.4.8): Format HL7, Name
 * MCM:FCTL with the acknowledgement type as postfix, a published Version, the MIME service tag, and the
 * acknowledgement itself base64-encoded in Data.
 */
export function vansAckProblems(envelope: VansEnvelope, code: AckCode): string[] {
  const problems: string[] = [];
  if (envelope.format !== VANS.format)
    problems.push(`Document/Format is "${envelope.format}", expected "${VANS.format}"`);
  if (envelope.name !== VANS.ackName(code))
    problems.push(
      `Document/Name is "${envelope.name}", expected "${VANS.ackName(code)}" (postfix: the acknowledgement type)`,
    );
  if (!(VANS.ackVersions as readonly string[]).includes(envelope.version))
    problems.push(
      `Document/Version is "${envelope.version}", expected ${VANS.ackVersions.map((v) => `"${v}"`).join(' or ')}`,
    );
  if (!(VANS.mimeTypes as readonly string[]).includes(envelope.mime))
    problems.push(
      `Transport/ServiceTag name="${VANS.mimeTag}" is "${envelope.mime}", expected application/fhir+json or application/fhir+xml`,
    );
  const { problem } = envelopedBundle(envelope);
  if (problem) problems.push(problem);
  return problems;
}
