// The receiver rules accept every official MedCom HomeCareObservation example (as published and as certbench
// freshens and varies it) and reject invalid variants; the vendored copies equal the shared originals.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  EXAMPLES,
  EXAMPLES_DIR,
  loadExample,
  sharedSourceOf,
  type ExampleId,
} from '../../src/rules/homecare/examples.ts';
import { readHco } from '../../src/rules/homecare/message.ts';
import { hcoProblems } from '../../src/rules/homecare/message-rules.ts';
import {
  changesProblems,
  chartAnalysisComments,
  shownAttachments,
  shownComments,
  shownResults,
} from '../../src/rules/homecare/view-rules.ts';
import {
  asCollection,
  asReply,
  cancellationOf,
  CORRECTABLE,
  correctionOfElement,
  type Correctable,
  correctionOf,
  freshMessage,
  headerOf,
  inOtherShapes,
  reportOf,
  resendOf,
  withBrokenReference,
  withComparators,
  withOtherActivity,
  withOtherEvent,
  withTooLongResult,
  withTwelveCharacterResult,
  withUnknownInitials,
  withAttachmentWithoutAuthor,
  withoutMessageHeaderId,
  withSignerByFamilyName,
} from '../../src/rules/homecare/variants.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';

const SHARED = join(PACKAGE_ROOT, '..', 'shared', 'examples', 'medcom');
const IDS = Object.keys(EXAMPLES) as ExampleId[];
const NOW = new Date('2026-03-02T09:15:00Z');

test('the vendored examples are byte-for-byte the shared originals', (t) => {
  if (!existsSync(SHARED)) return t.skip('no ../shared beside the repository');
  for (const id of IDS)
    assert.ok(
      readFileSync(join(EXAMPLES_DIR, EXAMPLES[id])).equals(readFileSync(join(SHARED, sharedSourceOf(id)))),
      `${EXAMPLES[id]} differs from the shared original`,
    );
});

test('every official example is acceptable, as published and as certbench sends it', () => {
  for (const id of IDS) {
    assert.deepEqual(hcoProblems(loadExample(id)), [], `${id} as published`);
    assert.deepEqual(hcoProblems(freshMessage(loadExample(id), NOW)), [], `${id} freshened`);
  }
});

test('a freshened message has new UUIDs and the sending time, and its references follow the renamed resources', () => {
  const sent = freshMessage(loadExample('R1-3.3.1.1'), NOW);
  const message = readHco(sent);
  assert.match(sent.id ?? '', /^[0-9a-f-]{36}$/);
  assert.match(message.messageId ?? '', /^[0-9a-f-]{36}$/);
  assert.equal(sent.timestamp, '2026-03-02T10:15:00+01:00');
  assert.equal(message.sentAt, '2026-03-02T10:15:00+01:00');
  assert.equal(message.activity, 'new-message');
  assert.notEqual(freshMessage(loadExample('R1-3.3.1.1'), NOW).id, sent.id);
});

test('the reader finds what a receiver must show', () => {
  const message = readHco(loadExample('R1-3.3.1.1'));
  assert.deepEqual(message.patient, {
    id: '2509479989',
    system: 'urn:oid:1.2.208.176.1.2',
    name: 'Bruno Elmer',
  });
  assert.deepEqual(message.producer, {
    name: 'Pleje og Rehabilitering',
    sor: '1267041000016006',
    producerId: 'KAF',
  });
  assert.equal(message.receiver?.initials, 'ALP');
  assert.deepEqual(message.signature, { name: 'John', role: 'sygeplejerske', phone: '+45 05577668' });
  assert.deepEqual(
    message.results.map((r) => [r.code, r.value, r.unit, r.notInterpreted]),
    [
      ['NPU22089', '6.8', 'mmol/L', true],
      ['NPU21692', '147', '1/min', true],
    ],
  );
  assert.equal(message.results[1]?.analysisComment, 'Patienten har været ud og løbe lige inden målingen.');
  assert.equal(readHco(loadExample('R1A1-3.3.3.1')).refusedConsent, true);
  assert.equal(readHco(loadExample('3.4.1')).patient?.id, '0703921VJ5');
  assert.equal(readHco(loadExample('3.4.5')).attachments.length, 2);
});

