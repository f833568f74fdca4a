// The REF01 sygehushenvisning that carries the svangre forms to the birthplace, in MedCom's XML form: an Emessage
// with the HospitalReferral (XH0130R) and a BinaryLetter (XB0130X) holding the PDF files, each referenced from the
// referral by its object identifier (MedCom XML schemas 2004-06-01, addendum §C.3).
import { randomUUID } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import type { PatientRecord } from '../state.ts';
import { PRACTICE } from '../test-data.ts';
import type { Birthplace } from './records.ts';

const NAMESPACE = 'http://rep.oio.dk/medcom.dk/xml/schemas/2004/06/01/';
/** Agerskov lægepraksis's EAN location number (medcom-standards.md §1.3). */
export const PRACTICE_EAN = '5790000147465';

export interface OutgoingAttachment {
  description: string;
  id: string;
  objectCode: string;
  extension: string;
  size: string;
  bytes: Uint8Array;
}

export interface LetterCodes {
  identifier: string;
  versionCode: string;
  statisticalCode: string;
  typeCode: string;
  statusCode: string;
}

export interface OutgoingReferral {
  identifier: string;
  sent: { date: string; time: string };
  /** Envelope/AcknowledgementCode: the sender asks for a positive receipt. */
  acknowledgementCode: string;
  letter: Omit<LetterCodes, 'identifier'>;
  /** The BinaryLetter's own Letter (MedCom B.xsd: VersionCode XB0130X, TypeCode XBIN01, StatusCode nytbrev). */
  binaryLetter: LetterCodes;
  sender: { ean: string; identifier: string; identifierCode: string; name: string };
  receiver: { ean: string; identifier: string; identifierCode: string; name: string; department: string };
  patient: { cpr: string; surname: string; given: string };
  diagnosis?: { code: string; typeCode: string; text: string };
  /** What the referral references. */
  attachments: OutgoingAttachment[];
  /** What the BinaryLetter carries (the same files, unless a fault interferes). */
  binaries: OutgoingAttachment[];
}

export function attachment(description: string, bytes: Uint8Array): OutgoingAttachment {
  return {
    description,
    id: randomUUID(),
    objectCode: 'proprietaert_indhold',
    extension: 'pdf',
    size: String(bytes.length),
    bytes,
  };
}

export function buildReferral(
  patient: PatientRecord,
  birthplace: Birthplace,
  identifier: string,
  sent: { date: string; time: string },
  attachments: OutgoingAttachment[],
): OutgoingReferral {
  const person = patient.patient;
  return {
    identifier,
    sent,
    acknowledgementCode: 'plustilkendegivelse',
    letter: { versionCode: 'XH0130R', statisticalCode: 'REF01', typeCode: 'XREF01', statusCode: 'nytbrev' },
    binaryLetter: {
      identifier: `${identifier.slice(0, 13)}B`,
      versionCode: 'XB0130X',
      statisticalCode: 'BIN01',
      typeCode: 'XBIN01',
      statusCode: 'nytbrev',
    },
    sender: {
      ean: PRACTICE_EAN,
      identifier: PRACTICE.ydernummer,
      identifierCode: 'ydernummer',
      name: PRACTICE.name,
    },
    receiver: {
      ean: birthplace.ean,
      identifier: birthplace.shak,
      identifierCode: 'sygehusafdelingsnummer',
      name: birthplace.name,
      department: birthplace.department,
    },
    patient: { cpr: person.cpr, surname: person.family, given: person.given.join(' ') },
    diagnosis: { code: 'DZ349', typeCode: 'SKSdiagnosekode', text: 'Kontrol af normal graviditet' },
    attachments,
    binaries: [...attachments],
  };
}

const binaryFields = (a: OutgoingAttachment) => ({
  ObjectIdentifier: a.id,
  ObjectCode: a.objectCode,
  ObjectExtensionCode: a.extension,
  OriginalObjectSize: a.size,
});

export function referralXml(r: OutgoingReferral): string {
  const dateTime = { Date: r.sent.date, Time: r.sent.time };
  const patient = {
    CivilRegistrationNumber: r.patient.cpr,
    PersonSurnameName: r.patient.surname,
    PersonGivenName: r.patient.given,
  };
  const sender = {
    EANIdentifier: r.sender.ean,
    Identifier: r.sender.identifier,
    IdentifierCode: r.sender.identifierCode,
    OrganisationName: r.sender.name,
  };
  const receiver = {
    EANIdentifier: r.receiver.ean,
    Identifier: r.receiver.identifier,
    IdentifierCode: r.receiver.identifierCode,
    OrganisationName: r.receiver.name,
    DepartmentName: r.receiver.department,
  };
  const message = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Emessage: {
      '@_xmlns': NAMESPACE,
      Envelope: {
        Sent: dateTime,
        Identifier: r.identifier,
        AcknowledgementCode: r.acknowledgementCode,
      },
      HospitalReferral: {
        Letter: {
          Identifier: r.identifier,
          VersionCode: r.letter.versionCode,
          StatisticalCode: r.letter.statisticalCode,
          Authorisation: dateTime,
          TypeCode: r.letter.typeCode,
          StatusCode: r.letter.statusCode,
        },
        Sender: sender,
        Receiver: receiver,
        Patient: patient,
        AdditionalInformation: { Priority: 'elektiv', ReferralStatus: 'ambulant' },
        ...(r.diagnosis
          ? {
              Referral: {
                Refer: {
                  DiagnoseCode: r.diagnosis.code,
                  DiagnoseTypeCode: r.diagnosis.typeCode,
                  DiagnoseText: r.diagnosis.text,
                },
              },
            }
          : {}),
        Reference: r.attachments.map((a) => ({ RefDescription: a.description, BIN: binaryFields(a) })),
      },
      BinaryLetter: {
        Letter: {
          Identifier: r.binaryLetter.identifier,
          VersionCode: r.binaryLetter.versionCode,
          StatisticalCode: r.binaryLetter.statisticalCode,
          Authorisation: dateTime,
          TypeCode: r.binaryLetter.typeCode,
          StatusCode: r.binaryLetter.statusCode,
        },
        Sender: sender,
        Receiver: receiver,
        Patient: patient,
        BinaryObject: r.binaries.map((a) => ({
          ...binaryFields(a),
          Object_Base64Encoded: Buffer.from(a.bytes).toString('base64'),
        })),
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true }).build(message);
}
