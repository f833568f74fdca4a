// Hand-written REF01 interchanges in MedCom XML and small PDFs for the DSJ rule tests.
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const NS = 'http://rep.oio.dk/medcom.dk/xml/schemas/2004/06/01/';
export const JOURNAL_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const ANSWERS_ID = '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';

export interface FixtureObject {
  id: string;
  description?: string;
  objectCode?: string;
  extension?: string;
  /** OriginalObjectSize in the reference; defaults to the byte length. */
  size?: string;
  bytes: Uint8Array;
  /** Leave the BinaryObject out (a dangling reference). */
  missing?: boolean;
}

const bin = (o: FixtureObject) =>
  `<ObjectIdentifier>${o.id}</ObjectIdentifier><ObjectCode>${o.objectCode ?? 'proprietaert_indhold'}</ObjectCode>` +
  `<ObjectExtensionCode>${o.extension ?? 'pdf'}</ObjectExtensionCode><OriginalObjectSize>${o.size ?? String(o.bytes.length)}</OriginalObjectSize>`;

export function interchangeXml(
  objects: FixtureObject[],
  options: {
    versionCode?: string;
    diagnosis?: string;
    receiverEan?: string;
    namespace?: string;
    acknowledgementCode?: string;
    binaryVersionCode?: string;
    binaryIdentifier?: string;
    givenName?: string;
  } = {},
): string {
  const party = (ean: string, id: string, code: string, name: string) =>
    `<EANIdentifier>${ean}</EANIdentifier><Identifier>${id}</Identifier><IdentifierCode>${code}</IdentifierCode><OrganisationName>${name}</OrganisationName>`;
  const diagnosis = options.diagnosis ?? 'DZ349';
  return `<?xml version="1.0" encoding="UTF-8"?>
<Emessage xmlns="${options.namespace ?? NS}">
  <Envelope><Sent><Date>2026-03-02</Date><Time>10:15</Time></Sent><Identifier>DSJ00000000042</Identifier><AcknowledgementCode>${options.acknowledgementCode ?? 'plustilkendegivelse'}</AcknowledgementCode></Envelope>
  <HospitalReferral>
    <Letter><Identifier>DSJ00000000042</Identifier><VersionCode>${options.versionCode ?? 'XH0130R'}</VersionCode><StatisticalCode>REF01</StatisticalCode><Authorisation><Date>2026-03-02</Date><Time>10:15</Time></Authorisation><TypeCode>XREF01</TypeCode><StatusCode>nytbrev</StatusCode></Letter>
    <Sender>${party('5790000147465', '045861', 'ydernummer', 'Agerskov lægepraksis')}</Sender>
    <Receiver>${party(options.receiverEan ?? '5790001382018', '9901011', 'sygehusafdelingsnummer', 'Testfødested Syd (certbench)')}<DepartmentName>Fødeafdelingen</DepartmentName></Receiver>
    <Patient><CivilRegistrationNumber>0201919990</CivilRegistrationNumber><PersonSurnameName>Lauridsen</PersonSurnameName><PersonGivenName>${options.givenName ?? 'Else Test'}</PersonGivenName></Patient>
    ${diagnosis ? `<Referral><Refer><DiagnoseCode>${diagnosis}</DiagnoseCode><DiagnoseTypeCode>SKSdiagnosekode</DiagnoseTypeCode><DiagnoseText>Kontrol af normal graviditet</DiagnoseText></Refer></Referral>` : ''}
    ${objects.map((o) => `<Reference><RefDescription>${o.description ?? 'Svangerskabsjournal'}</RefDescription><BIN>${bin(o)}</BIN></Reference>`).join('\n    ')}
  </HospitalReferral>
  <BinaryLetter>
    <Letter><Identifier>${options.binaryIdentifier ?? 'DSJ0000000004B'}</Identifier><VersionCode>${options.binaryVersionCode ?? 'XB0130X'}</VersionCode><StatisticalCode>BIN01</StatisticalCode><Authorisation><Date>2026-03-02</Date><Time>10:15</Time></Authorisation><TypeCode>XBIN01</TypeCode><StatusCode>nytbrev</StatusCode></Letter>
    <Patient><CivilRegistrationNumber>0201919990</CivilRegistrationNumber><PersonSurnameName>Lauridsen</PersonSurnameName></Patient>
    ${objects
      .filter((o) => !o.missing)
      .map(
        (o) =>
          `<BinaryObject>${bin(o)}<Object_Base64Encoded>${Buffer.from(o.bytes).toString('base64')}</Object_Base64Encoded></BinaryObject>`,
      )
      .join('\n    ')}
  </BinaryLetter>
</Emessage>`;
}

/** A one-page PDF with these lines of text. */
export async function pdfWith(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((text, i) => page.drawText(text, { x: 40, y: 800 - i * 14, size: 10, font }));
  return pdf.save();
}