test("attachments (3.2.2.2): the author's name and the time of creation are shown where the message gives them", () => {
  const message = readHco(loadExample('R1-3.3.2.1'));
  assert.deepEqual(
    message.attachments.map((a) => [a.title, a.authorNames, a.creation]),
    [['MedCom Logo', ['John'], '2025-08-08T13:00:00+02:00']],
  );
  const bytes = message.attachments[0]?.bytes;
  const item = (fields: Record<string, unknown>) => ({
    attachments: [{ title: 'MedCom Logo', contentType: 'image/png', bytes, ...fields }],
  });
  assert.deepEqual(
    shownAttachments(item({ author: 'John (sygeplejerske)', createdAt: '2025-08-08T11:00:00Z' }), message),
    [],
    'the same instant in UTC, the name with the role',
  );
  assert.deepEqual(shownAttachments(item({}), message), [
    'attachment "MedCom Logo": author is (missing), expected the name of the author (John)',
    'attachment "MedCom Logo": createdAt is (missing), expected the time of creation 2025-08-08T13:00:00+02:00',
  ]);
  assert.match(
    shownAttachments(item({ author: 'John', createdAt: '2025-08-08T13:00:00Z' }), message).join(),
    /createdAt is "2025-08-08T13:00:00Z"/,
  );
  // A message without author or time asks for neither.
  const bare = {
    ...message,
    attachments: message.attachments.map(({ id, title, contentType, bytes: b }) => ({
      id,
      title,
      contentType,
      bytes: b,
    })),
  };
  assert.deepEqual(shownAttachments(item({}), bare), []);
});

test('the variants certbench derives are valid and carry what the protocol needs', () => {
  const example2 = withComparators(withUnknownInitials(freshMessage(loadExample('R1-3.3.2.1'), NOW)));
  assert.deepEqual(hcoProblems(example2), []);
  const read = readHco(example2);
  assert.equal(read.receiver?.initials, 'unknown');
  assert.deepEqual(
    read.results.filter((r) => r.comparator).map((r) => `${r.code} ${r.value ?? ''} ${r.unit ?? ''}`),
    ['NPU22089 >33.3 mmol/L', 'NPU19748 <5 mg/L'],
  );
  const sent = freshMessage(loadExample('R1-3.3.1.1'), NOW);
  const later = new Date(NOW.getTime() + 60_000);
  const correction = correctionOf(sent, later, 7.2);
  const cancellation = cancellationOf(sent, later, 'Prøvesvaret er sendt på forkert CPR-nummer');
  for (const [name, bundle, activity, role] of [
    ['correction', correction, 'modified-message', 'revision'],
    ['cancellation', cancellation, 'retract-message', 'removal'],
  ] as const) {
    assert.deepEqual(hcoProblems(bundle), [], name);
    const m = readHco(bundle);
    assert.equal(m.activity, activity);
    assert.equal(m.entityRole, role);
    assert.equal(m.previousMessageId, headerOf(sent).id);
    assert.notEqual(m.messageId, headerOf(sent).id, `${name} is a new message`);
  }
  assert.equal(readHco(correction).results[0]?.value, '7.2');
  assert.equal(reportOf(cancellation).conclusion, 'Prøvesvaret er sendt på forkert CPR-nummer');
  const resend = resendOf(sent, later);
  assert.deepEqual(hcoProblems(resend), []);
  assert.equal(headerOf(resend).id, headerOf(sent).id);
  assert.notEqual(resend.id, sent.id);
});

/** Invalid variants of test example 1 and the problem each must produce. */
const INVALID: [string, (b: fhir4.Bundle) => void, RegExp][] = [
  ['a result over 12 characters', (b) => void withTooLongResult(b), /13 characters, at most 12/],
  ['a broken reference', (b) => void withBrokenReference(b), /does not resolve inside the message/],
  [
    'another event',
    (b) => void (headerOf(b).eventCoding = { ...headerOf(b).eventCoding, code: 'carecommunication-message' }),
    /eventCoding/,
  ],
  [
    "the IG text's activity modify-message",
    (b) => {
      const provenance = b.entry?.find((e) => e.resource?.resourceType === 'Provenance')
        ?.resource as fhir4.Provenance;
      provenance.activity = { coding: [{ code: 'modify-message' }] };
    },
    /not in medcom-HomeCareObservation-messagingActivities/,
  ],
  [
    'a result without the NI interpretation',
    (b) => {
      for (const e of b.entry ?? [])
        if (e.resource?.resourceType === 'Observation')
          delete (e.resource as fhir4.Observation).interpretation;
    },
    /not reference-evaluated/,
  ],
  [
    'a cc destination',
    (b) => void headerOf(b).destination?.push({ endpoint: 'https://sor2.sum.dsdn.dk/#id=1', extension: [] }),
    /exactly one primary/,
  ],
  [
    'a receiver contact with neither initials nor data-absent-reason',
    (b) => {
      for (const e of b.entry ?? [])
        if (e.resource?.resourceType === 'Organization' && (e.resource as fhir4.Organization).contact)
          (e.resource as fhir4.Organization).contact = [{}];
    },
    /medcom-homecareObservation-4/,
  ],
  ['a report with status preliminary', (b) => void (reportOf(b).status = 'preliminary'), /expected final/],
  ['a Bundle of type collection', (b) => void (b.type = 'collection'), /expected message/],
];

