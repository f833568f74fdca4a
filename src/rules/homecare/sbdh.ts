// The EHMI SBDH envelope around a FHIR message (addendum §D.3): certbench wraps what it delivers, and reads an
// envelope the SUT answers with. Field values follow MedCom's EHMI SBDH profile; where its sources disagree (the
// DOCUMENTID form, PROCESSID) the current form is used, provisional (see the manifest).
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { randomUUID } from 'node:crypto';
import { danishSeconds, headerOf } from './variants.ts';
import { HCO, HCO_EVENT } from './codes.ts';

export const SBDH_NS = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';
export const ENVELOPE_NS = 'http://peppol.eu/xsd/ticc/envelope/1.0';
const AUTHORITY = 'iso6523-actorid-upis';

export interface SbdhFields {
  /** As read (readSbdh); wrapInSbdh always writes 1.0. */
  headerVersion?: string;
  senderGln: string;
  receiverGln: string;
  standard: string;
  typeVersion: string;
  instanceIdentifier: string;
  created: string;
  scopes: Record<string, string>;
  mimeType?: string;
  payload?: string;
  /** As read (readSbdh): DocumentIdentification/Type and MultipleType; wrapInSbdh always writes Bundle, false. */
  documentType?: string;
  multipleType?: string;
  /** As read (readSbdh): why the text is not well-formed XML, when the lenient parser still read it. */
  notWellFormed?: string;
}

type Organization = fhir4.Organization;

function organization(bundle: fhir4.Bundle, reference: string | undefined): Organization | undefined {
  return (bundle.entry ?? [])
    .map((e) => e.resource)
    .find(
      (r): r is Organization =>
        r?.resourceType === 'Organization' && reference === `Organization/${r.id ?? ''}`,
    );
}

function identifier(resource: { identifier?: fhir4.Identifier[] } | undefined, system: string): string {
  return resource?.identifier?.find((i) => i.system === system)?.value ?? '';
}

/**
 * The major.minor of the MessageDefinition a MessageHeader names (`…Definition|1.1` → 1.1, the acknowledgement's
 * `…definition|2.0.0` → 2.0): the SBDH TypeVersion (addendum §D.3).
 */
export function definitionVersion(definition: string | undefined): string | undefined {
  const match = /(\d+)\.(\d+)(?:\.\d+)?$/.exec(definition ?? '');
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/** The SBDH's DOCUMENTID for a message event and version, in its current form (addendum §D.3). */
export function documentId(event: string, version: string): string {
  return `urn:dk:healthcare:medcom:messaging:fhir:structuredefinition::${event}##urn:dk:medcom:fhir:${event}::${version}`;
}

/**
 * The envelope fields for a message (a HomeCareObservation, or any MedCom FHIR message such as an acknowledgement),
 * as its sender fills them in.
 */
export function envelopeFields(bundle: fhir4.Bundle, now: Date): SbdhFields {
  const header = headerOf(bundle);
  const event = header.eventCoding?.code ?? HCO_EVENT;
  const sender = organization(bundle, header.sender?.reference);
  const receiver = organization(bundle, header.destination?.[0]?.receiver?.reference);
  const patient = (bundle.entry ?? []).map((e) => e.resource).find((r) => r?.resourceType === 'Patient') as
    fhir4.Patient | undefined;
  const version = definitionVersion(header.definition) ?? '1.1';
  const created = danishSeconds(now);
  const instance = randomUUID();
  return {
    senderGln: identifier(sender, HCO.gln),
    receiverGln: identifier(receiver, HCO.gln),
    standard: event,
    typeVersion: version,
    instanceIdentifier: instance,
    created,
    scopes: {
      DOCUMENTID: documentId(event, version),
      PROCESSID: 'urn:ehmi:sdn-emergence',
      PATIENTID: patient?.identifier?.[0]?.value ?? '',
      SENDERID: identifier(sender, HCO.sor),
      RECEIVERID: identifier(receiver, HCO.sor),
      MESSAGEIDENTIFIER: header.id ?? '',
      MESSAGEENVELOPEIDENTIFIER: bundle.id ?? '',
    },
  };
}

function scope(type: string, value: string) {
  return { Type: type, InstanceIdentifier: value, Identifier: 'dk-medcom-messaging' };
}

/**
 * The message wrapped in an EHMI SBDH, the payload base64 in BinaryContent, a receipt acknowledgement requested.
 * With `lineLength`, the base64 text is broken into lines of that length, as MIME writers do (RFC 2045: 76);
 * xs:base64Binary allows the whitespace.
 */
export function wrapInSbdh(
  bundle: fhir4.Bundle,
  fields: SbdhFields,
  options: { lineLength?: number } = {},
): string {
  const base64 = Buffer.from(JSON.stringify(bundle), 'utf8').toString('base64');
  const payload = options.lineLength
    ? `\n${(base64.match(new RegExp(`.{1,${options.lineLength}}`, 'g')) ?? []).join('\n')}\n`
    : base64;
  const expected = danishSeconds(new Date(Date.parse(fields.created) + 10 * 60_000));
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    StandardBusinessDocument: {
      '@_xmlns': SBDH_NS,
      StandardBusinessDocumentHeader: {
        HeaderVersion: '1.0',
        Sender: { Identifier: { '@_Authority': AUTHORITY, '#text': `0088:${fields.senderGln}` } },
        Receiver: { Identifier: { '@_Authority': AUTHORITY, '#text': `0088:${fields.receiverGln}` } },
        DocumentIdentification: {
          Standard: fields.standard,
          TypeVersion: fields.typeVersion,
          InstanceIdentifier: fields.instanceIdentifier,
          Type: 'Bundle',
          MultipleType: 'false',
          CreationDateAndTime: fields.created,
        },
        BusinessScope: {
          Scope: [
            ...Object.entries(fields.scopes).map(([type, value]) => scope(type, value)),
            {
              Type: 'EHMI-ReceiptAcknowledgement',
              InstanceIdentifier: 'Request',
              Identifier: 'dk-medcom-messaging',
              ScopeInformation: {
                CorrelationInformation: {
                  RequestingDocumentCreationDateTime: fields.created,
                  RequestingDocumentInstanceIdentifier: fields.instanceIdentifier,
                  ExpectedResponseDateTime: expected,
                },
              },
            },
          ],
        },
      },
      BinaryContent: {
        '@_xmlns': ENVELOPE_NS,
        '@_mimeType': fields.mimeType ?? 'application/fhir+json',
        '@_encoding': 'base64',
        '#text': payload,
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, format: true }).build(document);
}

type Node = Record<string, unknown>;

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as Node)['#text'] === 'string')
    return (value as Node)['#text'] as string;
  return undefined;
}

