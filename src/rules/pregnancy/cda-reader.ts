// CDA binding, reading: a GMv2 CDA document (HL7 CDA R2, namespace urn:hl7-org:v3) to the format-neutral model,
// plus the header fields MedCom's Danish CDA profiles share. The GMv2 CDA templates are not public (addendum §C.2):
// the body layout read here (observations with components as COMP entryRelationships, the fetus as an SBJ
// participant) is certbench's provisional reading, see protocols/vandrejournal-maalinger.yaml.
import { tsToIso } from './cda-time.ts';
import type {
  GmComponent,
  GmDocument,
  GmEntry,
  GmIdentifier,
  GmQuantity,
  GmValue,
  ReadDocument,
} from './model.ts';
import { sliceOf } from './slices.ts';
import { nodes, parseXml, valueAt, valuesAt, type XmlNode } from './xml.ts';

/** The CDA header as written, for the header rules (cda-header-rules.ts). */
export interface CdaHeader {
  rootName: string;
  rootNamespace: string;
  realmCode?: string;
  typeId: { root?: string; extension?: string };
  templateIds: GmIdentifier[];
  id?: GmIdentifier;
  code: { code?: string; codeSystem?: string };
  title?: string;
  /** As written (HL7 TS). */
  effectiveTime?: string;
  confidentialityCode?: string;
  confidentialitySystem?: string;
  languageCode?: string;
  setId?: GmIdentifier;
  versionNumber?: string;
  patientIds: GmIdentifier[];
  authorOrganizationIds: GmIdentifier[];
  custodianIds: GmIdentifier[];
}

export interface ReadCdaDocument extends ReadDocument {
  header?: CdaHeader;
}

/** Observation elements certbench treats as constrained away in CDA, mirroring GMObservation (provisional). */
const FORBIDDEN_OBSERVATION = ['performer', 'interpretationCode', 'referenceRange', 'author'] as const;

const id = (node: XmlNode | undefined): GmIdentifier | undefined => {
  if (!node) return undefined;
  return { system: valueAt('@root', node) ?? '', value: valueAt('@extension', node) ?? '' };
};
const ids = (expression: string, context: XmlNode): GmIdentifier[] =>
  nodes(expression, context).flatMap((n) => id(n) ?? []);

function quantity(node: XmlNode | undefined): GmQuantity | undefined {
  const raw = node ? valueAt('@value', node) : undefined;
  if (!node || raw === undefined || Number.isNaN(Number(raw))) return undefined;
  return { value: Number(raw), unit: valueAt('@unit', node) ?? '' };
}

function valueOf(observation: XmlNode): GmValue | undefined {
  const value = nodes('h:value', observation)[0];
  if (!value) return undefined;
  const type = (valueAt('@xsi:type', value) ?? '').replace(/^.*:/, '');
  const raw = valueAt('@value', value);
  switch (type) {
    case 'PQ': {
      const q = quantity(value);
      return q ? { type: 'quantity', quantity: q } : undefined;
    }
    case 'IVL_PQ': {
      const low = quantity(nodes('h:low', value)[0]);
      const high = quantity(nodes('h:high', value)[0]);
      return { type: 'interval', ...(low ? { low } : {}), ...(high ? { high } : {}) };
    }
    case 'TS':
      return raw === undefined ? undefined : { type: 'dateTime', value: tsToIso(raw) };
    case 'BL':
      return raw === 'true' || raw === 'false' ? { type: 'boolean', value: raw === 'true' } : undefined;
    case 'INT':
      return raw === undefined || !/^-?\d+$/.test(raw) ? undefined : { type: 'integer', value: Number(raw) };
    case 'ST':
      return { type: 'string', value: value.textContent ?? '' };
    case 'CD':
    case 'CE': {
      const code = valueAt('@code', value);
      const system = valueAt('@codeSystem', value);
      const text = valueAt('h:originalText', value) ?? valueAt('@displayName', value);
      return {
        type: 'coded',
        ...(code ? { code } : {}),
        ...(system ? { system } : {}),
        ...(text ? { text } : {}),
      };
    }
    default:
      return undefined;
  }
}

