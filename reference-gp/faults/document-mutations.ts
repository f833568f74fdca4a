// Content faults in the document itself: each breaks one rule of the Bundle, Composition, Patient or Conditions.
import { randomUUID } from 'node:crypto';
import { SKS_D } from '../state.ts';
import { CONDITION_CATEGORY, LOINC, SNOMED, SOR, STATUS_CODES, URI } from '../diagnosekort/systems.ts';
import { narrative } from '../diagnosekort/narrative.ts';
import type { SharePackage } from '../diagnosekort/transaction.ts';
import type { ContentFault } from './catalogue.ts';
import { danishDateTime, shiftDays, utcDateTime } from '../time.ts';
import { composition, conditions, organization, patient } from './package-access.ts';

export type Mutation = (pkg: SharePackage) => void;

/** The Danish replacement CPR (eCPR) system: the reference GP has no eCPR patient, only a fault sends one. */
const X_ECPR = 'urn:oid:1.2.208.176.1.6.1.1';

function setDocumentIdentifier(pkg: SharePackage, value: string): void {
  pkg.document.identifier = { system: URI, value };
  pkg.documentReference.masterIdentifier = { system: URI, value };
}

export const BUNDLE_MUTATIONS = {
  'bundle-type-collection': (pkg) => {
    pkg.document.type = 'collection';
  },
  'composition-not-first': (pkg) => {
    const entries = pkg.document.entry ?? [];
    const [first, second] = entries;
    if (first && second) entries.splice(0, 2, second, first);
  },
  'bundle-id-not-uuid': (pkg) => {
    pkg.document.id = `diagnosekort-${patient(pkg).identifier?.[0]?.value ?? 'patient'}`;
  },
  'bundle-identifier-missing': (pkg) => {
    delete pkg.document.identifier;
  },
  // The two identifier faults keep masterIdentifier equal to Bundle.identifier, so only the identity rule breaks.
  'bundle-identifier-equals-id': (pkg) => {
    setDocumentIdentifier(pkg, `urn:uuid:${pkg.document.id ?? randomUUID()}`);
  },
  'bundle-identifier-not-v4': (pkg) => {
    const uuid = randomUUID();
    // The version digit opens the third group: 1 is a time-based UUID.
    setDocumentIdentifier(pkg, `urn:uuid:${uuid.slice(0, 14)}1${uuid.slice(15)}`);
  },
  'timestamp-utc-offset': (pkg) => {
    if (pkg.document.timestamp) pkg.document.timestamp = utcDateTime(pkg.document.timestamp);
  },
  'invalid-patient-gender': (pkg) => {
    Object.assign(patient(pkg), { gender: 'woman' });
  },
  'unknown-element': (pkg) => {
    for (const c of conditions(pkg)) Object.assign(c, { severityText: 'moderat' });
  },
} satisfies Partial<Record<ContentFault, Mutation>>;

export const COMPOSITION_MUTATIONS = {
  'composition-date-is-timestamp': (pkg) => {
    if (pkg.document.timestamp) composition(pkg).date = pkg.document.timestamp;
  },
  'wrong-composition-type': (pkg) => {
    composition(pkg).type = { coding: [{ system: LOINC, code: '11488-4', display: 'Consult note' }] };
  },
  'title-without-cpr': (pkg) => {
    composition(pkg).title = 'Diagnoseoversigt';
  },
  'composition-status-preliminary': (pkg) => {
    composition(pkg).status = 'preliminary';
  },
  'confidentiality-restricted': (pkg) => {
    composition(pkg).confidentiality = 'R';
  },
  'composition-language-en': (pkg) => {
    composition(pkg).language = 'en';
  },
  'composition-date-after-sharing': (pkg) => {
    const sharedAt = new Date(pkg.document.timestamp ?? Date.now()).getTime();
    composition(pkg).date = danishDateTime(new Date(sharedAt + 3_600_000));
  },
  'duplicate-section-entry': (pkg) => {
    const section = composition(pkg).section?.[0];
    const first = section?.entry?.[0];
    if (section?.entry && first) section.entry.push({ ...first });
  },
  'author-organization-without-sor': (pkg) => {
    const org = organization(pkg);
    org.identifier = (org.identifier ?? []).filter((i) => i.system !== SOR);
  },
  'composition-without-meta-profile': (pkg) => {
    delete composition(pkg).meta;
  },
  'composition-type-without-display': (pkg) => {
    for (const coding of composition(pkg).type.coding ?? []) delete coding.display;
  },
  'composition-narrative-missing': (pkg) => {
    delete composition(pkg).text;
  },
  'attester-mode-invalid': (pkg) => {
    const [attester] = composition(pkg).attester ?? [];
    if (attester) Object.assign(attester, { mode: 'signed' });
  },
  'narrative-with-script': (pkg) => {
    const text = composition(pkg).text;
    if (text) text.div = text.div.replace(/<\/div>$/, '<script>alert("diagnosekort")</script></div>');
  },
} satisfies Partial<Record<ContentFault, Mutation>>;

