// The pregnant woman's answers to the DSJ questionnaire as certbench delivers them, playing Min Læge/PLSP.
// Format (provisional): MedCom/PLSP have published no format for the DSJ questionnaire answers (addendum §C.1 says
// only that they are sent from the LPS via Min Læge and pre-fill DSJ), so certbench sends a FHIR R4
// QuestionnaireResponse, the FHIR resource for answers to a questionnaire, one item per question, linkId = the
// DSJ field it pre-fills, subject = the woman by CPR.
import { SYSTEM } from '../../fhir/identifiers.ts';

export const QUESTIONNAIRE_CHANNEL = 'pregnancy-questionnaire';
/** certbench's own canonical for the questionnaire (no public one exists). */
export const DSJ_QUESTIONNAIRE = 'http://certbench.medcom.dk/fhir/Questionnaire/dsj-graviditetsspoergeskema';

export const ANSWER_TYPES = ['string', 'integer', 'decimal', 'boolean', 'date'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export interface QuestionnaireAnswer {
  /** The DSJ field the answer pre-fills (QuestionnaireResponse.item.linkId). */
  field: string;
  question: string;
  /** As written in the feature: booleans ja/nej, decimals with a point, dates YYYY-MM-DD. */
  answer: string;
  type: AnswerType;
}

export type FieldValue = string | number | boolean;

/** The answer as a typed value, the form the automation API shows it in (observation dsj.record). */
export function typedValue(answer: string, type: AnswerType): FieldValue {
  switch (type) {
    case 'boolean':
      if (answer !== 'ja' && answer !== 'nej')
        throw new Error(`boolean answer must be ja or nej, got "${answer}"`);
      return answer === 'ja';
    case 'integer':
    case 'decimal': {
      const n = Number(answer);
      if (!Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n)))
        throw new Error(`${type} answer expected, got "${answer}"`);
      return n;
    }
    default:
      return answer;
  }
}

const VALUE_KEY: Record<AnswerType, string> = {
  string: 'valueString',
  integer: 'valueInteger',
  decimal: 'valueDecimal',
  boolean: 'valueBoolean',
  date: 'valueDate',
};

/** A question the woman left unanswered: an item without an answer (FHIR R4 QuestionnaireResponse.item.answer 0..*). */
export interface UnansweredQuestion {
  field: string;
  question: string;
}

export function buildQuestionnaireResponse(
  patientCpr: string,
  answers: QuestionnaireAnswer[],
  authored: string,
  id: string,
  unanswered: UnansweredQuestion[] = [],
  identifierSystem: string = SYSTEM.cpr,
): Record<string, unknown> {
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    text: {
      status: 'generated',
      div: `<div xmlns="http://www.w3.org/1999/xhtml">Graviditetsspørgeskema besvaret i Min Læge (${id})</div>`,
    },
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${id}` },
    questionnaire: DSJ_QUESTIONNAIRE,
    status: 'completed',
    subject: { identifier: { system: identifierSystem, value: patientCpr } },
    authored,
    source: { identifier: { system: identifierSystem, value: patientCpr } },
    item: [
      ...answers.map((a) => ({
        linkId: a.field,
        // An answer may come without its question's text (item.text 0..1): the row leaves spørgsmål empty.
        ...(a.question ? { text: a.question } : {}),
        answer: [{ [VALUE_KEY[a.type]]: typedValue(a.answer, a.type) }],
      })),
      ...unanswered.map((u) => ({ linkId: u.field, text: u.question })),
    ],
  };
}
