// The network envelopes the reference GP sends its acknowledgement messages in: the VANSEnvelope of MedCom's
// governance (FHIRMessages_NetworkEnvelopes: Format, Name with the type as postfix, Version, the message base64 in
// Data) and, for a system on EHMI, the SBDH of MedCom's EHMI profile (dk-ehmi-sbdh ehmiSBDH.md: Sender/Receiver GLN,
// DocumentIdentification, the BusinessScope scopes, the message base64 in BinaryContent). Written here from those
// sources, not from certbench's own envelope code: the reference GP is an independent implementation.
import { randomUUID } from 'node:crypto';
import { danishDateTime } from '../time.ts';

/** `name`: MCM:FCTL with the acknowledgement's type as postfix, e.g. MCM:FCTL#ok. */
export function vansEnvelope(json: string, name: string): string {
  return [
    // Stryker disable next-line StringLiteral: the declaration says what XML 1.0 assumes without it (version 1.0, UTF-8)
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<VANSEnvelope>',
    '  <Message>',
    '    <MetaInformation>',
    '      <Document>',
    '        <Format>HL7</Format>',
    `        <Name>${name}</Name>`,
    '        <Version>2.0.0</Version>',
    '      </Document>',
    '      <Transport>',
    '        <ServiceTag name="MCM:MIME">application/fhir+json</ServiceTag>',
    '      </Transport>',
    '    </MetaInformation>',
    `    <Data>${Buffer.from(json).toString('base64')}</Data>`,
    '  </Message>',
    '</VANSEnvelope>',
    // Stryker disable next-line StringLiteral: whitespace between the elements carries nothing (one line or many)
  ].join('\n');
}

/** What an SBDH says of the message it carries. */
export interface SbdhAddress {
  senderGln: string;
  receiverGln: string;
  senderSor?: string;
  receiverSor?: string;
  /** MessageHeader.eventCoding.code, e.g. acknowledgement-message. */
  event: string;
  /** The MessageDefinition's major.minor, e.g. 2.0. */
  version: string;
  messageId: string;
  bundleId: string;
}

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sbdhEnvelope(json: string, address: SbdhAddress, now: Date): string {
  const scope = (type: string, value: string) =>
    `      <Scope><Type>${type}</Type><InstanceIdentifier>${escape(value)}</InstanceIdentifier><Identifier>dk-medcom-messaging</Identifier></Scope>`;
  const party = (role: string, gln: string) =>
    `    <${role}><Identifier Authority="iso6523-actorid-upis">0088:${escape(gln)}</Identifier></${role}>`;
  return [
    // Stryker disable next-line StringLiteral: the declaration says what XML 1.0 assumes without it (version 1.0, UTF-8)
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<StandardBusinessDocument xmlns="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader">',
    '  <StandardBusinessDocumentHeader>',
    '    <HeaderVersion>1.0</HeaderVersion>',
    party('Sender', address.senderGln),
    party('Receiver', address.receiverGln),
    '    <DocumentIdentification>',
    `      <Standard>${address.event}</Standard>`,
    `      <TypeVersion>${address.version}</TypeVersion>`,
    `      <InstanceIdentifier>${randomUUID()}</InstanceIdentifier>`,
    '      <Type>Bundle</Type>',
    '      <MultipleType>false</MultipleType>',
    `      <CreationDateAndTime>${danishDateTime(now)}</CreationDateAndTime>`,
    '    </DocumentIdentification>',
    '    <BusinessScope>',
    scope(
      'DOCUMENTID',
      `urn:dk:healthcare:medcom:messaging:fhir:structuredefinition::${address.event}##urn:dk:medcom:fhir:${address.event}::${address.version}`,
    ),
    scope('PROCESSID', 'urn:ehmi:sdn-emergence'),
    scope('SENDERID', address.senderSor ?? ''),
    scope('RECEIVERID', address.receiverSor ?? ''),
    scope('MESSAGEIDENTIFIER', address.messageId),
    scope('MESSAGEENVELOPEIDENTIFIER', address.bundleId),
    '    </BusinessScope>',
    '  </StandardBusinessDocumentHeader>',
    `  <BinaryContent xmlns="http://peppol.eu/xsd/ticc/envelope/1.0" mimeType="application/fhir+json" encoding="base64">${Buffer.from(json).toString('base64')}</BinaryContent>`,
    '</StandardBusinessDocument>',
    // Stryker disable next-line StringLiteral: whitespace between the elements carries nothing (one line or many)
  ].join('\n');
}
