// Reads a MedCom XML interchange (Emessage) carrying a REF01 sygehushenvisning (HospitalReferral) and its binary
// attachments (BinaryLetter/BinaryObject), after MedCom's XML schemas of 2004-06-01 (EMessage.xsd, Reference.xsd,
// B.xsd; shared/domain/medcom-standards-addendum.md §C.3). Never judges: it only turns the XML into plain values.
import { DOMParser, type Element } from '@xmldom/xmldom';

export const MEDCOM_XML_NAMESPACE = 'http://rep.oio.dk/medcom.dk/xml/schemas/2004/06/01/';

export interface Party {
  ean?: string;
  identifier?: string;
  identifierCode?: string;
  organisationName?: string;
  departmentName?: string;
}

export interface ReferenceView {
  description?: string;
  kind: 'BIN' | 'URL' | 'SUP' | 'none';
  objectIdentifier?: string;
  objectCode?: string;
  extensionCode?: string;
  originalSize?: string;
}

export interface BinaryObjectView {
  objectIdentifier?: string;
  objectCode?: string;
  extensionCode?: string;
  originalSize?: string;
  base64?: string;
}

export interface Ref01Referral {
  letter: LetterView;
  sender: Party;
  receiver: Party;
  patient: { cpr?: string; surname?: string; given?: string };
  diagnoses: { code?: string; typeCode?: string; text?: string }[];
  references: ReferenceView[];
}

/** A Letter element: its identifier and MedCom codes. */
export interface LetterView {
  identifier?: string;
  versionCode?: string;
  statisticalCode?: string;
  typeCode?: string;
  statusCode?: string;
}

export interface BinaryLetterView {
  letter: LetterView;
  patientCpr?: string;
  receiverEan?: string;
  objects: BinaryObjectView[];
}

export interface Ref01Interchange {
  rootName: string;
  namespace: string | null;
  envelope: { identifier?: string; sentDate?: string; sentTime?: string; acknowledgementCode?: string };
  referrals: Ref01Referral[];
  binaryLetters: BinaryLetterView[];
}

/** Parses the interchange; throws when the body is not well-formed XML. */
export function readInterchange(xml: string): Ref01Interchange {
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(xml, 'text/xml');
  const root = document.documentElement;
  if (!root) throw new Error('no root element');
  const envelope = child(root, 'Envelope');
  const sent = envelope ? child(envelope, 'Sent') : undefined;
  return {
    rootName: root.localName ?? root.nodeName,
    namespace: root.namespaceURI,
    envelope: {
      identifier: text(envelope, 'Identifier'),
      sentDate: text(sent, 'Date'),
      sentTime: text(sent, 'Time'),
      acknowledgementCode: text(envelope, 'AcknowledgementCode'),
    },
    referrals: children(root, 'HospitalReferral').map(readReferral),
    binaryLetters: children(root, 'BinaryLetter').map((letter) => ({
      letter: readLetter(child(letter, 'Letter')),
      patientCpr: text(child(letter, 'Patient'), 'CivilRegistrationNumber'),
      receiverEan: text(child(letter, 'Receiver'), 'EANIdentifier'),
      objects: children(letter, 'BinaryObject').map((o) => ({
        ...objectFields(o),
        base64: text(o, 'Object_Base64Encoded'),
      })),
    })),
  };
}

function readLetter(letter: Element | undefined): LetterView {
  return {
    identifier: text(letter, 'Identifier'),
    versionCode: text(letter, 'VersionCode'),
    statisticalCode: text(letter, 'StatisticalCode'),
    typeCode: text(letter, 'TypeCode'),
    statusCode: text(letter, 'StatusCode'),
  };
}

function readReferral(referral: Element): Ref01Referral {
  const patient = child(referral, 'Patient');
  return {
    letter: readLetter(child(referral, 'Letter')),
    sender: readParty(child(referral, 'Sender')),
    receiver: readParty(child(referral, 'Receiver')),
    patient: {
      cpr: text(patient, 'CivilRegistrationNumber'),
      surname: text(patient, 'PersonSurnameName'),
      given: text(patient, 'PersonGivenName'),
    },
    diagnoses: children(child(referral, 'Referral'), 'Refer').map((d) => ({
      code: text(d, 'DiagnoseCode'),
      typeCode: text(d, 'DiagnoseTypeCode'),
      text: text(d, 'DiagnoseText'),
    })),
    references: children(referral, 'Reference').map(readReference),
  };
}

function readParty(party: Element | undefined): Party {
  return {
    ean: text(party, 'EANIdentifier'),
    identifier: text(party, 'Identifier'),
    identifierCode: text(party, 'IdentifierCode'),
    organisationName: text(party, 'OrganisationName'),
    departmentName: text(party, 'DepartmentName'),
  };
}

function readReference(reference: Element): ReferenceView {
  const bin = child(reference, 'BIN');
  const description = text(reference, 'RefDescription');
  const base = description === undefined ? {} : { description };
  if (bin) return { ...base, kind: 'BIN', ...objectFields(bin) };
  if (child(reference, 'URL')) return { ...base, kind: 'URL' };
  if (child(reference, 'SUP')) return { ...base, kind: 'SUP' };
  return { ...base, kind: 'none' };
}

/** What a BIN reference and the binary object it points at both state about the object. */
function objectFields(element: Element): Omit<BinaryObjectView, 'base64'> {
  return {
    objectIdentifier: text(element, 'ObjectIdentifier'),
    objectCode: text(element, 'ObjectCode'),
    extensionCode: text(element, 'ObjectExtensionCode'),
    originalSize: text(element, 'OriginalObjectSize'),
  };
}

function children(parent: Element | undefined, name: string): Element[] {
  if (!parent) return [];
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling)
    if (node.nodeType === node.ELEMENT_NODE && (node as Element).localName === name)
      found.push(node as Element);
  return found;
}

function child(parent: Element | undefined, name: string): Element | undefined {
  return children(parent, name)[0];
}

function text(parent: Element | undefined, name: string): string | undefined {
  const element = child(parent, name);
  return element ? (element.textContent ?? '').trim() : undefined;
}
