// Rules for the REF01 sygehushenvisning that carries the DSJ forms to the birthplace (addendum §C.1, §C.3, §C.4):
// letter codes from MedCom's XML form of REF01 (VersionCode XH0130R, StatisticalCode REF01, TypeCode XREF01,
// StatusCode nytbrev), parties, patient and referral diagnosis.
import { CPR_PATTERN } from '../../fhir/identifiers.ts';
import { MEDCOM_XML_NAMESPACE, type LetterView, type Ref01Interchange, type Ref01Referral } from './ref01.ts';

export interface Birthplace {
  ref: string;
  name: string;
  department: string;
  ean: string;
  /** Sygehusafdelingsnummer (SHAK code) of the receiving visitation. */
  shak: string;
}

/**
 * The letter codes a REF01 in MedCom XML carries, each with the values accepted. VersionCode: XH0130R is the XML
 * form in the public 2004-06-01 schemas; MedCom's approved-systems register lists REF01 version H0131R, whose XML
 * form is presumably XH0131R. Both are accepted until MedCom confirms (provisional).
 */
export const LETTER_CODES = {
  versionCode: ['XH0130R', 'XH0131R'],
  statisticalCode: ['REF01'],
  typeCode: ['XREF01'],
  statusCode: ['nytbrev'],
} as const satisfies Record<string, readonly string[]>;

/**
 * The Letter of a BinaryLetter (MEDBIN): MedCom's B.xsd of 2004-06-01 restricts VersionCode to XB0130X, TypeCode to
 * XBIN01 and StatusCode to nytbrev; StatisticalCode is a String_1_8 and Identifier a String_1_14 (public copy in
 * glasdam/edifact_converter, data/xml/Schemas/2004/06/01/B.xsd; addendum source caveat).
 */
export const BINARY_LETTER_CODES = {
  versionCode: ['XB0130X'],
  typeCode: ['XBIN01'],
  statusCode: ['nytbrev'],
} as const satisfies Record<string, readonly string[]>;