for (const [name, change, expected] of INVALID)
  test(`the rules reject a message with ${name}`, () => {
    const bundle = freshMessage(loadExample('R1-3.3.1.1'), NOW);
    change(bundle);
    const problems = hcoProblems(bundle);
    assert.ok(
      problems.some((p) => expected.test(p)),
      `expected a problem matching ${String(expected)}, got ${JSON.stringify(problems)}`,
    );
  });

test('a MessageHeader without id is rejected; an attachment without author is valid', () => {
  const fresh = (id: Parameters<typeof loadExample>[0]) => freshMessage(loadExample(id), NOW);
  assert.match(
    hcoProblems(withoutMessageHeaderId(fresh('Test example 1'))).join(),
    /MessageHeader.id is missing/,
  );
  const withoutAuthor = withAttachmentWithoutAuthor(fresh('R1-3.3.2.4'));
  assert.deepEqual(hcoProblems(withoutAuthor), []);
  assert.equal(readHco(withoutAuthor).attachments.length, 1);
  assert.equal(readHco(withoutAuthor).attachments[0]?.authorNames, undefined);
});

test('something that is not a Bundle is rejected', () => {
  assert.deepEqual(hcoProblems({ resourceType: 'Patient' }), ['the message is not a FHIR Bundle']);
  assert.deepEqual(hcoProblems('garbage'), ['the message is not a FHIR Bundle']);
});

test('the variants at and beyond each rejection: 12 characters and a reply are valid; collection, another event and forward-message are not', () => {
  const fresh = () => freshMessage(loadExample('Test example 1'), NOW);
  const twelve = withTwelveCharacterResult(fresh());
  assert.deepEqual(hcoProblems(twelve), []);
  assert.ok(readHco(twelve).results.some((r) => r.value === '>33.300000001'));
  assert.deepEqual(hcoProblems(asReply(fresh())), []);
  assert.match(hcoProblems(asCollection(fresh())).join('; '), /expected message/);
  assert.match(hcoProblems(withOtherEvent(fresh())).join('; '), /care-communication-message/);
  assert.match(hcoProblems(withOtherActivity(fresh())).join('; '), /forward-message/);
});

test('each correctable element corrected on its own: a valid correction that changes that element only', () => {
  const sent = freshMessage(loadExample('R1-3.3.2.1'), NOW);
  const before = readHco(sent);
  const later = new Date(NOW.getTime() + 60_000);
  for (const element of Object.keys(CORRECTABLE) as Correctable[]) {
    const correction = correctionOfElement(sent, later, element);
    assert.deepEqual(hcoProblems(correction), [], element);
    const after = readHco(correction);
    const changed = after.results.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before.results[i]));
    const expected = {
      result: 1,
      'sampling time': 1,
      'analysis comment': 1,
      'results: one added': 1,
    } as Record<string, number>;
    assert.equal(changed.length, expected[element] ?? 0, `${element}: results changed`);
  }
});