/** Reads an SBDH document; `undefined` when the text is not a StandardBusinessDocument. */
export function readSbdh(xml: string): SbdhFields | undefined {
  let parsed: Node;
  try {
    parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      isArray: (name) => name === 'Scope',
    }).parse(xml) as Node;
  } catch {
    return undefined;
  }
  const root = parsed['StandardBusinessDocument'] as Node | undefined;
  const header = root?.['StandardBusinessDocumentHeader'] as Node | undefined;
  if (!root || !header) return undefined;
  const identification = (header['DocumentIdentification'] as Node | undefined) ?? {};
  const gln = (party: unknown) =>
    (textOf((party as Node | undefined)?.['Identifier']) ?? '').replace(/^0088:/, '');
  const scopes: Record<string, string> = {};
  for (const s of ((header['BusinessScope'] as Node | undefined)?.['Scope'] as Node[] | undefined) ?? []) {
    const type = textOf(s['Type']);
    if (type) scopes[type] = textOf(s['InstanceIdentifier']) ?? '';
  }
  const binary = root['BinaryContent'] as Node | undefined;
  const payload = textOf(binary);
  const mimeType = typeof binary?.['mimeType'] === 'string' ? binary['mimeType'] : undefined;
  const valid = XMLValidator.validate(xml);
  return {
    headerVersion: textOf(header['HeaderVersion']) ?? '',
    senderGln: gln(header['Sender']),
    receiverGln: gln(header['Receiver']),
    standard: textOf(identification['Standard']) ?? '',
    typeVersion: textOf(identification['TypeVersion']) ?? '',
    instanceIdentifier: textOf(identification['InstanceIdentifier']) ?? '',
    created: textOf(identification['CreationDateAndTime']) ?? '',
    documentType: textOf(identification['Type']) ?? '',
    multipleType: textOf(identification['MultipleType']) ?? '',
    ...(valid === true ? {} : { notWellFormed: `${valid.err.msg} (line ${valid.err.line})` }),
    scopes,
    ...(mimeType ? { mimeType } : {}),
    ...(payload ? { payload: Buffer.from(payload.replace(/\s+/g, ''), 'base64').toString('utf8') } : {}),
  };
}
