// CDA binding, header rules common to MedCom's Danish CDA profiles (PHMR, QRD, APD …), applied to GMv2 CDA
// documents. The GMv2 template ids themselves are not public: the template rule only asks for one well-formed.
import { danishOffsetAt } from '../../fhir/datetime.ts';
import { UUID_PATTERN } from '../../fhir/identifiers.ts';
import type { CdaHeader } from './cda-reader.ts';
import { tsToIso } from './cda-time.ts';
import { CDA_TYPE_ID, CONFIDENTIALITY_OID, CPR_OID, SOR_OID } from './codes.ts';

const OID = /^[0-2](\.(0|[1-9]\d*))+$/;
const isIdRoot = (root: string): boolean => OID.test(root) || UUID_PATTERN.test(root);

/** typeId POCD_HD000040, realm DK and at least one templateId with an OID root. */
export function declaresCdaStandard(header: CdaHeader): string[] {
  const problems: string[] = [];
  if (header.typeId.root !== CDA_TYPE_ID.root || header.typeId.extension !== CDA_TYPE_ID.extension)
    problems.push(
      `typeId is ${JSON.stringify(header.typeId)}, expected root ${CDA_TYPE_ID.root} extension ${CDA_TYPE_ID.extension}`,
    );
  if (header.realmCode !== 'DK')
    problems.push(`realmCode is ${JSON.stringify(header.realmCode)}, expected "DK"`);
  if (!header.templateIds.some((t) => OID.test(t.system)))
    problems.push(`no templateId with an OID root (found ${JSON.stringify(header.templateIds)})`);
  return problems;
}

/** id, setId and versionNumber: a unique id, a version set, and a positive version number. */
export function cdaIdentity(header: CdaHeader): string[] {
  const problems: string[] = [];
  if (!header.id || !isIdRoot(header.id.system))
    problems.push(`id is ${JSON.stringify(header.id)}, expected a root OID or UUID`);
  if (!header.setId || !isIdRoot(header.setId.system))
    problems.push(`setId is ${JSON.stringify(header.setId)}, expected a root OID or UUID`);
  if (!/^[1-9]\d*$/.test(header.versionNumber ?? ''))
    problems.push(`versionNumber is ${JSON.stringify(header.versionNumber)}, expected a positive integer`);
  if (
    header.id &&
    header.setId &&
    header.id.system === header.setId.system &&
    header.id.value === header.setId.value &&
    header.versionNumber !== '1'
  )
    problems.push('a later version has the id of its version set: each version needs its own id');
  return problems;
}

/** effectiveTime YYYYMMDDHHMMSS±ZZZZ with the Danish offset at that instant. */
export function cdaEffectiveTime(header: CdaHeader): string[] {
  const ts = header.effectiveTime;
  if (ts === undefined) return ['effectiveTime is missing'];
  if (!/^\d{14}(\.\d+)?[+-]\d{4}$/.test(ts))
    return [`effectiveTime ${JSON.stringify(ts)} needs seconds and a zone (YYYYMMDDHHMMSS±ZZZZ)`];
  const iso = tsToIso(ts);
  const expected = danishOffsetAt(new Date(iso)).replace(':', '');
  return ts.endsWith(expected)
    ? []
    : [`effectiveTime ${ts} has offset ${ts.slice(-5)}, expected the Danish ${expected}`];
}

/** confidentialityCode N (HL7 Confidentiality) and languageCode da-DK. */
export function cdaConfidentialityAndLanguage(header: CdaHeader): string[] {
  const problems: string[] = [];
  if (header.confidentialityCode !== 'N' || header.confidentialitySystem !== CONFIDENTIALITY_OID)
    problems.push(
      `confidentialityCode is ${JSON.stringify(header.confidentialitySystem)}|${JSON.stringify(header.confidentialityCode)}, expected ${CONFIDENTIALITY_OID}|N`,
    );
  if (header.languageCode !== 'da-DK')
    problems.push(`languageCode is ${JSON.stringify(header.languageCode)}, expected "da-DK"`);
  return problems;
}

/** The custodian is an organisation identified by a SOR id (the author's SOR is a content rule). */
export function cdaCustodian(header: CdaHeader): string[] {
  const sor = header.custodianIds.filter((i) => i.system === SOR_OID && /^\d{11,}$/.test(i.value));
  return sor.length === 1
    ? []
    : [`custodian has ids ${JSON.stringify(header.custodianIds)}, expected one SOR id (root ${SOR_OID})`];
}

/** recordTarget carries the CPR with root 1.2.208.176.1.2 (the CPR value itself is a content rule). */
export function cdaRecordTarget(header: CdaHeader): string[] {
  return header.patientIds.some((i) => i.system === CPR_OID)
    ? []
    : [
        `recordTarget/patientRole/id has no CPR (root ${CPR_OID}); found ${JSON.stringify(header.patientIds)}`,
      ];
}
