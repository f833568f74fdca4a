/** Danish identifier systems and formats (shared/domain/medcom-standards.md §1.1). */
export const SYSTEM = {
  cpr: 'urn:oid:1.2.208.176.1.2',
  xEcpr: 'urn:oid:1.2.208.176.1.6.1.1',
  sor: 'urn:oid:1.2.208.176.1.1',
  ydernummer: 'urn:oid:1.2.208.176.1.4',
  sksD: 'urn:oid:1.2.208.176.2.4.12',
  icpc2: 'urn:oid:1.2.208.176.2.31',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
} as const;

/** dk-core CPR: DDMM with a valid day for the month, then 6 digits; no modulus-11 (test CPRs fail it by design). */
export const CPR_PATTERN =
  /^((((0[1-9]|1[0-9]|2[0-9]|3[0-1])(01|03|05|07|08|10|12))|((0[1-9]|1[0-9]|2[0-9]|30)(04|06|09|11))|((0[1-9]|1[0-9]|2[0-9])(02)))[0-9]{6})$/;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID, alone or as `urn:uuid:<uuid>`. */
export function isUuidValue(value: unknown): boolean {
  return typeof value === 'string' && UUID_PATTERN.test(value.replace(/^urn:uuid:/, ''));
}

/** SOR ids are at least 11 digits (dk-core SORIdentifier). */
export const SOR_PATTERN = /^[0-9]{11,}$/;