function effectiveOf(observation: XmlNode): string | undefined {
  const raw =
    valueAt('h:effectiveTime/@value', observation) ?? valueAt('h:effectiveTime/h:low/@value', observation);
  return raw === undefined ? undefined : tsToIso(raw);
}

function readEntry(kind: string, observation: XmlNode): GmEntry {
  const code = valueAt('h:code/@code', observation) ?? '';
  const value = valueOf(observation);
  const fetusRole = nodes("h:participant[@typeCode='SBJ']/h:participantRole", observation)[0];
  const components: GmComponent[] = nodes(
    "h:entryRelationship[@typeCode='COMP']/h:observation",
    observation,
  ).map((c) => {
    const v = valueOf(c);
    return {
      code: valueAt('h:code/@code', c) ?? '',
      codeSystem: valueAt('h:code/@codeSystem', c) ?? '',
      ...(v ? { value: v } : {}),
    };
  });
  const fetusId = fetusRole ? id(nodes('h:id', fetusRole)[0]) : undefined;
  const status = valueAt('h:statusCode/@code', observation);
  const effective = effectiveOf(observation);
  return {
    slice: sliceOf(kind, {
      code,
      hasFetus: fetusRole !== undefined,
      hasInterval: value?.type === 'interval',
    }),
    code,
    codeSystem: valueAt('h:code/@codeSystem', observation) ?? '',
    ...(status ? { status } : {}),
    ...(effective ? { effective } : {}),
    ...(value ? { value } : {}),
    components,
    ...(fetusRole
      ? {
          fetus: {
            identifierSystem: fetusId?.system ?? '',
            identifierValue: fetusId?.value ?? '',
            relationship: valueAt('h:code/@code', fetusRole) ?? '',
            relationshipSystem: valueAt('h:code/@codeSystem', fetusRole) ?? '',
          },
        }
      : {}),
    forbidden: FORBIDDEN_OBSERVATION.filter((name) => nodes(`h:${name}`, observation).length > 0),
  };
}

const EMPTY: GmDocument = {
  format: 'cda',
  kind: '',
  kindSystem: '',
  patientIds: [],
  authors: [],
  pregnancyIds: [],
  entries: [],
};

// Text beside elements is allowed only where the CDA R2 schema declares mixed content (datatypes-base.xsd: ED, EN,
// AD, mixed="true"; POCD_MT000040: StrucDoc.Text, the section narrative): text, originalText, name, addr and a value
// of such a type. Anywhere else, e.g. between the header's elements or inside an observation, it is not CDA.
const MIXED_CONTENT = new Set(['text', 'originalText', 'name', 'addr', 'value', 'reference', 'thumbnail']);

function strayText(root: XmlNode): string[] {
  return nodes("//text()[normalize-space(.) != ''][../*]", root)
    .filter((t) => {
      const parent = t.parentNode as (XmlNode & { localName?: string }) | null;
      return (
        !parent || !(MIXED_CONTENT.has(parent.localName ?? '') || nodes('ancestor::h:text', t).length > 0)
      );
    })
    .slice(0, 3)
    .map((t) => {
      const parent = t.parentNode as (XmlNode & { localName?: string }) | null;
      return `text "${(t.nodeValue ?? '').trim().slice(0, 40)}" stands between the elements of ${parent?.localName ?? '?'}, whose content the CDA R2 schema allows only elements`;
    });
}

