// S2: the PDF attachments of the referral: well-formed references, each resolving to its binary object, each a
// PDF that opens and says what the DSJ says.
import { Then } from '@cucumber/cucumber';
import { pdfReferenceProblems, unreferencedObjects } from '../../src/rules/dsj/attachment-rules.ts';
import {
  answersShown,
  fieldsUnderTheirSections,
  missingHeadings,
  patientShown,
  placeholdersPrinted,
  valuesShown,
} from '../../src/rules/dsj/pdf-content-rules.ts';
import { typedValue } from '../../src/rules/dsj/questionnaire.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { attachments, receivedReferral } from './referral.ts';
import type { FieldValue } from '../../src/rules/dsj/questionnaire.ts';
import {
  chosenBirthplace,
  dsjScenario,
  dsjValue,
  NO_OBSERVATION,
  observedDsj,
  scenarioPatient,
} from './state.ts';

Then(
  'every attachment is referenced as a PDF binary object with a short description and its size',
  async function (this: CertbenchWorld) {
    const { referral, problems } = await receivedReferral(this);
    const references = referral?.references ?? [];
    this.verify(
      'attachment references',
      [
        ...problems,
        ...(referral && references.length === 0 ? ['the referral has no Reference'] : []),
        ...references.flatMap((r, i) => pdfReferenceProblems(r).map((p) => `Reference ${i + 1}: ${p}`)),
      ],
      {
        location: 'HospitalReferral/Reference',
        expected:
          'RefDescription 1–70 characters; BIN with UUID ObjectIdentifier, ObjectCode, ObjectExtensionCode pdf, OriginalObjectSize',
      },
    );
  },
);

Then(
  'every attachment reference resolves to exactly one binary object of the stated size',
  async function (this: CertbenchWorld) {
    const { interchange } = await receivedReferral(this);
    const { found, problems } = await attachments(this);
    this.verify(
      'references resolve',
      [
        ...problems,
        ...found.flatMap((a) => a.problems.map((p) => `${a.label}: ${p}`)),
        ...(interchange ? unreferencedObjects(interchange) : []),
      ],
      {
        location: 'BinaryLetter/BinaryObject',
        expected: 'one BinaryObject per reference, decoded size = OriginalObjectSize',
      },
    );
  },
);

Then('every attached PDF opens', async function (this: CertbenchWorld) {
  const { found, problems } = await attachments(this);
  this.verify(
    'PDFs open',
    [
      ...problems,
      ...found.flatMap((a) =>
        !a.reading
          ? [`${a.label} could not be resolved`]
          : a.reading.opened
            ? []
            : [`${a.label} does not open as a PDF: ${a.reading.error}`],
      ),
    ],
    { location: 'BinaryObject/Object_Base64Encoded', expected: 'a PDF document a viewer can open' },
  );
});

Then(
  'the forms carry the svangerskabsjournal sections, and every PDF names the patient and the birthplace',
  async function (this: CertbenchWorld) {
    const { found, problems } = await attachments(this);
    const patient = scenarioPatient(this);
    const birthplace = chosenBirthplace(this);
    const texts = found.flatMap((a) =>
      a.reading?.opened ? [{ label: a.label, text: a.reading.text, runs: a.reading.runs }] : [],
    );
    const all = texts.map((t) => t.text).join(' ');
    // Which field stands under which heading needs the labels the system prints (observation dsj.record); a manual
    // run has none, and the assessor sees the forms.
    const fields = await labelledFields(this);
    this.verify(
      'form content',
      [
        ...problems,
        ...(texts.length === 0
          ? ['no attached PDF could be read']
          : [
              ...(/svangerskabsjournal/i.test(all) ? [] : ['no form is titled Svangerskabsjournal']),
              ...missingHeadings(all),
            ]),
        ...(fields && texts.length > 0
          ? [
              ...new Set(
                texts.flatMap(({ text, runs }) =>
                  missingHeadings(text).length === 0 ? fieldsUnderTheirSections(text, fields, runs) : [],
                ),
              ),
            ]
          : []),
        ...texts.flatMap(({ label, text }) => [
          ...patientShown(text, patient.cpr, patient.name).map((p) => `${label}: ${p}`),
          ...(text.includes(birthplace.name)
            ? []
            : [`${label}: the birthplace "${birthplace.name}" is not named`]),
        ]),
      ],
      {
        location: 'PDF text',
        expected: `the title Svangerskabsjournal and the PRF section headings, each field under its section; ${patient.name}, CPR ${patient.cpr}; ${birthplace.name}`,
      },
    );
  },
);

/** Every DSJ field the scenario filled (answers and the GP's entries) with the value the GP left it at. */
function leftByTheGp(world: CertbenchWorld): { field: string; value: FieldValue }[] {
  const { answers, entries } = dsjScenario(world);
  const fields = [...new Set([...answers.map((a) => a.field), ...entries.map((e) => e.field)])];
  return fields.flatMap((field) => {
    const value = dsjValue(world, field);
    return value === undefined ? [] : [{ field, value }];
  });
}

/**
 * The fields the GP left, each with the label the system prints it under (observation dsj.record; the field's name
 * where it shows none), or undefined in a manual run. The values come from the scenario.
 */
async function labelledFields(
  world: CertbenchWorld,
): Promise<{ field: string; label: string; value: FieldValue }[] | undefined> {
  const observed = await observedDsj(world);
  if (!observed) return undefined;
  return leftByTheGp(world).map(({ field, value }) => {
    const label = observed.fields.get(field)?.label;
    return { field, label: typeof label === 'string' && label !== '' ? label : field, value };
  });
}

Then('the forms show every DSJ field as the GP left it', async function (this: CertbenchWorld) {
  const { found, problems } = await attachments(this);
  const expected = await labelledFields(this);
  if (!expected) return this.pending(NO_OBSERVATION);
  const text = found.flatMap((a) => (a.reading?.opened ? [a.reading.text] : [])).join(' ');
  this.verify(
    'forms match the DSJ',
    [
      ...problems,
      ...(expected.length === 0 ? ['the scenario gives no DSJ field to look for in the forms'] : []),
      ...(text === '' ? ['no attached PDF could be read'] : valuesShown(text, expected)),
    ],
    {
      location: 'PDF text; labels from observation dsj.record',
      expected: expected.map((e) => `${e.label}: ${String(e.value)}`).join('; '),
    },
  );
});

Then(
  "the forms carry the woman's questionnaire answers as she gave them",
  async function (this: CertbenchWorld) {
    const { found, problems } = await attachments(this);
    const answers = dsjScenario(this).answers.map((a) => ({
      question: a.question,
      value: typedValue(a.answer, a.type),
    }));
    const read = found.flatMap((a) => (a.reading?.opened ? [{ label: a.label, text: a.reading.text }] : []));
    const texts = read.map((r) => r.text);
    this.verify(
      'questionnaire answers in the forms',
      [
        ...problems,
        ...(answers.length === 0 ? ['the scenario gives no questionnaire answer to look for'] : []),
        ...(texts.length === 0 ? ['no attached PDF could be read'] : answersShown(texts, answers)),
        // A question she left unanswered must not read as answered "undefined".
        ...read.flatMap(({ label, text }) => placeholdersPrinted(text).map((p) => `${label}: ${p}`)),
      ],
      {
        location: 'PDF text',
        expected: answers.map((a) => `${a.question} ${String(a.value)}`).join('; '),
      },
    );
  },
);
