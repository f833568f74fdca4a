// The content rules, written once on the neutral model, accept conforming PSCR/PMR documents in both formats and
// reject broken ones; the CDA header and FHIR structure rules do the same for their format.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cdaConfidentialityAndLanguage,
  cdaCustodian,
  cdaEffectiveTime,
  cdaIdentity,
  cdaRecordTarget,
  declaresCdaStandard,
} from '../../src/rules/pregnancy/cda-header-rules.ts';
import { isoToTs, tsToIso } from '../../src/rules/pregnancy/cda-time.ts';
import { COMPONENT, PRF_MANDATORY_SECTIONS } from '../../src/rules/pregnancy/codes.ts';
import * as rules from '../../src/rules/pregnancy/content-rules.ts';
import { compositionConstraints } from '../../src/rules/pregnancy/fhir-structure-rules.ts';
import { expectedTerminsberegning, expectedLifestyle } from '../../src/rules/pregnancy/registered.ts';
import { readFhirDocument } from '../../src/rules/pregnancy/fhir-reader.ts';
import { readCdaDocument } from '../../src/rules/pregnancy/cda-reader.ts';
import { buildCdaDocument } from '../../reference-gp/pregnancy/cda-document.ts';
import { buildFhirDocument } from '../../reference-gp/pregnancy/fhir-document.ts';
import { prfEntries, type PrfAnswers } from '../../reference-gp/dsj/prf-entries.ts';
import type { GmDocument } from '../../src/rules/pregnancy/model.ts';
import { CPR, FIRST_VISIT, FORMATS, roundTrip, spec } from './fixtures.ts';

const registered = [
  {
    patient: CPR,
    date: FIRST_VISIT.date,
    newPregnancy: false,
    terminsberegning: { ...FIRST_VISIT.terminsberegning },
    measurements: {},
    lifestyle: { ...FIRST_VISIT.lifestyle },
  },
];

function allContentProblems(d: GmDocument, kind: 'PSCR' | 'PMR'): string[] {
  return [
    ...rules.documentType(d, kind),
    ...rules.documentTime(d),
    ...rules.patientIsCpr(d, CPR),
    ...rules.authorIsOneSorOrganization(d),
    ...rules.pregnancyEpisodeReference(d),
    ...rules.entriesFinal(d, CPR),
    ...rules.entryCodeSystems(d),
    ...(kind === 'PSCR'
      ? [
          ...rules.pscrSections(d),
          ...rules.componentsAsRegistered(d, 'terminsberegning', [
            ...expectedTerminsberegning(registered).registered,
            ...expectedTerminsberegning(registered).naegele,
          ]),
          ...rules.componentsAsRegistered(d, 'tobak', expectedLifestyle(registered).tobak),
          ...rules.componentsAsRegistered(d, 'alkohol', expectedLifestyle(registered).alkohol),
        ]
      : [...rules.intervalMeasurements(d), ...rules.fetusMeasurements(d, CPR)]),
  ];
}