export const PATIENT_MUTATIONS = {
  'wrong-cpr-system': (pkg) => {
    for (const i of patient(pkg).identifier ?? []) i.system = 'https://cpr.dk';
  },
  'replacement-cpr-identifier': (pkg) => {
    const p = patient(pkg);
    p.identifier = [...(p.identifier ?? []), { use: 'temp', system: X_ECPR, value: '0703921VJ5' }];
  },
  'patient-without-birthdate': (pkg) => {
    delete patient(pkg).birthDate;
  },
  // Well-formed and safe, heading and id only: a reader does not see whose diagnoses these are.
  'patient-narrative-without-identity': (pkg) => {
    const p = patient(pkg);
    p.text = narrative(p.id ?? '', 'Patient', []);
  },
  'dangling-condition-subject': (pkg) => {
    for (const c of conditions(pkg)) c.subject = { reference: `urn:uuid:${randomUUID()}` };
  },
} satisfies Partial<Record<ContentFault, Mutation>>;

export const CONDITION_MUTATIONS = {
  'missing-sks-d-coding': (pkg) => {
    for (const c of conditions(pkg)) {
      if (!c.code) continue;
      const kept = (c.code.coding ?? []).filter((coding) => coding.system !== SKS_D);
      if (kept.length > 0) c.code.coding = kept;
      else delete c.code.coding;
      if (c.code.text === undefined && c.code.coding === undefined) delete c.code;
    }
  },
  'missing-code-text': (pkg) => {
    for (const c of conditions(pkg)) delete c.code?.text;
  },
  'missing-recorded-date': (pkg) => {
    for (const c of conditions(pkg)) delete c.recordedDate;
  },
  'two-status-categories': (pkg) => {
    for (const c of conditions(pkg)) {
      const has = (code: string) =>
        c.category?.some((cat) => cat.coding?.some((coding) => coding.code === code));
      const other = has(STATUS_CODES.current) ? STATUS_CODES.resolved : STATUS_CODES.current;
      c.category = [...(c.category ?? []), { coding: [{ system: SNOMED, code: other }] }];
    }
  },
  'wrong-type-category': (pkg) => {
    const swap: Record<string, string> = {
      'problem-list-item': 'encounter-diagnosis',
      'encounter-diagnosis': 'problem-list-item',
    };
    for (const coding of conditions(pkg)
      .flatMap((c) => c.category ?? [])
      .flatMap((cat) => cat.coding ?? [])) {
      if (coding.system === CONDITION_CATEGORY && coding.code) coding.code = swap[coding.code] ?? coding.code;
    }
  },
  'note-shared': (pkg) => {
    for (const { resource, diagnosis } of pkg.conditions) {
      if (diagnosis.note) resource.note = [{ text: diagnosis.note }];
    }
  },
  'onset-after-recorded-date': (pkg) => {
    for (const c of conditions(pkg)) {
      if (c.recordedDate && !c.abatementDateTime) c.onsetDateTime = shiftDays(c.recordedDate, 1);
    }
  },
  'abatement-before-onset': (pkg) => {
    for (const c of conditions(pkg)) {
      if (c.onsetDateTime && c.abatementDateTime) c.abatementDateTime = shiftDays(c.onsetDateTime, -1);
    }
  },
  'drop-abatement-date': (pkg) => {
    for (const c of conditions(pkg)) delete c.abatementDateTime;
  },
  'condition-identifier-not-uuid': (pkg) => {
    for (const { resource, diagnosis } of pkg.conditions) {
      // A local number, stable across versions, so only the "global UUID" rule breaks.
      resource.identifier = [
        { system: 'https://lps.example/diagnose', value: `LPS-${diagnosis.id.slice(0, 8)}` },
      ];
    }
  },
  'missing-narrative': (pkg) => {
    for (const c of conditions(pkg)) delete c.text;
  },
  'condition-narrative-without-diagnosis': (pkg) => {
    // A narrative that lists the codes only: well-formed and safe, but a reader never sees the diagnosetekst.
    for (const c of conditions(pkg)) {
      const codes = (c.code?.coding ?? []).map((coding) => coding.code ?? '(uden kode)').join(', ');
      c.text = narrative(c.id ?? '', 'Diagnose', [`Koder: ${codes || 'ingen'}`]);
    }
  },
} satisfies Partial<Record<ContentFault, Mutation>>;