/** GS1 GLN: 13 digits with a mod-10 check digit (dk-core GLNIdentifier). */
export function isGln(value: string | undefined): boolean {
  if (!value || !/^\d{13}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 12).reduce((s, d, i) => s + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

/** The interchange is a MedCom Emessage with exactly one HospitalReferral. */
export function oneReferral(interchange: Ref01Interchange): string[] {
  const problems: string[] = [];
  if (interchange.rootName !== 'Emessage')
    problems.push(`root element is ${interchange.rootName}, expected Emessage`);
  if (interchange.namespace !== MEDCOM_XML_NAMESPACE)
    problems.push(`namespace is ${interchange.namespace ?? '(none)'}, expected ${MEDCOM_XML_NAMESPACE}`);
  if (interchange.referrals.length !== 1)
    problems.push(`expected exactly one HospitalReferral, found ${interchange.referrals.length}`);
  return problems;
}

export function receiverProblems(referral: Ref01Referral, birthplace: Birthplace): string[] {
  const r = referral.receiver;
  const problems: string[] = [];
  if (r.ean !== birthplace.ean)
    problems.push(
      `Receiver EANIdentifier is "${r.ean ?? ''}", expected ${birthplace.ean} (${birthplace.name})`,
    );
  if (r.identifier !== birthplace.shak || r.identifierCode !== 'sygehusafdelingsnummer')
    problems.push(
      `Receiver Identifier is "${r.identifier ?? ''}" (${r.identifierCode ?? 'no IdentifierCode'}), expected ${birthplace.shak} (sygehusafdelingsnummer)`,
    );
  return problems;
}

/** Each coded element of a Letter against the values accepted. */
function codeProblems(
  where: string,
  letter: LetterView,
  codes: Partial<Record<keyof LetterView, readonly string[]>>,
): string[] {
  return Object.entries(codes).flatMap(([key, expected]) => {
    const found = letter[key as keyof LetterView];
    const element = key[0]?.toUpperCase() + key.slice(1);
    return expected.includes(found ?? '')
      ? []
      : [`${where}/${element} is "${found ?? ''}", expected ${expected.join(' or ')}`];
  });
}

function lengthProblem(where: string, value: string | undefined, max: number): string[] {
  return value && value.length <= max
    ? []
    : [`${where} must have 1–${max} characters, found "${value ?? ''}"`];
}

export function letterProblems(interchange: Ref01Interchange, referral: Ref01Referral): string[] {
  const problems = [
    ...codeProblems('Letter', referral.letter, LETTER_CODES),
    ...lengthProblem('Envelope/Identifier', interchange.envelope.identifier, 14),
    ...lengthProblem('Letter/Identifier', referral.letter.identifier, 14),
    // EMessage.xsd: the Envelope's AcknowledgementCode is mandatory.
    ...(interchange.envelope.acknowledgementCode ? [] : ['Envelope/AcknowledgementCode is missing or empty']),
    ...interchange.binaryLetters.flatMap((b, i) => {
      const where = `BinaryLetter ${i + 1}/Letter`;
      return [
        ...codeProblems(where, b.letter, BINARY_LETTER_CODES),
        ...lengthProblem(`${where}/Identifier`, b.letter.identifier, 14),
        ...lengthProblem(`${where}/StatisticalCode`, b.letter.statisticalCode, 8),
      ];
    }),
  ];
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(interchange.envelope.sentDate ?? '') ||
    !/^\d{2}:\d{2}$/.test(interchange.envelope.sentTime ?? '')
  )
    problems.push(
      `Envelope/Sent must be Date YYYY-MM-DD and Time hh:mm, found "${interchange.envelope.sentDate ?? ''}" "${interchange.envelope.sentTime ?? ''}"`,
    );
  return problems;
}

export function senderProblems(referral: Ref01Referral): string[] {
  const s = referral.sender;
  const problems: string[] = [];
  if (!isGln(s.ean))
    problems.push(`Sender EANIdentifier "${s.ean ?? ''}" is not a GLN (13 digits, GS1 check digit)`);
  if (s.identifierCode !== 'ydernummer' || !/^\d{6}$/.test(s.identifier ?? ''))
    problems.push(
      `Sender must be identified by ydernummer (6 digits), found "${s.identifier ?? ''}" (${s.identifierCode ?? 'no IdentifierCode'})`,
    );
  if (!s.organisationName) problems.push('Sender OrganisationName is missing');
  return problems;
}

/**
 * Where PersonGivenName is given, each of its words is one of the person's names (all given names, or fewer; a
 * middle name may stand with the surname), so names run together or another person's are a failure.
 */
export function patientProblems(
  referral: Ref01Referral,
  cpr: string,
  family: string,
  names: readonly string[],
): string[] {
  const p = referral.patient;
  const problems: string[] = [];
  if (p.cpr !== cpr) problems.push(`Patient CivilRegistrationNumber is "${p.cpr ?? ''}", expected ${cpr}`);
  else if (!CPR_PATTERN.test(p.cpr))
    problems.push(`Patient CivilRegistrationNumber "${p.cpr}" is not a CPR number`);
  if (p.surname !== family)
    problems.push(`Patient PersonSurnameName is "${p.surname ?? ''}", expected ${family}`);
  const unknown = (p.given ?? '').split(/\s+/).filter((w) => w !== '' && !names.includes(w));
  if (unknown.length > 0)
    problems.push(
      `Patient PersonGivenName "${p.given ?? ''}" has ${unknown.map((w) => `"${w}"`).join(', ')}, not a name of ${names.join(' ')}`,
    );
  return problems;
}

/**
 * The referral diagnosis: an SKS-D code for a pregnancy-related encounter (ICD-10 chapter XXI Z30–Z39, e.g. DZ349
 * "Kontrol af normal graviditet") or ICPC-2 W78 (graviditet). Which code DSJ uses is not public (provisional).
 */
export function diagnosisProblems(referral: Ref01Referral): string[] {
  const refer = referral.diagnoses[0];
  if (!refer) return ['the referral has no Referral/Refer diagnosis'];
  const sks = refer.typeCode === 'SKSdiagnosekode' && /^DZ3\d/.test(refer.code ?? '');
  const icpc = refer.typeCode === 'ICPCkode' && /^W78/.test(refer.code ?? '');
  const problems: string[] = [];
  if (!sks && !icpc)
    problems.push(
      `Refer/DiagnoseCode "${refer.code ?? ''}" (${refer.typeCode ?? 'no DiagnoseTypeCode'}) is not a pregnancy diagnosis (SKSdiagnosekode DZ30–DZ39 or ICPCkode W78)`,
    );
  if (!refer.text) problems.push('Refer/DiagnoseText is missing');
  return problems;
}