for (const format of FORMATS) {
  for (const kind of ['PSCR', 'PMR'] as const) {
    test(`${format}: a conforming ${kind} passes every content rule`, () => {
      const read = roundTrip(format, spec(kind));
      assert.deepEqual(read.problems, []);
      assert.deepEqual(allContentProblems(read.document, kind), []);
    });
  }

  test(`${format}: broken content is rejected with the element, the expected and the found value`, () => {
    const pscr = (change: Parameters<typeof spec>[1]) => roundTrip(format, spec('PSCR', change)).document;
    const naegele = COMPONENT.terminsberegning.naegeleDueDate;
    const wrongDue = pscr((s) => {
      for (const e of s.entries)
        for (const c of e.components ?? [])
          if (c.code === naegele) c.value = { type: 'dateTime', value: '2025-12-08' };
    });
    assert.match(
      rules
        .componentsAsRegistered(wrongDue, 'terminsberegning', expectedTerminsberegning(registered).naegele)
        .join(),
      /Naegeles termin \(289206005\) is 2025-12-08 .*expected 2025-12-10/,
    );
    const twice = pscr((s) => s.entries.push(structuredClone(s.entries[1] as (typeof s.entries)[0])));
    assert.match(rules.pscrSections(twice).join(), /occurs 2 times, at most once/);
    const utc = pscr((s) => (s.time = '2025-07-29T10:30:00.000+00:00'));
    assert.match(rules.documentTime(utc).join(), /offset \+00:00, expected the Danish \+02:00/);
    const otherPatient = pscr((s) => (s.patient = { ...s.patient, cpr: '0201919996' }));
    assert.match(
      rules.patientIsCpr(otherPatient, CPR).join(),
      /the CPR is 0201919996, expected the registered patient 0201919990/,
    );
    // Name and gender where written: the test person's; an unknown gender passes, the opposite sex does not.
    assert.deepEqual(
      rules.patientNameAndGender(
        pscr(() => undefined),
        CPR,
      ),
      [],
    );
    const otherName = pscr((s) => (s.patient = { ...s.patient, given: ['Ellen', 'Test'] }));
    assert.match(
      rules.patientNameAndGender(otherName, CPR).join(),
      /named "Ellen Test Lauridsen", expected 0201919990's name "Else Test Lauridsen"/,
    );
    const male = pscr((s) => (s.patient = { ...s.patient, gender: 'male' }));
    assert.match(
      rules.patientNameAndGender(male, CPR).join(),
      /gender is (M|male), but CPR 0201919990 is a woman's/,
    );
    const unknown = {
      ...pscr(() => undefined),
      patientGender: format === 'cda' ? 'UN' : 'unknown',
      patientNames: [],
    };
    assert.deepEqual(rules.patientNameAndGender(unknown, CPR), []);
    // The CDA narrative shows the numbers and texts (decimal comma or point); FHIR has no narrative.
    assert.deepEqual(rules.narrativeShowsEntries(pscr(() => undefined)), []);
    const weight = (n: number, narrative: string) => ({
      ...pscr(() => undefined),
      format: 'cda' as const,
      narrative,
      entries: [
        {
          slice: 'maalinger',
          code: '27113001',
          components: [],
          value: { type: 'quantity' as const, quantity: { value: n, unit: 'kg' } },
        } as unknown as GmDocument['entries'][number],
      ],
    });
    assert.deepEqual(rules.narrativeShowsEntries(weight(71.5, 'Vægt 2025-07-29 71,5 kg')), []);
    assert.deepEqual(rules.narrativeShowsEntries(weight(68, 'Vægt 68,0 kg')), []);
    assert.match(
      rules.narrativeShowsEntries(weight(68, 'Vægt 168 kg; 6,8')).join(),
      /value 68 is not in the narrative/,
    );
    assert.match(rules.narrativeShowsEntries(weight(71.5, 'Vægt 71 kg')).join(), /value 71.5 is not/);
    const badSor = pscr((s) => (s.author = { ...s.author, sor: '123' }));
    assert.match(rules.authorIsOneSorOrganization(badSor).join(), /SOR id "123" is not 11 or more digits/);
    const prefixed = pscr((s) => (s.pregnancyId = { system: 'urn:oid:1.2.208.176.7.4.1', value: 'x' }));
    assert.match(rules.pregnancyEpisodeReference(prefixed).join(), /expected "1.2.208.176.7.4.1"/);
    const noInterval = roundTrip(
      format,
      spec('PMR', (s) => (s.entries = s.entries.filter((e) => e.value?.type !== 'interval'))),
    ).document;
    assert.match(rules.intervalMeasurements(noInterval).join(), /no interval measurement/);
  });

  test(`${format}: a Vandrejournal carries only what was registered, and fetus measurements resolve`, () => {
    const d = roundTrip(format, spec('PSCR')).document;
    const codes = (slice: 'tobak' | 'alkohol') => expectedLifestyle(registered)[slice].map((c) => c.code);
    const lifestyle = [
      { slice: 'tobak', codes: codes('tobak') },
      { slice: 'alkohol', codes: codes('alkohol') },
    ];
    assert.deepEqual(rules.onlyRegistered(d, lifestyle), []);
    assert.match(
      rules.onlyRegistered(d, [{ slice: 'alkohol', codes: [] }]).join(),
      /nothing was registered for alkohol, but the document carries it/,
    );
    assert.match(
      rules.onlyRegistered(d, [{ slice: 'tobak', codes: codes('tobak').slice(1) }]).join(),
      /component \d+ was not registered/,
    );
    const pmr = roundTrip(format, spec('PMR')).document;
    assert.deepEqual(rules.fetusMeasurements(pmr, CPR), []);
    const fetal = pmr.entries.filter((e) => e.fetus);
    for (const e of fetal) if (e.fetus) e.fetus = { ...e.fetus, relationshipSystem: '' };
    assert.match(rules.fetusMeasurements(pmr, CPR).join(), /expected .*\|CHILD/);
  });

  test(`${format}: a PRF built from answers has the eleven mandatory model elements once each`, () => {
    const answers = Object.fromEntries(
      Object.keys(PRF_MANDATORY_SECTIONS).map((k) => [
        k,
        [{ code: '398005008', display: 'Bemærkning', value: { type: 'string', value: 'Ingen' } }],
      ]),
    ) as PrfAnswers;
    const s = spec('PSCR', (x) => {
      x.kind = 'PRF';
      x.entries = prfEntries(answers, '2025-04-22T12:00:00.000+02:00');
    });
    const d = roundTrip(format, s).document;
    assert.deepEqual(
      [...rules.documentType(d, 'PRF'), ...rules.prfSections(d), ...rules.entriesFinal(d, CPR)],
      [],
    );
    const missing = roundTrip(format, { ...s, entries: s.entries.slice(1) }).document;
    assert.match(
      rules.prfSections(missing).join(),
      /familiehistorie-arvelige-sygdomme \(416471007\) occurs 0 times/,
    );
  });
}

