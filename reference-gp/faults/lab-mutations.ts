// Content faults of lab messages: every active one mutates each message once, just before it is first sent. The
// compiler checks that every lab content fault has a mutation.
import { CPR, LOINC, YDERNUMMER } from '../lab/systems.ts';
import { utcDateTime } from '../time.ts';
import type { FaultName, LabContentFault } from './catalogue.ts';

type Mutation = (bundle: fhir4.Bundle) => void;
type ResourceType = fhir4.FhirResource['resourceType'];

function all<T extends ResourceType>(
  bundle: fhir4.Bundle,
  type: T,
): Extract<fhir4.FhirResource, { resourceType: T }>[] {
  return (bundle.entry ?? []).flatMap((e) =>
    e.resource?.resourceType === type ? [e.resource as Extract<fhir4.FhirResource, { resourceType: T }>] : [],
  );
}

const results = (bundle: fhir4.Bundle) => [...all(bundle, 'DiagnosticReport'), ...all(bundle, 'Observation')];

const MUTATIONS: Record<LabContentFault, Mutation> = {
  'lab-bundle-type-collection': (b) => {
    b.type = 'collection';
  },
  'lab-message-header-not-first': (b) => {
    const entries = b.entry ?? [];
    const [first, second] = entries;
    if (first && second) entries.splice(0, 2, second, first);
  },
  'lab-bundle-id-not-uuid': (b) => {
    b.id = 'labsvar-1';
  },
  'lab-timestamp-utc-offset': (b) => {
    if (b.timestamp) b.timestamp = utcDateTime(b.timestamp);
  },
  'lab-unknown-element': (b) => {
    for (const o of all(b, 'Observation')) Object.assign(o, { analysisComment: 'udført i klinikken' });
  },
  'lab-wrong-cpr-system': (b) => {
    for (const p of all(b, 'Patient'))
      for (const i of p.identifier ?? []) if (i.system === CPR) i.system = 'https://cpr.dk';
  },
  'lab-npu-display-missing': (b) => {
    for (const o of all(b, 'Observation')) for (const c of o.code.coding ?? []) delete c.display;
  },
  'lab-value-without-unit': (b) => {
    for (const o of all(b, 'Observation')) {
      if (!o.valueQuantity) continue;
      delete o.valueQuantity.unit;
      delete o.valueQuantity.system;
      delete o.valueQuantity.code;
    }
  },
  'lab-comparator-dropped': (b) => {
    for (const o of all(b, 'Observation')) delete o.valueQuantity?.comparator;
  },
  'lab-comparator-inclusive-as-strict': (b) => {
    for (const o of all(b, 'Observation')) {
      const q = o.valueQuantity;
      if (q?.comparator === '<=' || q?.comparator === '>=') q.comparator = q.comparator === '<=' ? '<' : '>';
    }
  },
  'lab-grade-as-number': (b) => {
    for (const o of all(b, 'Observation')) {
      const grade = /^(\d)\+$/.exec(o.valueString ?? '');
      if (!grade) continue;
      delete o.valueString;
      o.valueQuantity = { value: Number(grade[1]) };
    }
  },
  'lab-organism-as-text': (b) => {
    for (const o of all(b, 'Observation')) {
      const organism = o.valueCodeableConcept?.coding?.[0]?.display;
      if (organism === undefined) continue;
      delete o.valueCodeableConcept;
      o.valueString = organism;
    }
  },
  'lab-sampling-time-utc': (b) => {
    for (const r of results(b))
      if (r.effectiveDateTime) r.effectiveDateTime = utcDateTime(r.effectiveDateTime);
  },
  'lab-performer-without-ydernummer': (b) => {
    for (const o of all(b, 'Organization'))
      o.identifier = (o.identifier ?? []).filter((i) => i.system !== YDERNUMMER);
  },
  'lab-status-preliminary': (b) => {
    for (const r of results(b)) if (r.status === 'final') r.status = 'preliminary';
  },
  'lab-identifier-not-uuid': (b) => {
    let n = 1000;
    for (const r of results(b)) for (const i of r.identifier ?? []) i.value = String((n += 1));
  },
  'lab-always-restricted': (b) => {
    for (const r of results(b))
      r.meta = {
        security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }],
      };
  },
  'lab-source-claims-plsp': (b) => {
    for (const h of all(b, 'MessageHeader')) h.source.name = 'PLSP';
  },
  'lab-provenance-missing': (b) => {
    b.entry = (b.entry ?? []).filter((e) => e.resource?.resourceType !== 'Provenance');
  },
  'lab-restriction-display-wrong': (b) => {
    for (const r of results(b))
      for (const c of r.meta?.security ?? []) if (c.code === 'R') c.display = 'normal';
  },
  'lab-destination-other-database': (b) => {
    for (const h of all(b, 'MessageHeader'))
      for (const d of h.destination ?? []) d.name = d.name === 'LABA' ? 'MiBA' : 'LABA';
  },
  'lab-event-without-code': (b) => {
    for (const h of all(b, 'MessageHeader')) if (h.eventCoding) delete h.eventCoding.code;
  },
  'lab-software-claims-plsp': (b) => {
    for (const h of all(b, 'MessageHeader')) h.source.software = 'PLSP';
  },
  'lab-report-code-of-biochemistry': (b) => {
    for (const r of all(b, 'DiagnosticReport'))
      r.code = { coding: [{ system: LOINC, code: '11502-2', display: 'Laboratory report' }] };
  },
  'lab-observation-category-missing': (b) => {
    for (const o of all(b, 'Observation')) delete o.category;
  },
  'lab-patient-name-of-other-patient': (b) => {
    for (const p of all(b, 'Patient')) p.name = [{ family: 'Lauridsen', given: ['Lonni', 'Test'] }];
  },
  'lab-patient-name-of-first-test-patient': (b) => {
    for (const p of all(b, 'Patient')) p.name = [{ family: 'Hansen', given: ['Elmer', 'Test'] }];
  },
  'lab-patient-gender-opposite': (b) => {
    for (const p of all(b, 'Patient')) p.gender = p.gender === 'male' ? 'female' : 'male';
  },
  'lab-patient-birthdate-off': (b) => {
    for (const p of all(b, 'Patient'))
      if (p.birthDate)
        p.birthDate = p.birthDate.replace(/\d{2}$/, (d) => String((Number(d) % 28) + 1).padStart(2, '0'));
  },
  'lab-ucum-code-as-unit-text': (b) => {
    for (const o of all(b, 'Observation'))
      if (o.valueQuantity?.unit) o.valueQuantity.code = o.valueQuantity.unit;
  },
};

export function applyLabContentFaults(bundle: fhir4.Bundle, faults: ReadonlySet<FaultName>): void {
  for (const fault of faults)
    if (Object.hasOwn(MUTATIONS, fault)) MUTATIONS[fault as LabContentFault](bundle);
}
