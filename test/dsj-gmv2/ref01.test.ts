// Reading a REF01 interchange in MedCom XML and judging its letter, parties, diagnosis and attachment references.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  pdfReferenceProblems,
  resolveReference,
  unreferencedObjects,
} from '../../src/rules/dsj/attachment-rules.ts';
import { readInterchange } from '../../src/rules/dsj/ref01.ts';
import {
  diagnosisProblems,
  isGln,
  letterProblems,
  oneReferral,
  patientProblems,
  receiverProblems,
  senderProblems,
  type Birthplace,
} from '../../src/rules/dsj/referral-rules.ts';
import { ANSWERS_ID, interchangeXml, JOURNAL_ID } from './fixtures.ts';

const BYTES = Buffer.from('%PDF-1.7 fixture');
const SYD: Birthplace = {
  ref: 'syd',
  name: 'Testfødested Syd (certbench)',
  department: 'Fødeafdelingen',
  ean: '5790001382018',
  shak: '9901011',
};

function only<T>(items: T[]): T {
  assert.equal(items.length, 1);
  return items[0] as T;
}

describe('REF01 interchange reading', () => {
  it('reads envelope, letter, parties, patient, diagnosis, references and binary objects', () => {
    const x = readInterchange(interchangeXml([{ id: JOURNAL_ID, bytes: BYTES }]));
    assert.equal(x.rootName, 'Emessage');
    assert.equal(x.envelope.identifier, 'DSJ00000000042');
    const referral = only(x.referrals);
    assert.equal(referral.letter.versionCode, 'XH0130R');
    assert.equal(referral.sender.identifierCode, 'ydernummer');
    assert.equal(referral.receiver.ean, '5790001382018');
    assert.equal(referral.patient.cpr, '0201919990');
    assert.equal(referral.diagnoses[0]?.code, 'DZ349');
    assert.deepEqual(only(referral.references), {
      description: 'Svangerskabsjournal',
      kind: 'BIN',
      objectIdentifier: JOURNAL_ID,
      objectCode: 'proprietaert_indhold',
      extensionCode: 'pdf',
      originalSize: String(BYTES.length),
    });
    assert.equal(only(only(x.binaryLetters).objects).objectIdentifier, JOURNAL_ID);
  });

  it('throws on a body that is not well-formed XML, so the counterpart records a parse error', () => {
    assert.throws(() => readInterchange('<Emessage><Envelope></Emessage>'));
    assert.throws(() => readInterchange('{"resourceType":"Bundle"}'));
  });

  it('passes the reference letter and fails wrong codes, namespace, receiver and diagnosis', () => {
    const good = readInterchange(interchangeXml([{ id: JOURNAL_ID, bytes: BYTES }]));
    const referral = only(good.referrals);
    assert.deepEqual(
      [
        ...oneReferral(good),
        ...letterProblems(good, referral),
        ...receiverProblems(referral, SYD),
        ...senderProblems(referral),
        ...patientProblems(referral, '0201919990', 'Lauridsen', ['Else', 'Test', 'Lauridsen']),
        ...diagnosisProblems(referral),
      ],
      [],
    );
    const bad = readInterchange(
      interchangeXml([{ id: JOURNAL_ID, bytes: BYTES }], {
        versionCode: 'XH0230R',
        diagnosis: 'DR109',
        receiverEan: '5790001382025',
        namespace: 'urn:other',
      }),
    );
    const badReferral = only(bad.referrals);
    assert.match(oneReferral(bad).join(), /namespace is urn:other/);
    assert.match(letterProblems(bad, badReferral).join(), /VersionCode is "XH0230R", expected XH0130R/);
    assert.match(
      receiverProblems(badReferral, SYD).join(),
      /EANIdentifier is "5790001382025", expected 5790001382018/,
    );
    assert.match(diagnosisProblems(badReferral).join(), /DR109.*not a pregnancy diagnosis/);
    assert.match(
      patientProblems(referral, '0201919996', 'Lauridsen', ['Else', 'Test', 'Lauridsen']).join(),
      /expected 0201919996/,
    );
  });

  it("fails the BinaryLetter's codes and identifier, an empty AcknowledgementCode and given names run together", () => {
    const bad = readInterchange(
      interchangeXml([{ id: JOURNAL_ID, bytes: BYTES }], {
        acknowledgementCode: '',
        binaryVersionCode: 'XH0130R',
        binaryIdentifier: 'DSJ000000000042B',
        givenName: 'ElseTest',
      }),
    );
    const referral = only(bad.referrals);
    const problems = letterProblems(bad, referral).join('\n');
    assert.match(problems, /Envelope\/AcknowledgementCode is missing or empty/);
    assert.match(problems, /BinaryLetter 1\/Letter\/VersionCode is "XH0130R", expected XB0130X/);
    assert.match(problems, /BinaryLetter 1\/Letter\/Identifier must have 1–14 characters/);
    assert.match(
      patientProblems(referral, '0201919990', 'Lauridsen', ['Else', 'Test', 'Lauridsen']).join(),
      /PersonGivenName "ElseTest" has "ElseTest"/,
    );
    // Fewer given names, or a middle name with the surname, are the person's names still.
    const one = readInterchange(interchangeXml([{ id: JOURNAL_ID, bytes: BYTES }], { givenName: 'Else' }));
    assert.deepEqual(
      patientProblems(only(one.referrals), '0201919990', 'Lauridsen', ['Else', 'Test', 'Lauridsen']),
      [],
    );
  });

  it('checks GLNs by their GS1 check digit', () => {
    assert.equal(isGln('5790000147465'), true);
    assert.equal(isGln('5790000147466'), false);
    assert.equal(isGln('045861'), false);
  });
});