test('cda: the header rules accept the reference header and name what is wrong', () => {
  const text = buildCdaDocument(spec('PSCR'));
  const ok = readCdaDocument(text).header;
  assert.ok(ok);
  assert.deepEqual(
    [
      ...declaresCdaStandard(ok),
      ...cdaIdentity(ok),
      ...cdaEffectiveTime(ok),
      ...cdaConfidentialityAndLanguage(ok),
      ...cdaCustodian(ok),
      ...cdaRecordTarget(ok),
    ],
    [],
  );
  const broken = readCdaDocument(
    text
      .replace('extension="POCD_HD000040"', 'extension="POCD_HD000041"')
      .replace('<confidentialityCode code="N"', '<confidentialityCode code="R"')
      .replace('<languageCode code="da-DK"/>', '<languageCode code="en-US"/>')
      .replace(/<versionNumber value="1"\/>/, '<versionNumber value="0"/>')
      .replace(/<effectiveTime value="(\d{12})\d\d(\.\d+)?\+0200"\/>/, '<effectiveTime value="$1+0200"/>'),
  ).header;
  assert.ok(broken);
  assert.match(declaresCdaStandard(broken).join(), /POCD_HD000041/);
  assert.match(cdaConfidentialityAndLanguage(broken).join(), /\|"R".*languageCode is "en-US"/s);
  assert.match(cdaIdentity(broken).join(), /versionNumber is "0"/);
  assert.match(cdaEffectiveTime(broken).join(), /needs seconds and a zone/);
});

