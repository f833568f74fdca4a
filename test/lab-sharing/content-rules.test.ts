// The lab rules on one message: a conforming message passes; each deviation fails with a message that names the
// element, the expected and the actual value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as content from '../../src/rules/lab/content-rules.ts';
import { readMessage } from '../../src/rules/lab/message.ts';
import * as message from '../../src/rules/lab/message-rules.ts';
import { crpMessage, crpResult, part } from './fixtures.ts';

const read = (json = crpMessage()) => readMessage(json);
const window = {
  start: new Date('2026-06-15T07:59:59Z'),
  end: new Date('2026-06-15T08:00:01Z'),
  toleranceMs: 0,
};

describe('lab message rules', () => {
  it('accept the conforming message', () => {
    const m = read();
    const r = crpResult();
    const all = [
      ...message.messageStructure(m),
      ...message.messageIdentity(m, window),
      ...message.identifiersPresent(m),
      ...message.senderAsDeclared(m, 'gp-system'),
      ...message.provenanceRecords(m, 'new-message'),
      ...content.patientCpr(m, '2509479989'),
      ...content.npuAsRegistered(m, r),
      ...content.quantityAsRegistered(m, r),
      ...content.comparatorAsRegistered(m, r),
      ...content.samplingTimeAsRegistered(m, r),
      ...content.producerIsGeneralPractice(m),
      ...content.statusIs(m, 'final'),
      ...content.restrictionIs(m, false),
      ...message.headerAsModel(m, 'laba', 'gp-system'),
      ...content.codedAsModel(m, 'biochemistry'),
      ...content.patientAsTestPerson(m, '2509479989'),
    ];
    assert.deepEqual(all, []);
  });

  it('require the event code, the database as destination and the declared sender as software', () => {
    assert.match(
      message.headerAsModel(read(), 'miba', 'gp-system').join(),
      /destination\.name is "LABA", expected "MiBA"/,
    );
    assert.match(
      message.headerAsModel(read(), 'laba', 'plsp').join(),
      /software is "Example LPS", expected "PLSP"/,
    );
    const json = crpMessage();
    const header = part(json, 'MessageHeader');
    header['eventCoding'] = { system: 'urn:certbench:lab-sharing' };
    header['destination'] = [];
    header['source'] = { name: 'Example LPS', software: 'PLSP' };
    const problems = message.headerAsModel(read(json), 'laba', 'gp-system').join('\n');
    assert.match(problems, /eventCoding .* expected a system and a code/);
    assert.match(problems, /destination has 0 entries, expected one: LABA/);
    assert.match(problems, /source\.endpoint is missing/);
    assert.match(problems, /software is "PLSP", but the GP system sends itself/);
  });

  it('require the report code of the discipline and the laboratory category', () => {
    assert.match(
      content.codedAsModel(read(), 'microbiology').join(),
      /no coding http:\/\/loinc.org\|18725-2/,
    );
    const json = crpMessage();
    delete part(json, 'Observation')['category'];
    assert.match(content.codedAsModel(read(json), 'biochemistry').join(), /category is not .*\|laboratory/);
  });

  it("require the test patient's name, and the CPR's gender and birth date where given", () => {
    assert.deepEqual(content.patientAsTestPerson(read(), '0201609996').length, 3);
    const json = crpMessage();
    const patient = part(json, 'Patient');
    delete patient['gender'];
    delete patient['birthDate'];
    patient['name'] = [{ family: 'Hansen', given: ['Elmer', 'Test'] }];
    assert.deepEqual(content.patientAsTestPerson(read(json), '2509479989'), []);
    patient['gender'] = 'unknown';
    assert.deepEqual(content.patientAsTestPerson(read(json), '2509479989'), []);
    patient['birthDate'] = '1947-09-26';
    delete patient['name'];
    assert.match(
      content.patientAsTestPerson(read(json), '2509479989').join('\n'),
      /name is missing\n.*birthDate is "1947-09-26", but CPR 2509479989 records 250947/,
    );
  });

  it('require the UCUM code of an agreed analysis, not its unit text', () => {
    const json = crpMessage();
    (part(json, 'Observation')['valueQuantity'] as Record<string, unknown>)['code'] = 'mg/dL';
    assert.match(
      content.quantityAsRegistered(read(json), crpResult()).join(),
      /expected the UCUM code mg\/L/,
    );
  });

  it('require the display "restricted" where the R label has one', () => {
    const json = crpMessage();
    for (const type of ['DiagnosticReport', 'Observation'])
      part(json, type)['meta'] = {
        security: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
            code: 'R',
            display: 'normal',
          },
        ],
      };
    assert.match(content.restrictionIs(read(json), true).join(), /display "normal", expected "restricted"/);
  });

  it('require a message Bundle with the MessageHeader first', () => {
    const json = crpMessage();
    json['type'] = 'collection';
    (json['entry'] as unknown[]).reverse();
    const problems = message.messageStructure(read(json));
    assert.ok(problems.includes('Bundle.type is "collection", expected "message"'));
    assert.ok(problems.includes('Bundle.entry[0] is Provenance, expected the MessageHeader'));
  });

  it('require UUIDs and the Danish offset at the time of sending', () => {
    const json = crpMessage();
    json['id'] = 'labsvar-1';
    json['timestamp'] = '2026-06-15T08:00:00.000+00:00';
    const problems = message.messageIdentity(read(json), window);
    assert.match(problems.join('\n'), /Bundle\.id is "labsvar-1", expected a UUID/);
    assert.match(problems.join('\n'), /offset \+00:00, expected a Danish offset/);
  });

  it('find identifiers that are missing, not urn:uuid, or shared by two results', () => {
    const json = crpMessage();
    (part(json, 'Observation')['identifier'] as { value: string }[])[0]!.value = '1001';
    assert.match(
      message.identifiersPresent(read(json)).join(),
      /identifier\.value is "1001", expected urn:uuid/,
    );
    assert.match(message.identifiersDistinct([read(), read()]).join(), /reuses the identifier urn:uuid:aa6f/);
  });

  it('check the sender against the declared variant', () => {
    assert.deepEqual(message.senderAsDeclared(read(), 'plsp'), [
      'MessageHeader.source.name is "Example LPS", expected "PLSP" (variant plsp)',
    ]);
    const plsp = crpMessage();
    (part(plsp, 'MessageHeader')['source'] as { name: string }).name = 'PLSP';
    assert.deepEqual(message.senderAsDeclared(read(plsp), 'plsp'), []);
    assert.match(message.senderAsDeclared(read(plsp), 'gp-system').join(), /expected the GP system's name/);
  });

  it('check the Provenance activity and its reference to the previous message', () => {
    const correction = read(
      crpMessage({
        messageId: '11111111-2222-4333-8444-555555555555',
        previous: { role: 'revision', id: 'abc' },
      }),
    );
    assert.deepEqual(
      message.provenanceRecords(correction, 'modified-message', { role: 'revision', messageId: 'abc' }),
      [],
    );
    assert.match(
      message
        .provenanceRecords(correction, 'modified-message', { role: 'revision', messageId: 'other' })
        .join(),
      /no role "revision" pointing to the previous message urn:uuid:other \(found revision → abc\)/,
    );
    assert.match(message.provenanceRecords(correction, 'new-message').join(), /expected .*#new-message/);
  });

  it('compare NPU code, value, unit and comparator with the registration', () => {
    const json = crpMessage();
    const observation = part(json, 'Observation');
    observation['valueQuantity'] = { value: 5 };
    (observation['code'] as { coding: { display?: string }[] }).coding[0]!.display = 'CRP';
    const m = read(json);
    assert.match(
      content.npuAsRegistered(m, crpResult()).join(),
      /display is "CRP", expected "P—C-reaktivt protein/,
    );
    assert.match(
      content.quantityAsRegistered(m, crpResult()).join(),
      /valueQuantity\.unit is undefined, expected "mg\/L"/,
    );
    assert.match(content.comparatorAsRegistered(m, crpResult()).join(), /comparator is null, expected "<"/);
  });

  it('require dipstick grades as text on the agreed scale and organisms as codes', () => {
    const json = crpMessage();
    const observation = part(json, 'Observation');
    delete observation['valueQuantity'];
    observation['valueQuantity'] = { value: 1 };
    const stix = { ...crpResult(), analyses: [{ npu: 'NPU19748', display: 'x', grade: '1+' }] };
    assert.match(
      content.gradeAsRegistered(read(json), stix).join(),
      /valueString is missing \(found valueQuantity/,
    );
    delete observation['valueQuantity'];
    observation['valueString'] = 'positiv';
    assert.match(content.gradeAsRegistered(read(json), stix).join(), /"positiv" is not on the agreed scale/);
    const culture = {
      ...crpResult(),
      analyses: [
        {
          npu: 'NPU19748',
          display: 'x',
          organism: { system: 'http://snomed.info/sct', code: '112283007', display: 'E. coli' },
        },
      ],
    };
    assert.match(
      content.organismAsRegistered(read(json), culture).join(),
      /no coding http:\/\/snomed\.info\/sct\|112283007/,
    );
  });

  it('require the registered sampling time with the Danish offset of that instant', () => {
    const json = crpMessage();
    part(json, 'Observation')['effectiveDateTime'] = '2026-06-15T08:30:00+01:00';
    const problems = content.samplingTimeAsRegistered(read(json), crpResult()).join('\n');
    assert.match(problems, /has offset \+01:00, expected the Danish offset \+02:00/);
    assert.doesNotMatch(problems, /expected the registered sampling time/, 'the same instant, wrong offset');
    part(json, 'DiagnosticReport')['effectiveDateTime'] = '2026-06-15T10:30:00+02:00';
    assert.match(
      content.samplingTimeAsRegistered(read(json), crpResult()).join(),
      /expected the registered sampling time/,
    );
  });

  it('require the clinic with SOR, ydernummer and the general practice type', () => {
    const json = crpMessage();
    const clinic = part(json, 'Organization');
    clinic['identifier'] = (clinic['identifier'] as { system: string }[]).slice(0, 1);
    delete clinic['type'];
    const problems = content.producerIsGeneralPractice(read(json)).join('\n');
    assert.match(problems, /ydernummer null, expected 6 digits/);
    assert.match(problems, /type is not http:\/\/snomed\.info\/sct\|394761003 \(almen lægepraksis\)/);
  });

  it('see the restriction of nægtet samtykke on report and observations', () => {
    const json = crpMessage();
    part(json, 'DiagnosticReport')['meta'] = {
      security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }],
    };
    assert.equal(content.restrictionIs(read(json), true).length, 1, 'the Observation lacks it');
    assert.match(
      content.restrictionIs(read(json), false).join(),
      /DiagnosticReport\/.*meta\.security is .*\|R, but no refusal/,
    );
  });
});