describe('REF01 attachment rules', () => {
  it('accepts a BIN pdf reference with a short description, UUID, object code and size', () => {
    const x = readInterchange(interchangeXml([{ id: JOURNAL_ID, bytes: BYTES }]));
    const reference = only(only(x.referrals).references);
    assert.deepEqual(pdfReferenceProblems(reference), []);
    const resolved = resolveReference(reference, x);
    assert.deepEqual(resolved.problems, []);
    assert.ok('bytes' in resolved && resolved.bytes.equals(BYTES));
    assert.deepEqual(unreferencedObjects(x), []);
  });

  it('names a description over 70 characters, a non-UUID identifier, a wrong extension and a bad size', () => {
    const long = 'Svangerskabsjournal udfyldt i Digital Svangrejournal ved første konsultation';
    const x = readInterchange(
      interchangeXml([{ id: 'journal-1', description: long, extension: 'doc', size: '0', bytes: BYTES }]),
    );
    const problems = pdfReferenceProblems(only(only(x.referrals).references)).join('\n');
    assert.match(problems, new RegExp(`RefDescription has ${long.length} characters, at most 70`));
    assert.match(problems, /ObjectIdentifier must be a UUID, found "journal-1"/);
    assert.match(problems, /ObjectExtensionCode must be pdf, found "doc"/);
    assert.match(problems, /OriginalObjectSize must be a positive integer, found "0"/);
  });

  it('fails a dangling reference, a size that is not the byte count, and an unreferenced object', () => {
    const x = readInterchange(
      interchangeXml([
        { id: JOURNAL_ID, bytes: BYTES, size: '1' },
        { id: ANSWERS_ID, bytes: BYTES, missing: true },
      ]),
    );
    const [journal, answers] = only(x.referrals).references;
    assert.ok(journal && answers);
    assert.match(
      resolveReference(journal, x).problems.join(),
      /decodes to 16 bytes, OriginalObjectSize says 1/,
    );
    assert.match(
      resolveReference(answers, x).problems.join(),
      /matches 0 binary objects, expected exactly 1/,
    );
    const extra = readInterchange(
      interchangeXml([{ id: JOURNAL_ID, bytes: BYTES }]).replace(
        '</BinaryLetter>',
        `<BinaryObject><ObjectIdentifier>${ANSWERS_ID}</ObjectIdentifier><Object_Base64Encoded>AA==</Object_Base64Encoded></BinaryObject></BinaryLetter>`,
      ),
    );
    assert.match(unreferencedObjects(extra).join(), new RegExp(`${ANSWERS_ID} is not referenced`));
  });

  it('fails an identifier that matches two binary objects', () => {
    const xml = interchangeXml([{ id: JOURNAL_ID, bytes: BYTES }]);
    const duplicated = xml.replace(/(<BinaryObject>.*<\/BinaryObject>)/, '$1$1');
    const x = readInterchange(duplicated);
    assert.match(
      resolveReference(only(only(x.referrals).references), x).problems.join(),
      /matches 2 binary objects/,
    );
  });
});