test('cda: malformed XML and a foreign root are problems, never exceptions', () => {
  assert.match(readCdaDocument('<ClinicalDocument').problems.join(), /not well-formed XML/);
  assert.match(
    readCdaDocument('<x xmlns="urn:hl7-org:v2"/>').problems.join(),
    /expected \{urn:hl7-org:v3\}ClinicalDocument/,
  );
  // What xmldom recovers from is still not XML: an attribute without a quoted value.
  const text = buildCdaDocument(spec('PSCR'));
  assert.deepEqual(readCdaDocument(text).problems, []);
  assert.match(
    readCdaDocument(text.replace('<statusCode code=', '<statusCode completed code=')).problems.join(),
    /not well-formed XML: attribute "completed" missed value/,
  );
  // Text is allowed where CDA declares mixed content (a name, the section narrative), nowhere else.
  const mixed = text.replace('<given>', 'Fru <given>').replace('<table>', 'Oversigt <table>');
  assert.deepEqual(readCdaDocument(mixed).problems, []);
  assert.match(
    readCdaDocument(text.replace('<setId ', 'Kopi<setId ')).problems.join(),
    /text "Kopi" stands between the elements of ClinicalDocument/,
  );
  assert.match(
    readCdaDocument(text.replace('<statusCode ', 'x<statusCode ')).problems.join(),
    /between the elements of observation/,
  );
  assert.equal(tsToIso('20250422101500+0200'), '2025-04-22T10:15:00+02:00');
  assert.equal(isoToTs('2025-04-22T10:15:00.123+02:00'), '20250422101500.123+0200');
});

test('fhir: the structure rules accept the reference Bundle and reject a collection, identifiers and confidentiality', () => {
  const bundle = buildFhirDocument(spec('PMR'));
  assert.deepEqual([...readFhirDocument(bundle).problems, ...compositionConstraints(bundle)], []);
  const composition = bundle.entry?.[0]?.resource as fhir4.Composition;
  composition.identifier = { value: 'x' };
  composition.confidentiality = 'N';
  composition.status = 'preliminary';
  assert.match(
    compositionConstraints(bundle).join(),
    /status is "preliminary".*identifier, confidentiality/s,
  );
  bundle.type = 'collection';
  assert.match(readFhirDocument(bundle).problems.join(), /Bundle.type is "collection"/);
  assert.match(readFhirDocument({ resourceType: 'Patient' }).problems.join(), /not a FHIR Bundle/);
});

test('fhir: every fullUrl is an absolute URL or a urn:uuid with a UUID, each naming one entry (bdl-7)', () => {
  const fullUrlProblems = (urls: (string | undefined)[]) => {
    const bundle = buildFhirDocument(spec('PMR'));
    urls.forEach((url, i) => {
      const entry = bundle.entry?.[i];
      if (entry && url !== undefined) entry.fullUrl = url;
    });
    return readFhirDocument(bundle).problems.filter((p) => p.includes('fullUrl'));
  };
  assert.deepEqual(fullUrlProblems([]), []);
  // Upper case hex and an absolute URL are accepted.
  assert.deepEqual(fullUrlProblems(['urn:uuid:0A1B2C3D-0000-4000-8000-000000000001']), []);
  assert.deepEqual(fullUrlProblems(['https://gp.example/fhir/Composition/1']), []);
  assert.match(
    fullUrlProblems(['urn:uuid:']).join(),
    /entry\[0\]\.fullUrl "urn:uuid:" is not an absolute URL/,
  );
  assert.match(fullUrlProblems(['Composition/1']).join(), /is not an absolute URL or a valid urn:uuid/);
  const bundle = buildFhirDocument(spec('PMR'));
  const [first, second] = bundle.entry ?? [];
  if (first && second) second.fullUrl = first.fullUrl;
  assert.match(readFhirDocument(bundle).problems.join(), /entry\[1\]\.fullUrl .* names another entry too/);
});

test('an empty value is not CDA or FHIR: empty attributes and empty strings are named as read problems', () => {
  const cda = readCdaDocument(
    '<ClinicalDocument xmlns="urn:hl7-org:v3"><code code="PSCR" displayName=""/><title>t</title></ClinicalDocument>',
  );
  assert.match(cda.problems.join(), /the attribute code\/@displayName is empty/);
  const fhir = readFhirDocument({
    resourceType: 'Bundle',
    type: 'document',
    entry: [{ resource: { resourceType: 'Composition', title: '' } }],
  });
  assert.match(fhir.problems.join(), /Bundle\.entry\[0\]\.resource\.title is an empty string/);
  for (const format of FORMATS)
    assert.deepEqual(
      roundTrip(
        format,
        spec('PSCR', () => undefined),
      ).problems,
      [],
    );
});
