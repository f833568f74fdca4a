// The EHMI SBDH envelope of an acknowledgement sent by a system on EHMI (acknowledgement-send, variant `ehmi`): the
// envelope a MedCom FHIR message travels in on EHMI instead of the VANSEnvelope (MedComLandingPage §3.1: "wrapping
// in a VANSenvelope or SBDH"). The fields are those of MedCom's EHMI SBDH profile for every message (addendum §D.3),
// filled in from the acknowledgement itself: the same envelope code kommunale-proevesvar delivers its messages with
// (src/rules/homecare/sbdh.ts). Provisional: MedCom publishes no SBDH example carrying an acknowledgement, so the
// values are the profile's rules applied to the acknowledgement message (Standard acknowledgement-message, TypeVersion
// the MessageDefinition's major.minor 2.0, MESSAGEIDENTIFIER/MESSAGEENVELOPEIDENTIFIER its own ids), and DOCUMENTID is
// only required to name the event, since its form is not settled (addendum §D.3).
import { XMLParser } from 'fast-xml-parser';
import { isResource, resourcesOf, type Resource } from '../../fhir/bundle.ts';
import {
  definitionVersion,
  envelopeFields,
  ENVELOPE_NS,
  readSbdh,
  SBDH_NS,
  type SbdhFields,
} from '../homecare/sbdh.ts';
import { ACK_EVENT } from './codes.ts';
import { parseJsonBounded } from '../../limits/parse-limits.ts';

export const EHMI = {
  headerVersion: '1.0',
  processIds: ['urn:ehmi:sdn-emergence', 'sdn-emergence'],
  mimeTypes: ['application/fhir+json', 'application/fhir+xml'],
  /** Sender/Receiver Identifier@Authority (ehmiSBDH.md: "always iso6523-actorid-upis"). */
  authority: 'iso6523-actorid-upis',
  /** Every BusinessScope/Scope's Identifier (ehmiSBDH.md: "always the same: dk-medcom-messaging"). */
  scopeIdentifier: 'dk-medcom-messaging',
  /**
   * BinaryContent's namespace: the Peppol envelope's (ehmiSBDH.md), or the SBDH's, which it inherits in MedCom's
   * example of an SBDH carrying an acknowledgement (TestExampleEmbeddedFHIRAckSBDH.xml).
   */
  binaryContentNamespaces: [ENVELOPE_NS, SBDH_NS],
} as const;

/**
 * How the SBDH is written, beyond its field values (readSbdh reads those by local name): the namespaces, the
 * Authority of the parties' Identifiers, each Scope's Identifier and the XML declaration.
 */
export interface SbdhForm {
  /** The namespace of StandardBusinessDocument, resolved from its prefix ('' for none). */
  namespace: string;
  /** The namespace of BinaryContent ('' for none), resolved in its own and the root's declarations. */
  binaryContentNamespace?: string;
  /** Sender/Identifier@Authority and Receiver/Identifier@Authority. */
  authorities: { sender: string; receiver: string };
  /** Each BusinessScope/Scope's Type and Identifier. */
  scopes: { type: string; identifier: string }[];
  /** The pseudo-attributes of the XML declaration, where the document has one. */
  declaration?: { version?: string; encoding?: string };
}

/** The fields of an EHMI SBDH and, as read by readEhmiEnvelope, how it is written. */
export type EhmiFields = SbdhFields & { form?: SbdhForm };

type XmlNode = Record<string, unknown>;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const prefixOf = (name: string) => (name.includes(':') ? name.slice(0, name.indexOf(':')) : '');

/** The child element `name` of `node` whatever its prefix, with its qualified name. */
function child(node: unknown, name: string): [string, unknown] | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  return Object.entries(node as XmlNode).find(([k]) => !k.startsWith('@') && localName(k) === name);
}

