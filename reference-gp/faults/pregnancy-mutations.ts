// What each Vandrejournal/Målinger fault does to a share: hooks on the neutral document (both formats), on its
// CDA text or FHIR Bundle, on the metadata, or on whether it is sent. The compiler checks every fault of the
// protocol has an entry; behaviour faults decided in share.ts have an empty one here.
import { randomUUID } from 'node:crypto';
import { GMV2, OID, urnOid, type DocumentFormat } from '../pregnancy/codes.ts';
import { pscrEntries } from '../pregnancy/entries.ts';
import type { PregnancyRecord, SharedGmDocument } from '../pregnancy/records.ts';
import type { GmEntrySpec } from '../pregnancy/spec.ts';
import type { GmSubmitHooks } from '../pregnancy/submit.ts';
import { shiftDays, utcDateTime } from '../time.ts';
import type { FaultName } from './catalogue.ts';
import type { PregnancyFault } from './pregnancy-catalogue.ts';

export interface ShareContext {
  format: DocumentFormat;
  /** The patient's pregnancies, oldest first; the last is the one shared. */
  pregnancies: PregnancyRecord[];
  previous: SharedGmDocument | undefined;
}

type Bundle = fhir4.Bundle<fhir4.FhirResource>;
type Hooks = (c: ShareContext) => GmSubmitHooks;

/** The resources of one type in the Bundle the reference GP built. */
const all = <T extends fhir4.FhirResource['resourceType']>(b: Bundle, type: T) =>
  (b.entry ?? []).map((e) => e.resource).filter((r) => r?.resourceType === type) as Extract<
    fhir4.FhirResource,
    { resourceType: T }
  >[];
const composition = (b: Bundle) => all(b, 'Composition')[0] as fhir4.Composition;
const components = (entries: GmEntrySpec[], code: string) =>
  entries.flatMap((e) => (e.components ?? []).filter((c) => c.code === code));

const NONE: Hooks = () => ({});

