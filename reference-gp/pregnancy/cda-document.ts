// CDA binding, writing: a GMv2 document as HL7 CDA R2 with the header MedCom's Danish CDA profiles share. The
// GMv2 templates are not public (addendum §C.2): the templateId and the body layout (one section, observations
// with their components as COMP entryRelationships, a fetus as SBJ participant) are certbench's provisional choice.
import { escapeHtml } from '../diagnosekort/narrative.ts';
import { fullName } from '../test-data.ts';
import { GMV2, OBSERVATION_CODE_SYSTEM, OID } from './codes.ts';
import { valueText, type GmValue } from './model.ts';
import type { GmDocumentSpec, GmEntrySpec } from './spec.ts';

const CODE_SYSTEM = OBSERVATION_CODE_SYSTEM.cda;
const { cpr: CPR_OID, sor: SOR_OID, fetus: FETUS_OID, medcom: MEDCOM_OID } = OID;
/** Provisional template id: MedCom's OID with the document type (the approved templates are not public). */
export const TEMPLATE_ID = (kind: string) => ({ root: MEDCOM_OID, extension: kind });

/** Escapes text and attribute values alike (XML's five predefined entities). */
const xml = escapeHtml;

/**
 * An ISO 8601 date or Danish dateTime as an HL7 v3 TS (`2025-04-22T10:15:00.123+02:00` → `20250422101500.123+0200`):
 * the digits in order. Enough for what the reference GP writes: dates, and times with +01:00/+02:00 (never Z or a
 * negative offset, whose minus sign this would drop).
 */
export const hl7Ts = (iso: string): string => iso.replace(/[-:T]/g, '');

const pq = (tag: string, q: { value: number; unit: string }, type = ''): string =>
  `<${tag}${type} value="${q.value}" unit="${xml(q.unit)}"/>`;

function valueElement(value: GmValue | undefined): string {
  if (!value) return '';
  switch (value.type) {
    case 'quantity':
      return pq('value', value.quantity, ' xsi:type="PQ"');
    case 'interval':
      // Stryker disable next-line ConditionalExpression: every interval the GP writes has both ends (a fault drops one)
      return `<value xsi:type="IVL_PQ">${value.low ? pq('low', value.low) : ''}${value.high ? pq('high', value.high) : ''}</value>`;
    case 'dateTime':
      return `<value xsi:type="TS" value="${hl7Ts(value.value)}"/>`;
    case 'boolean':
      return `<value xsi:type="BL" value="${value.value}"/>`;
    case 'integer':
      return `<value xsi:type="INT" value="${value.value}"/>`;
    case 'string':
      return `<value xsi:type="ST">${xml(value.value)}</value>`;
    case 'coded':
      return `<value xsi:type="CD"><originalText>${xml(value.text)}</originalText></value>`;
  }
}

function observation(entry: GmEntrySpec): string {
  const components = (entry.components ?? [])
    .map(
      (c) =>
        `<entryRelationship typeCode="COMP"><observation classCode="OBS" moodCode="EVN"><code code="${c.code}" codeSystem="${CODE_SYSTEM}" displayName="${xml(c.display)}"/><statusCode code="completed"/>${valueElement(c.value)}</observation></entryRelationship>`,
    )
    .join('');
  const fetus =
    entry.fetus === undefined
      ? ''
      : `<participant typeCode="SBJ"><participantRole><id root="${FETUS_OID}" extension="${xml(entry.fetus)}"/><code code="CHILD" codeSystem="2.16.840.1.113883.5.111"/></participantRole></participant>`;
  return `<entry><observation classCode="OBS" moodCode="EVN"><code code="${entry.code}" codeSystem="${CODE_SYSTEM}" displayName="${xml(entry.display)}"/><statusCode code="completed"/><effectiveTime value="${hl7Ts(entry.effective)}"/>${valueElement(entry.value)}${fetus}${components}</observation></entry>`;
}

/** The human-readable section text: one row per entry (CDA requires a narrative block). */
function narrative(spec: GmDocumentSpec): string {
  const rows = spec.entries
    .map((e) => {
      const parts = [
        valueText(e.value),
        ...(e.components ?? []).map((c) => `${c.display}: ${valueText(c.value)}`),
      ];
      return `<tr><td>${xml(e.display)}</td><td>${xml(e.effective.slice(0, 10))}</td><td>${xml(parts.filter(Boolean).join('; '))}</td></tr>`;
    })
    .join('');
  return `<text><table><thead><tr><th>Element</th><th>Dato</th><th>Værdi</th></tr></thead><tbody>${rows}</tbody></table></text>`;
}

export function buildCdaDocument(spec: GmDocumentSpec): string {
  const type = GMV2.documentTypes[spec.kind];
  const template = TEMPLATE_ID(spec.kind);
  const p = spec.patient;
  const organization = `<id root="${SOR_OID}" extension="${xml(spec.author.sor)}"/><name>${xml(spec.author.name)}</name>`;
  // Stryker disable all: the GP system has no official pregnancy id (only a fault sets one): fault-only code
  const episode = spec.pregnancyId
    ? `<componentOf><encompassingEncounter><id root="${xml(spec.pregnancyId.system)}" extension="${xml(spec.pregnancyId.value)}"/><effectiveTime value="${hl7Ts(spec.time)}"/></encompassingEncounter></componentOf>`
    : '';
  // Stryker restore all
  return [
    // Stryker disable next-line StringLiteral: the XML declaration is optional for UTF-8 (XML 1.0 §4.3.3)
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" classCode="DOCCLIN" moodCode="EVN">',
    '<realmCode code="DK"/>',
    `<typeId root="${GMV2.cdaTypeId.root}" extension="${GMV2.cdaTypeId.extension}"/>`,
    `<templateId root="${template.root}" extension="${template.extension}"/>`,
    `<id root="${spec.documentId}"/>`,
    `<code code="${spec.kind}" codeSystem="${MEDCOM_OID}" displayName="${xml(type.typeDisplay)}"/>`,
    `<title>${xml(type.title)}</title>`,
    `<effectiveTime value="${hl7Ts(spec.time)}"/>`,
    `<confidentialityCode code="N" codeSystem="${OID.confidentiality}"/>`,
    '<languageCode code="da-DK"/>',
    `<setId root="${spec.setId}"/>`,
    `<versionNumber value="${spec.version}"/>`,
    `<recordTarget><patientRole><id root="${CPR_OID}" extension="${p.cpr}"/><patient><name>${p.given.map((g) => `<given>${xml(g)}</given>`).join('')}<family>${xml(p.family)}</family></name><administrativeGenderCode code="${p.gender === 'female' ? 'F' : 'M'}" codeSystem="2.16.840.1.113883.5.1"/><birthTime value="${p.birthDate.replace(/-/g, '')}"/></patient></patientRole></recordTarget>`,
    `<author><time value="${hl7Ts(spec.time)}"/><assignedAuthor><id root="${SOR_OID}" extension="${xml(spec.author.sor)}"/><representedOrganization>${organization}</representedOrganization></assignedAuthor></author>`,
    `<custodian><assignedCustodian><representedCustodianOrganization>${organization}</representedCustodianOrganization></assignedCustodian></custodian>`,
    episode,
    `<component><structuredBody><component><section><title>${xml(type.title)} for ${xml(fullName(p))}</title>${narrative(spec)}${spec.entries.map(observation).join('')}</section></component></structuredBody></component>`,
    '</ClinicalDocument>',
    // Stryker disable next-line StringLiteral: line breaks between the header elements are insignificant whitespace
  ].join('\n');
}