test('the changes of a correction must name each changed result and no other', () => {
  const sent = freshMessage(loadExample('R1-3.3.2.1'), NOW);
  const before = readHco(sent);
  const after = readHco(correctionOfElement(sent, new Date(NOW.getTime() + 60_000), 'sampling time'));
  assert.deepEqual(changesProblems({ changes: ['NPU22089: prøvetid 14:47 → 14:17'] }, before, after), []);
  const longName = before.results.find((r) => r.code === 'NPU22089')?.display ?? '?';
  assert.deepEqual(changesProblems({ changes: [`${longName}: prøvetid rettet`] }, before, after), []);
  assert.match(changesProblems({ changes: [] }, before, after).join(), /does not say what was corrected/);
  assert.match(
    changesProblems({ changes: ['prøvetid rettet'] }, before, after).join(),
    /do not name the corrected result NPU22089/,
  );
  assert.match(
    changesProblems({ changes: ['NPU22089 rettet', 'NPU21692 rettet'] }, before, after).join(),
    /name NPU21692, which the correction did not change/,
  );
  const comment = readHco(correctionOfElement(sent, new Date(NOW.getTime() + 60_000), 'clinical comment'));
  assert.deepEqual(changesProblems({ changes: ['klinisk kommentar rettet'] }, before, comment), []);
  assert.match(
    changesProblems({ changes: [' '] }, before, comment).join(),
    /does not say what was corrected/,
  );
});

test('the other valid shapes (KP-CB-3/4): a text result, a unit as code, two notes, a role display, the phone after an e-mail, a producer of its own', () => {
  const bundle = inOtherShapes(freshMessage(loadExample('R1-3.3.1.1'), NOW));
  assert.deepEqual(hcoProblems(bundle), []);
  const m = readHco(bundle);
  const byCode = (code: string) => m.results.find((r) => r.code === code);
  assert.equal(byCode('NPU04206')?.value, '1+');
  assert.equal(byCode('NPU04206')?.unit, undefined);
  assert.equal(byCode('NPU22089')?.unit, 'mmol/L');
  assert.equal(byCode('NPU21692')?.analysisNotes?.length, 2);
  assert.equal(m.signature?.role, 'Social- og sundhedsassistent');
  assert.equal(m.signature?.phone, '+45 05577668');
  assert.equal(m.producer?.sor, '953741000016009');
  // The producer is not the sender, and is named after the PractitionerRole.
  assert.match(reportOf(bundle).performer?.[0]?.reference ?? '', /^PractitionerRole\//);
  assert.notEqual(headerOf(bundle).sender?.reference, reportOf(bundle).performer?.[1]?.reference);
  // The view as a conforming system may show it: the notes joined its own way, no unit or an empty one for the text.
  const row = (code: string, extra: Record<string, unknown>) => ({
    code,
    value: byCode(code)?.value,
    notReferenceEvaluated: true,
    ...extra,
  });
  const notes = byCode('NPU21692')?.analysisNotes ?? [];
  const rows = [
    row('NPU22089', { unit: 'mmol/L' }),
    row('NPU21692', { unit: '1/min', analysisComment: notes.join(' / ') }),
    row('NPU04206', { unit: '' }),
  ];
  const item = { results: rows, clinicalComment: m.clinicalComment };
  assert.deepEqual(shownResults(item, m), []);
  assert.deepEqual(shownComments(item, m), []);
  assert.deepEqual(chartAnalysisComments(rows, m), []);
  const firstNoteOnly = rows.map((r) => (r.code === 'NPU21692' ? { ...r, analysisComment: notes[0] } : r));
  assert.match(chartAnalysisComments(firstNoteOnly, m).join(), /without the note/);
  // Any separator keeps the notes apart; none runs them together.
  const glued = rows.map((r) => (r.code === 'NPU21692' ? { ...r, analysisComment: notes.join('') } : r));
  assert.match(chartAnalysisComments(glued, m).join(), /runs the notes together/);
  const reversed = rows.map((r) =>
    r.code === 'NPU21692' ? { ...r, analysisComment: [...notes].reverse().join('\n') } : r,
  );
  assert.deepEqual(chartAnalysisComments(reversed, m), []);
  // The EOJ's own coding before MedCom's NI still marks the result not reference-evaluated; the signer by family name.
  assert.equal(byCode('NPU21692')?.notInterpreted, true);
  assert.equal(m.signature?.name, 'John');
  const byFamily = withSignerByFamilyName(freshMessage(loadExample('R1-3.3.1.1'), NOW));
  assert.deepEqual(hcoProblems(byFamily), []);
  assert.equal(readHco(byFamily).signature?.name, 'Jensen');
  const withoutUnit = rows.map((r) => (r.code === 'NPU22089' ? { ...r, unit: undefined } : r));
  assert.match(shownResults({ results: withoutUnit }, m).join(), /unit is \(missing\), expected "mmol\/L"/);
});