const MUTATIONS: Record<PregnancyFault, Hooks> = {
  'gm-hash-mismatch': () => ({
    metadata: (r) => {
      for (const c of r.content) c.attachment.hash = 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    },
  }),
  'gm-share-without-submitting': () => ({ send: false }),
  'gm-not-a-document': () => ({
    cda: (t) => t.replace('xmlns="urn:hl7-org:v3"', 'xmlns="urn:hl7-org:v2"'),
    fhir: (b) => {
      b.type = 'collection';
    },
  }),
  'gm-confidentiality-restricted': () => ({
    cda: (t) => t.replace('<confidentialityCode code="N"', '<confidentialityCode code="R"'),
    fhir: (b) => {
      composition(b).confidentiality = 'R';
    },
  }),
  'gm-wrong-title': () => ({
    cda: (t) => t.replace(/<title>(Vandrejournal|Målinger)<\/title>/, '<title>$1 (kopi)</title>'),
    fhir: (b) => {
      composition(b).title = `${composition(b).title} (kopi)`;
    },
  }),
  'gm-master-identifier-random': () => ({
    metadata: (r) => {
      r.masterIdentifier = { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${randomUUID()}` };
    },
  }),
  'gm-time-utc': () => ({
    spec: (s) => {
      s.time = utcDateTime(s.time);
    },
  }),
  'gm-cpr-wrong-system': () => ({
    cda: (t) => t.replace('<id root="1.2.208.176.1.2"', '<id root="1.2.208.176.1.6.1.1"'),
    fhir: (b) => {
      for (const p of all(b, 'Patient'))
        for (const i of p.identifier ?? []) i.system = urnOid('1.2.208.176.1.6.1.1');
    },
  }),
  'gm-empty-display': () => ({
    spec: (s) => {
      for (const e of s.entries) e.display = '';
    },
  }),
  'gm-cda-stray-text': () => ({
    cda: (t) => t.replace('<setId ', 'Kopi<setId '),
  }),
  'gm-cda-attribute-without-value': () => ({
    cda: (t) => t.replace('<statusCode code="completed"/>', '<statusCode completed code="completed"/>'),
  }),
  'gm-narrative-without-values': () => ({
    cda: (t) => t.replace(/(<tr><td>[^<]*<\/td><td>[^<]*<\/td><td>)[^<]*(<\/td><\/tr>)/g, '$1$2'),
  }),
  'gm-narrative-heart-sound-reworded': () => ({
    cda: (t) => t.replace('<td>Hjertelyd hørt</td>', '<td>hørt</td>'),
  }),
  'gm-patient-name-of-other-woman': () => ({
    spec: (s) => {
      s.patient = {
        ...s.patient,
        given: s.patient.given[0] === 'Ellen' ? ['Else', 'Test'] : ['Ellen', 'Test'],
      };
    },
  }),
  'gm-author-with-ydernummer': () => ({
    cda: (t) =>
      t.replace(
        '<representedOrganization><id root="1.2.208.176.1.1"',
        '<representedOrganization><id root="1.2.208.176.1.4" extension="045861"/><id root="1.2.208.176.1.1"',
      ),
    fhir: (b) => {
      for (const o of all(b, 'Organization'))
        o.identifier?.push({ system: urnOid('1.2.208.176.1.4'), value: '045861' });
    },
  }),
  'gm-episode-id-urn-prefixed': (c) => ({
    spec: (s) => {
      s.pregnancyId = {
        system: urnOid(OID.pregnancyEpisode),
        value: c.pregnancies.at(-1)?.id ?? randomUUID(),
      };
    },
  }),
  'gm-observation-preliminary': () => ({
    cda: (t) =>
      t.replaceAll(
        '<statusCode code="completed"/><effectiveTime',
        '<statusCode code="active"/><effectiveTime',
      ),
    fhir: (b) => {
      for (const o of all(b, 'Observation')) o.status = 'preliminary';
    },
  }),
  'gm-observation-with-performer': () => ({
    cda: (t) =>
      t.replaceAll(
        '<statusCode code="completed"/><effectiveTime',
        '<statusCode code="completed"/><performer><assignedEntity><id root="1.2.208.176.1.1" extension="73091000016008"/></assignedEntity></performer><effectiveTime',
      ),
    fhir: (b) => {
      const org = all(b, 'Organization')[0];
      for (const o of all(b, 'Observation')) o.performer = [{ reference: `urn:uuid:${org?.id ?? ''}` }];
    },
  }),
  'gm-codes-wrong-system': () => ({
    cda: (t) => t.replaceAll('codeSystem="2.16.840.1.113883.6.96"', `codeSystem="${OID.medcom}"`),
    fhir: (b) => {
      for (const o of all(b, 'Observation'))
        for (const coding of [
          ...(o.code.coding ?? []),
          ...(o.component ?? []).flatMap((c) => c.code.coding ?? []),
        ])
          coding.system = 'http://snomed.info/sct';
    },
  }),
  'gm-tobak-twice': () => ({
    spec: (s) => {
      const tobak = s.entries.find((e) => e.slice === 'tobak');
      if (tobak) s.entries.push(structuredClone(tobak));
    },
  }),
  'gm-cycle-days-as-integer': () => ({
    spec: (s) => {
      for (const c of components(s.entries, GMV2.components.terminsberegning.cycleDays))
        if (c.value.type === 'string') c.value = { type: 'integer', value: Number(c.value.value) };
    },
  }),
  'gm-naegele-ignores-cycle': () => ({
    spec: (s) => {
      const lmp = components(s.entries, GMV2.components.terminsberegning.lastMenstrualPeriod)[0]?.value;
      for (const c of components(s.entries, GMV2.components.terminsberegning.naegeleDueDate))
        if (lmp?.type === 'dateTime')
          c.value = { type: 'dateTime', value: shiftDays(lmp.value.slice(0, 10), 280) };
    },
  }),
  'gm-smoking-inverted': () => ({
    spec: (s) => {
      for (const c of components(s.entries, GMV2.components.tobak.smokingBefore))
        if (c.value.type === 'boolean') c.value = { type: 'boolean', value: !c.value.value };
    },
  }),
  'gm-unanswered-alcohol-as-no': () => ({
    spec: (s) => {
      if (s.kind !== 'PSCR' || s.entries.some((e) => e.code === GMV2.pscrSections.alkohol)) return;
      const no = (code: string, display: string) => ({
        code,
        display,
        value: { type: 'boolean' as const, value: false },
      });
      s.entries.push({
        slice: 'alkohol',
        code: GMV2.pscrSections.alkohol,
        display: 'Alkohol',
        effective: s.entries[0]?.effective ?? s.time,
        components: [
          no(GMV2.components.alkohol.before, 'Alkoholindtag før graviditet'),
          no(GMV2.components.alkohol.during, 'Alkoholindtag under graviditet'),
        ],
      });
    },
  }),
  'gm-assessment-truncated': () => ({
    spec: (s) => {
      for (const c of components(s.entries, GMV2.components['samlet-vurdering'].assessment))
        if (c.value.type === 'string') c.value = { type: 'string', value: c.value.value.slice(0, 20) };
    },
  }),
  'gm-pmr-not-sent': NONE,
  'gm-weight-in-grams': () => ({
    spec: (s) => {
      for (const e of s.entries)
        if (e.code === '27113001' && e.value?.type === 'quantity')
          e.value = {
            type: 'quantity',
            quantity: { value: e.value.quantity.value * 1000, unit: 'g', unitCode: '258682000' },
          };
    },
  }),
  'gm-measurement-without-value': () => ({
    spec: (s) => {
      const weight = s.entries.find((e) => e.code === GMV2.measurements.weight.code);
      if (s.kind === 'PMR' && weight) s.entries.push({ ...weight, value: undefined });
    },
  }),
  'gm-interval-without-high': () => ({
    spec: (s) => {
      for (const e of s.entries) if (e.value?.type === 'interval') delete e.value.high;
    },
  }),
  'gm-fetus-not-child': () => ({
    cda: (t) => t.replaceAll('<code code="CHILD"', '<code code="NCHILD"'),
    fhir: (b) => {
      for (const r of all(b, 'RelatedPerson'))
        for (const c of r.relationship?.[0]?.coding ?? []) c.code = 'NCHILD';
    },
  }),
  'gm-fetus-relationship-without-system': () => ({
    cda: (t) =>
      t.replaceAll('<code code="CHILD" codeSystem="2.16.840.1.113883.5.111"/>', '<code code="CHILD"/>'),
    fhir: (b) => {
      for (const r of all(b, 'RelatedPerson'))
        for (const c of r.relationship?.[0]?.coding ?? []) delete c.system;
    },
  }),
  'gm-fetus-focus-is-mother': () => ({
    fhir: (b) => {
      for (const o of all(b, 'Observation')) if (o.focus) o.focus = [{ ...o.subject }];
    },
  }),
  'gm-fetus-without-mother': () => ({
    fhir: (b) => {
      for (const r of all(b, 'RelatedPerson')) delete (r as Partial<fhir4.RelatedPerson>).patient;
    },
  }),
  'gm-observation-without-subject': () => ({
    fhir: (b) => {
      for (const o of all(b, 'Observation')) delete o.subject;
    },
  }),
  'gm-ul-due-date-as-text': () => ({
    spec: (s) => {
      for (const e of s.entries)
        if (e.code === '738070007' && e.value?.type === 'dateTime')
          e.value = { type: 'string', value: e.value.value };
    },
  }),
  'gm-heart-sound-empty-value': () => ({
    fhir: (b) => {
      for (const o of all(b, 'Observation')) if (o.valueCodeableConcept) o.valueCodeableConcept = {};
    },
  }),
  'gm-fullurl-without-uuid': () => ({
    fhir: (b) => {
      const first = b.entry?.[0];
      if (first) first.fullUrl = 'urn:uuid:';
    },
  }),
  'gm-document-on-the-reference': () => ({
    metadata: (r) => {
      Object.assign(r, { contentType: 'application/xml', data: 'PENsaW5pY2FsRG9jdW1lbnQvPg==' });
    },
  }),
  'gm-metadata-empty-display': () => ({
    metadata: (r) => {
      for (const c of r.category ?? []) for (const coding of c.coding ?? []) coding.display = '';
    },
  }),
  'gm-metadata-superseded': () => ({
    metadata: (r) => {
      r.status = 'superseded';
    },
  }),
  'gm-metadata-author-hospital': () => ({
    metadata: (r) => {
      for (const c of r.contained ?? [])
        if (c.resourceType === 'Organization')
          (c as fhir4.Organization).identifier = [{ system: urnOid(OID.sor), value: '6171000016001' }];
    },
  }),
  'gm-metadata-language-english': () => ({
    metadata: (r) => {
      for (const c of r.content) c.attachment.language = 'en';
    },
  }),
  'gm-hospital-practice-setting': () => ({
    metadata: (r) => {
      if (!r.context) return;
      r.context.facilityType = { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.96', code: '22232009' }] };
      delete r.context.practiceSetting;
    },
  }),
  'gm-no-replaces': () => ({
    metadata: (r) => {
      delete r.relatesTo;
    },
  }),
  'gm-reuse-document-id': (c) => ({
    spec: (s) => {
      if (c.previous) s.documentId = c.previous.documentId;
    },
  }),
  'gm-pmr-only-latest-visit': () => ({
    spec: (s) => {
      if (s.kind !== 'PMR') return;
      const last = s.entries
        .map((e) => e.effective)
        .sort()
        .at(-1);
      s.entries = s.entries.filter((e) => e.effective === last);
    },
  }),
  'gm-new-pregnancy-continues-old-document': NONE,
  'gm-keeps-first-due-date': (c) => ({
    spec: (s) => {
      const first = c.pregnancies[0];
      if (s.kind !== 'PSCR' || !first || c.pregnancies.length < 2) return;
      const old = pscrEntries(first).find((e) => e.slice === 'terminsberegning');
      const i = s.entries.findIndex((e) => e.slice === 'terminsberegning');
      if (old && i >= 0) s.entries[i] = { ...old, effective: s.entries[i]?.effective ?? old.effective };
    },
  }),
  'gm-format-code-plr': () => ({
    metadata: (r) => {
      for (const c of r.content)
        if (c.format) c.format = { ...c.format, code: 'urn:ad:dk:medcom:plr-v1.0:full' };
    },
  }),
  'gm-type-code-loinc': () => ({
    metadata: (r) => {
      r.type = { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.1', code: '11488-4' }] };
    },
  }),
  'gm-content-type-generic': () => ({
    metadata: (r) => {
      for (const c of r.content) c.attachment.contentType = 'application/octet-stream';
    },
  }),
};

const isPregnancyFault = (name: FaultName): name is PregnancyFault & FaultName =>
  Object.hasOwn(MUTATIONS, name);

/** The hooks of every active pregnancy fault, combined in catalogue order. */
export function pregnancyHooks(faults: ReadonlySet<FaultName>, context: ShareContext): GmSubmitHooks {
  const active = [...faults].filter(isPregnancyFault).map((f) => MUTATIONS[f](context));
  return {
    spec: (s) => active.forEach((h) => h.spec?.(s)),
    fhir: (b) => active.forEach((h) => h.fhir?.(b)),
    cda: (t) => active.reduce((text, h) => (h.cda ? h.cda(text) : text), t),
    metadata: (r, p) => active.forEach((h) => h.metadata?.(r, p)),
    send: active.every((h) => h.send !== false),
  };
}