/** Reads a GMv2 CDA document from its text. Never throws. */
export function readCdaDocument(text: string): ReadCdaDocument {
  const parsed = parseXml(text, { strict: true });
  if ('error' in parsed)
    return { document: EMPTY, problems: [`the document is not well-formed XML: ${parsed.error}`] };
  const root = parsed.document.documentElement as unknown as XmlNode & {
    localName: string;
    namespaceURI: string;
  };
  // HL7 V3 attribute types (cs, st, uid, ts, …) all need at least one character (CDA R2 datatypes-base.xsd): an
  // empty attribute, e.g. displayName="", is not a valid CDA document. The first five are named.
  const problems: string[] = nodes("//@*[. = '']", root)
    .slice(0, 5)
    .map((a) => {
      const attr = a as unknown as { nodeName: string; ownerElement?: { localName?: string } };
      return `the attribute ${attr.ownerElement?.localName ?? '?'}/@${attr.nodeName} is empty (HL7 V3 data types have no empty values)`;
    });
  problems.push(...strayText(root));
  if (root.localName !== 'ClinicalDocument' || root.namespaceURI !== 'urn:hl7-org:v3') {
    problems.push(
      `the root element is {${root.namespaceURI ?? ''}}${root.localName}, expected {urn:hl7-org:v3}ClinicalDocument`,
    );
    return { document: EMPTY, problems };
  }
  const header: CdaHeader = {
    rootName: root.localName,
    rootNamespace: root.namespaceURI,
    ...opt('realmCode', valueAt('h:realmCode/@code', root)),
    typeId: {
      ...opt('root', valueAt('h:typeId/@root', root)),
      ...opt('extension', valueAt('h:typeId/@extension', root)),
    },
    templateIds: ids('h:templateId', root),
    ...opt('id', id(nodes('h:id', root)[0])),
    code: {
      ...opt('code', valueAt('h:code/@code', root)),
      ...opt('codeSystem', valueAt('h:code/@codeSystem', root)),
    },
    ...opt('title', valueAt('h:title', root)),
    ...opt('effectiveTime', valueAt('h:effectiveTime/@value', root)),
    ...opt('confidentialityCode', valueAt('h:confidentialityCode/@code', root)),
    ...opt('confidentialitySystem', valueAt('h:confidentialityCode/@codeSystem', root)),
    ...opt('languageCode', valueAt('h:languageCode/@code', root)),
    ...opt('setId', id(nodes('h:setId', root)[0])),
    ...opt('versionNumber', valueAt('h:versionNumber/@value', root)),
    patientIds: ids('h:recordTarget/h:patientRole/h:id', root),
    authorOrganizationIds: ids('h:author/h:assignedAuthor/h:representedOrganization/h:id', root),
    custodianIds: ids('h:custodian/h:assignedCustodian/h:representedCustodianOrganization/h:id', root),
  };
  const kind = header.code.code ?? '';
  const authors = nodes('h:author/h:assignedAuthor/h:representedOrganization', root).map((o) => ({
    ids: ids('h:id', o),
    ...opt('name', valueAt('h:name', o)),
  }));
  const observations = nodes('h:component/h:structuredBody//h:section/h:entry/h:observation', root);
  const version = header.versionNumber === undefined ? undefined : Number(header.versionNumber);
  const document: GmDocument = {
    format: 'cda',
    kind,
    kindSystem: header.code.codeSystem ?? '',
    ...opt('title', header.title),
    ...opt('time', header.effectiveTime === undefined ? undefined : tsToIso(header.effectiveTime)),
    ...opt('id', header.id),
    ...opt('setId', header.setId),
    ...(version !== undefined && Number.isInteger(version) ? { version } : {}),
    patientIds: header.patientIds,
    patientNames: nodes('h:recordTarget/h:patientRole/h:patient/h:name', root).map((n) => ({
      given: valuesAt('h:given', n).join(' '),
      family: valuesAt('h:family', n).join(' '),
    })),
    ...opt(
      'patientGender',
      valueAt('h:recordTarget/h:patientRole/h:patient/h:administrativeGenderCode/@code', root),
    ),
    ...opt(
      'narrative',
      nodes('h:component/h:structuredBody//h:section/h:text', root).length > 0
        ? // Text nodes one by one: table cells written without whitespace between them stay apart.
          valuesAt('h:component/h:structuredBody//h:section/h:text//text()', root)
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim()
        : undefined,
    ),
    authors,
    pregnancyIds: ids('h:componentOf/h:encompassingEncounter/h:id', root),
    entries: observations.map((o) => readEntry(kind, o)),
  };
  return { document, header, problems };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
