// The network envelopes the reference GP sends its acknowledgement messages in: the VANSEnvelope of MedCom's
// governance (FHIRMessages_NetworkEnvelopes: Format, Name with the type as postfix, Version, the message base64 in
// Data) and, for a system on EHMI, the SBDH of MedCom's EHMI profile (dk-ehmi-sbdh ehmiSBDH.md: Sender/Receiver GLN,
// DocumentIdentification, the BusinessScope scopes, the message base64 in BinaryContent). Written here from those
// sources, not from certbench's own envelope code: the reference GP is an independent implementation.
import { randomUUID } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
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

export function sbdhEnvelope(json: string, address: SbdhAddress, now: Date): string {
  const scope = (type: string, value: string) => ({
    Type: type,
    InstanceIdentifier: value,
    Identifier: 'dk-medcom-messaging',
  });
  const party = (gln: string) => ({
    Identifier: { '@_Authority': 'iso6523-actorid-upis', '#text': `0088:${gln}` },
  });
  // The library writes the values escaped (a SOR id or GLN from a received message is not trusted to be plain).
  return new XMLBuilder({ ignoreAttributes: false, format: true }).build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    StandardBusinessDocument: {
      '@_xmlns': 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader',
      StandardBusinessDocumentHeader: {
        HeaderVersion: '1.0',
        Sender: party(address.senderGln),
        Receiver: party(address.receiverGln),
        DocumentIdentification: {
          Standard: address.event,
          TypeVersion: address.version,
          InstanceIdentifier: randomUUID(),
          Type: 'Bundle',
          MultipleType: 'false',
          CreationDateAndTime: danishDateTime(now),
        },
        BusinessScope: {
          Scope: [
            scope(
              'DOCUMENTID',
              `urn:dk:healthcare:medcom:messaging:fhir:structuredefinition::${address.event}##urn:dk:medcom:fhir:${address.event}::${address.version}`,
            ),
            scope('PROCESSID', 'urn:ehmi:sdn-emergence'),
            scope('SENDERID', address.senderSor ?? ''),
            scope('RECEIVERID', address.receiverSor ?? ''),
            scope('MESSAGEIDENTIFIER', address.messageId),
            scope('MESSAGEENVELOPEIDENTIFIER', address.bundleId),
          ],
        },
      },
      BinaryContent: {
        '@_xmlns': 'http://peppol.eu/xsd/ticc/envelope/1.0',
        '@_mimeType': 'application/fhir+json',
        '@_encoding': 'base64',
        '#text': Buffer.from(json).toString('base64'),
      },
    },
  });
}