function attribute(node: unknown, name: string): string | undefined {
  const value = typeof node === 'object' && node !== null ? (node as XmlNode)[`@${name}`] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function text(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  const value = typeof node === 'object' && node !== null ? (node as XmlNode)['#text'] : undefined;
  return typeof value === 'string' ? value.trim() : '';
}

const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`);

/** How the SBDH is written (namespaces, Authority, Scope Identifiers, declaration); undefined if it cannot tell. */
export function readSbdhForm(xml: string): SbdhForm | undefined {
  let parsed: XmlNode;
  try {
    parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
      parseAttributeValue: false,
      isArray: (name) => localName(name) === 'Scope',
    }).parse(xml) as XmlNode;
  } catch {
    return undefined;
  }
  const root = child(parsed, 'StandardBusinessDocument');
  if (!root) return undefined;
  const [rootName, document] = root;
  // A prefix is declared on the element itself or, for BinaryContent, on the root.
  const namespace = (qualified: string, ...scopes: unknown[]): string => {
    const prefix = prefixOf(qualified);
    for (const scope of scopes) {
      const declared = attribute(scope, prefix ? `xmlns:${prefix}` : 'xmlns');
      if (declared !== undefined) return declared;
    }
    return '';
  };
  const header = child(document, 'StandardBusinessDocumentHeader')?.[1];
  const authority = (party: string) =>
    attribute(child(child(header, party)?.[1], 'Identifier')?.[1], 'Authority') ?? '';
  const scopes = (
    (child(child(header, 'BusinessScope')?.[1], 'Scope')?.[1] as unknown[] | undefined) ?? []
  ).map((scope) => ({
    type: text(child(scope, 'Type')?.[1]),
    identifier: text(child(scope, 'Identifier')?.[1]),
  }));
  const binary = child(document, 'BinaryContent');
  const declared = /^\uFEFF?<\?xml(\s[^]*?)?\?>/.exec(xml);
  const pseudo = (name: string) => ATTRIBUTE(name).exec(declared?.[1] ?? '')?.[2];
  const version = pseudo('version');
  const encoding = pseudo('encoding');
  return {
    namespace: namespace(rootName, document),
    ...(binary ? { binaryContentNamespace: namespace(binary[0], binary[1], document) } : {}),
    authorities: { sender: authority('Sender'), receiver: authority('Receiver') },
    scopes,
    ...(declared
      ? {
          declaration: {
            ...(version !== undefined ? { version } : {}),
            ...(encoding !== undefined ? { encoding } : {}),
          },
        }
      : {}),
  };
}

/** The envelope fields and the acknowledgement inside, or why the text is not an EHMI SBDH carrying one. */
export function readEhmiEnvelope(xml: string): { fields?: EhmiFields; ack?: Resource; problem?: string } {
  const read = readSbdh(xml);
  if (!read) return { problem: 'not an EHMI SBDH (no StandardBusinessDocument with its header)' };
  const form = readSbdhForm(xml);
  const fields: EhmiFields = form ? { ...read, form } : read;
  if (!fields.payload) return { fields, problem: 'the SBDH has no BinaryContent' };
  try {
    const parsed = parseJsonBounded(fields.payload);
    if (isResource(parsed) && parsed.resourceType === 'Bundle') return { fields, ack: parsed };
    return { fields, problem: 'the BinaryContent of the SBDH is not a FHIR Bundle' };
  } catch (error) {
    return {
      fields,
      problem: `the BinaryContent of the SBDH is not FHIR JSON (${(error as Error).message})`,
    };
  }
}

/**
 * How the SBDH is written: StandardBusinessDocument in the SBDH namespace (UN/CEFACT SBDH; every MedCom SBDH example),
 * BinaryContent in the Peppol envelope's or the SBDH's; the parties' Identifier@Authority and every Scope's
 * Identifier as ehmiSBDH.md fixes them; an XML declaration, where there is one, with its required version and a
 * well-formed encoding name (XML 1.0 §2.8, §4.3.3), which the lenient validator lets pass.
 */
function formProblems(form: SbdhForm): string[] {
  const problems: string[] = [];
  if (form.namespace !== SBDH_NS)
    problems.push(`StandardBusinessDocument is in the namespace "${form.namespace}", expected ${SBDH_NS}`);
  if (
    form.binaryContentNamespace !== undefined &&
    !(EHMI.binaryContentNamespaces as readonly string[]).includes(form.binaryContentNamespace)
  )
    problems.push(
      `BinaryContent is in the namespace "${form.binaryContentNamespace}", expected ${EHMI.binaryContentNamespaces.join(' or ')}`,
    );
  for (const [party, authority] of Object.entries(form.authorities))
    if (authority !== EHMI.authority)
      problems.push(
        `${party === 'sender' ? 'Sender' : 'Receiver'}/Identifier@Authority is "${authority}", expected ${EHMI.authority}`,
      );
  for (const scope of form.scopes)
    if (scope.identifier !== EHMI.scopeIdentifier)
      problems.push(
        `Scope ${scope.type} has Identifier "${scope.identifier}", expected ${EHMI.scopeIdentifier}`,
      );
  const declaration = form.declaration;
  if (declaration && declaration.version === undefined)
    problems.push('the XML declaration has no version (XML 1.0 §2.8: VersionInfo is required)');
  else if (declaration?.version !== undefined && !/^1\.[0-9]+$/.test(declaration.version))
    problems.push(`the XML declaration's version is "${declaration.version}", expected 1.0`);
  if (declaration?.encoding !== undefined && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(declaration.encoding))
    problems.push(
      `the XML declaration's encoding "${declaration.encoding}" is not an encoding name (XML 1.0 §4.3.3)`,
    );
  return problems;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Problems of the EHMI SBDH of an acknowledgement (Send test protocol 3.4.8 on EHMI): well-formed XML; HeaderVersion
 * 1.0; Sender and Receiver the GLNs of the acknowledgement's sender and receiver organisations, the receiver being the
 * original message's sender (`originalSenderGln`); Standard acknowledgement-message and TypeVersion its
 * MessageDefinition's version, Type Bundle and MultipleType false; a UUID InstanceIdentifier, a CreationDateAndTime
 * with a UTC offset; DOCUMENTID naming the event, PROCESSID, SENDERID and RECEIVERID the SOR ids of the
 * acknowledgement's sender and receiver organisations, MESSAGEIDENTIFIER and MESSAGEENVELOPEIDENTIFIER the
 * acknowledgement's MessageHeader.id and Bundle.id; the payload's MIME type.
 */
export function ehmiAckProblems(fields: EhmiFields, ack: Resource, originalSenderGln?: string): string[] {
  if (resourcesOf(ack, 'MessageHeader').length !== 1)
    return ['the acknowledgement in the SBDH has no single MessageHeader to address the envelope by'];
  const expected = envelopeFields(ack as unknown as fhir4.Bundle, new Date());
  const problems: string[] = [];
  const equal = (name: string, actual: string | undefined, wanted: string) => {
    if ((actual ?? '') !== wanted)
      problems.push(`${name} is "${actual ?? ''}", expected "${wanted}" (from the acknowledgement)`);
  };
  equal('HeaderVersion', fields.headerVersion, EHMI.headerVersion);
  equal('Sender/Identifier (GLN)', fields.senderGln, expected.senderGln);
  equal('Receiver/Identifier (GLN)', fields.receiverGln, expected.receiverGln);
  if (originalSenderGln !== undefined && fields.receiverGln !== originalSenderGln)
    problems.push(
      `Receiver/Identifier (GLN) is "${fields.receiverGln}", expected the acknowledged message's sender "${originalSenderGln}"`,
    );
  if (fields.notWellFormed) problems.push(`the SBDH is not well-formed XML: ${fields.notWellFormed}`);
  if (fields.form) problems.push(...formProblems(fields.form));
  equal('DocumentIdentification/Standard', fields.standard, ACK_EVENT);
  equal('DocumentIdentification/Type', fields.documentType, 'Bundle');
  equal('DocumentIdentification/MultipleType', fields.multipleType, 'false');
  const version = definitionVersion(
    (resourcesOf(ack, 'MessageHeader')[0]?.['definition'] as string | undefined) ?? undefined,
  );
  if (!version || ![version, `${version}.0`].includes(fields.typeVersion))
    problems.push(
      `DocumentIdentification/TypeVersion is "${fields.typeVersion}", expected the MessageDefinition's version ${version ?? '(the acknowledgement names none)'}`,
    );
  if (!UUID.test(fields.instanceIdentifier))
    problems.push(`DocumentIdentification/InstanceIdentifier "${fields.instanceIdentifier}" is not a UUID`);
  if (!WITH_OFFSET.test(fields.created))
    problems.push(
      `DocumentIdentification/CreationDateAndTime "${fields.created}" is not a date and time with a UTC offset`,
    );
  const documentId = fields.scopes['DOCUMENTID'] ?? '';
  if (!documentId.includes(ACK_EVENT))
    problems.push(`Scope DOCUMENTID "${documentId}" does not name the event ${ACK_EVENT}`);
  const processId = fields.scopes['PROCESSID'] ?? '';
  if (!(EHMI.processIds as readonly string[]).includes(processId))
    problems.push(`Scope PROCESSID is "${processId}", expected ${EHMI.processIds[0]}`);
  // SENDERID / RECEIVERID are the SOR ids (addendum §D.3) of the acknowledgement's sender and receiver, i.e. the
  // acknowledged message's receiver and sender; compared where the acknowledgement's Organization names one.
  for (const scope of ['SENDERID', 'RECEIVERID']) {
    const sor = expected.scopes[scope] ?? '';
    if (sor) equal(`Scope ${scope} (SOR)`, fields.scopes[scope], sor);
  }
  equal(
    'Scope MESSAGEIDENTIFIER',
    fields.scopes['MESSAGEIDENTIFIER'],
    expected.scopes['MESSAGEIDENTIFIER'] ?? '',
  );
  equal(
    'Scope MESSAGEENVELOPEIDENTIFIER',
    fields.scopes['MESSAGEENVELOPEIDENTIFIER'],
    expected.scopes['MESSAGEENVELOPEIDENTIFIER'] ?? '',
  );
  if (!(EHMI.mimeTypes as readonly (string | undefined)[]).includes(fields.mimeType))
    problems.push(
      `BinaryContent@mimeType is "${fields.mimeType ?? ''}", expected application/fhir+json or application/fhir+xml`,
    );
  return problems;
}
