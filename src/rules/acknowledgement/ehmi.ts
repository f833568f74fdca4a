// The EHMI SBDH envelope of an acknowledgement sent by a system on EHMI (acknowledgement-send, variant `ehmi`): the
// envelope a MedCom FHIR message travels in on EHMI instead of the VANSEnvelope (MedComLandingPage §3.1: "wrapping
// in a VANSenvelope or SBDH"). The fields are those of MedCom's EHMI SBDH profile for every message (addendum §D.3),
// filled in from the acknowledgement itself: the same envelope code kommunale-proevesvar delivers its messages with
// (src/rules/homecare/sbdh.ts). Provisional: MedCom publishes no SBDH example carrying an acknowledgement, so the
// values are the profile's rules applied to the acknowledgement message (Standard acknowledgement-message, TypeVersion
// the MessageDefinition's major.minor 2.0, MESSAGEIDENTIFIER/MESSAGEENVELOPEIDENTIFIER its own ids), and DOCUMENTID is
// only required to name the event, since its form is not settled (addendum §D.3).
import { isResource, resourcesOf, type Resource } from '../../fhir/bundle.ts';
import { definitionVersion, envelopeFields, readSbdh, type SbdhFields } from '../homecare/sbdh.ts';
import { ACK_EVENT } from './codes.ts';
import { parseJsonBounded } from '../../limits/parse-limits.ts';

export const EHMI = {
  headerVersion: '1.0',
  processIds: ['urn:ehmi:sdn-emergence', 'sdn-emergence'],
  mimeTypes: ['application/fhir+json', 'application/fhir+xml'],
} as const;

/** The envelope fields and the acknowledgement inside, or why the text is not an EHMI SBDH carrying one. */
export function readEhmiEnvelope(xml: string): { fields?: SbdhFields; ack?: Resource; problem?: string } {
  const fields = readSbdh(xml);
  if (!fields) return { problem: 'not an EHMI SBDH (no StandardBusinessDocument with its header)' };
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
export function ehmiAckProblems(fields: SbdhFields, ack: Resource, originalSenderGln?: string): string[] {
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
