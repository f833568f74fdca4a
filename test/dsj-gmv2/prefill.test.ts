// The questionnaire answers as certbench delivers them, and the pre-fill rules over the observed DSJ.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldProblems, readDsjFields } from '../../src/rules/dsj/prefill-rules.ts';
import {
  buildQuestionnaireResponse,
  DSJ_QUESTIONNAIRE,
  typedValue,
  type QuestionnaireAnswer,
} from '../../src/rules/dsj/questionnaire.ts';
import { structuralIssues } from '../../src/fhir/structural.ts';

const ANSWERS: QuestionnaireAnswer[] = [
  { field: 'hoejde', question: 'Hvor høj er du (cm)?', answer: '168', type: 'integer' },
  {
    field: 'vaegt-foer-graviditet',
    question: 'Vægt før graviditeten (kg)?',
    answer: '64.5',
    type: 'decimal',
  },
  { field: 'tobak', question: 'Ryger du?', answer: 'nej', type: 'boolean' },
  { field: 'sidste-menstruation', question: 'Sidste menstruation?', answer: '2026-01-05', type: 'date' },
  { field: 'civilstand', question: 'Civilstand?', answer: 'samlevende', type: 'string' },
];

describe('the questionnaire answers certbench delivers', () => {
  it('is a completed QuestionnaireResponse about the woman by CPR, one typed answer per DSJ field', () => {
    const qr = buildQuestionnaireResponse('0201919990', ANSWERS, '2026-03-01T08:00:00.000Z', 'qr-1') as {
      item: { linkId: string; answer: Record<string, unknown>[] }[];
    } & Record<string, unknown>;
    assert.equal(qr['resourceType'], 'QuestionnaireResponse');
    assert.equal(qr['status'], 'completed');
    assert.equal(qr['questionnaire'], DSJ_QUESTIONNAIRE);
    assert.deepEqual(qr['subject'], {
      identifier: { system: 'urn:oid:1.2.208.176.1.2', value: '0201919990' },
    });
    assert.deepEqual(
      qr.item.map((i) => [i.linkId, i.answer[0]]),
      [
        ['hoejde', { valueInteger: 168 }],
        ['vaegt-foer-graviditet', { valueDecimal: 64.5 }],
        ['tobak', { valueBoolean: false }],
        ['sidste-menstruation', { valueDate: '2026-01-05' }],
        ['civilstand', { valueString: 'samlevende' }],
      ],
    );
    assert.deepEqual(structuralIssues(qr), []);
  });

  it('refuses answers that do not fit their type', () => {
    assert.throws(() => typedValue('måske', 'boolean'), /ja or nej/);
    assert.throws(() => typedValue('1.5', 'integer'), /integer answer expected/);
  });
});

describe('pre-fill rules over observation dsj.record', () => {
  const observed = {
    fields: [
      { field: 'hoejde', label: 'Højde (cm)', value: 168, source: 'questionnaire' },
      { field: 'tobak', label: 'Ryger', value: false, source: 'gp' },
      { field: 'alkohol', label: 'Alkohol', value: 1, source: 'gp' },
    ],
  };

  it('passes matching values and sources and names each deviation', () => {
    const { fields, problems } = readDsjFields(observed);
    assert.deepEqual(problems, []);
    assert.deepEqual(fieldProblems(fields, [{ field: 'hoejde', value: 168 }], 'questionnaire', 'value'), []);
    assert.deepEqual(fieldProblems(fields, [{ field: 'tobak', value: false }], 'questionnaire', 'source'), [
      'field tobak is marked source "gp", expected "questionnaire"',
    ]);
    assert.deepEqual(fieldProblems(fields, [{ field: 'alkohol', value: 0 }], 'gp', 'value'), [
      'field alkohol is 1, expected 0',
    ]);
    assert.deepEqual(
      fieldProblems(fields, [{ field: 'civilstand', value: 'gift' }], 'questionnaire', 'value'),
      ['field civilstand is not in the DSJ'],
    );
  });

  it('reports an observation without fields, and a field shown twice', () => {
    assert.deepEqual(readDsjFields({ patient: '0201919990' }).problems, [
      'observation dsj.record has no fields array',
    ]);
    assert.deepEqual(readDsjFields({ fields: [observed.fields[0], observed.fields[0]] }).problems, [
      'field hoejde is shown twice',
    ]);
  });
});
