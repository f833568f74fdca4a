// Receiving endpoint for the pregnant woman's questionnaire answers (channel pregnancy-questionnaire), sent from
// Min Læge via PLSP: a FHIR QuestionnaireResponse whose item linkIds name DSJ fields. Answers pre-fill the DSJ and
// stay editable; a field the GP has already filled in keeps the GP's value.
import type { GpContext } from '../context.ts';
import type { InboundRequest, InboundResponse } from '../inbound.ts';
import { DSJ_FORM, type DsjValue } from './fields.ts';
import { dsjRecord, type QuestionnaireItem } from './records.ts';

const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';
const VALUE_KEYS = ['valueString', 'valueInteger', 'valueDecimal', 'valueBoolean', 'valueDate'] as const;

function outcome(status: number, severity: 'information' | 'error', diagnostics: string): InboundResponse {
  return {
    status,
    contentType: 'application/fhir+json',
    body: JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ severity, code: severity === 'error' ? 'invalid' : 'informational', diagnostics }],
    }),
  };
}

interface ResponseItem {
  linkId?: unknown;
  text?: unknown;
  answer?: Record<string, unknown>[];
}

export function receiveQuestionnaire(ctx: GpContext, request: InboundRequest): InboundResponse {
  // Fault: the receiving endpoint fails on every questionnaire.
  if (ctx.faults.has('dsj-questionnaire-refused'))
    return outcome(500, 'error', 'spørgeskemaet kunne ikke modtages');
  let response: {
    resourceType?: unknown;
    status?: unknown;
    subject?: { identifier?: { system?: unknown; value?: unknown } };
    item?: ResponseItem[];
  };
  try {
    response = JSON.parse(request.body.toString('utf8')) as typeof response;
  } catch (error) {
    return outcome(400, 'error', `body is not JSON: ${(error as Error).message}`);
  }
  // Fault: an unfinished questionnaire (status in-progress) is filed as if completed.
  const unfinished = response.status !== 'completed' && !ctx.faults.has('dsj-questionnaire-files-unfinished');
  // Fault: a body of another resource type is filed like a QuestionnaireResponse.
  const notAResponse =
    response.resourceType !== 'QuestionnaireResponse' &&
    !ctx.faults.has('dsj-questionnaire-files-any-resource');
  if (notAResponse || unfinished) return outcome(400, 'error', 'expected a completed QuestionnaireResponse');
  // Fault: answers without a subject break the receiver (a server error, not a refusal).
  if (ctx.faults.has('dsj-questionnaire-without-subject-breaks') && response.subject === undefined)
    return outcome(500, 'error', 'internal error');
  const identifier = response.subject?.identifier;
  // Fault: the subject's identifier is read as a CPR whatever system it belongs to.
  const cpr =
    ctx.faults.has('dsj-questionnaire-subject-any-system') || identifier?.system === CPR_SYSTEM
      ? identifier?.value
      : undefined;
  if (typeof cpr !== 'string' || !ctx.state.patients.has(cpr))
    // Fault: answers for no patient of the clinic are acknowledged, and lost.
    return ctx.faults.has('dsj-questionnaire-unknown-patient-accepted')
      ? outcome(200, 'information', 'modtaget')
      : outcome(422, 'error', 'subject must identify a patient of this clinic by CPR');
  const record = dsjRecord(ctx.state, cpr);
  const items: QuestionnaireItem[] = [];
  for (const item of response.item ?? []) {
    // Fault: a question left unanswered (an item without answer) fails the whole questionnaire.
    if (ctx.faults.has('dsj-questionnaire-fails-on-unanswered') && item.answer === undefined)
      return outcome(500, 'error', `item ${String(item.linkId)} has no answer`);
    const answer = item.answer?.[0] ?? {};
    const key = VALUE_KEYS.find((k) => answer[k] !== undefined);
    const value = key ? answer[key] : undefined;
    // Fault: a question left unanswered is kept, with no value, and the form prints it as answered "undefined".
    const noValue =
      !['string', 'number', 'boolean'].includes(typeof value) &&
      !ctx.faults.has('dsj-questionnaire-keeps-unanswered');
    if (typeof item.linkId !== 'string' || noValue) continue;
    items.push({
      field: item.linkId,
      question: typeof item.text === 'string' ? item.text : item.linkId,
      value: value as DsjValue,
    });
  }
  record.questionnaire = items;
  for (const { field, value } of items) {
    // Fault: answers received again overwrite what the GP entered or corrected.
    const keptByGp =
      record.fields.get(field)?.source === 'gp' && !ctx.faults.has('dsj-questionnaire-resend-overrides-gp');
    if (!Object.hasOwn(DSJ_FORM, field) || keptByGp) continue;
    // Fault: yes/no answers are not carried into the DSJ.
    if (typeof value === 'boolean' && ctx.faults.has('dsj-prefill-drops-booleans')) continue;
    // Fault: pre-filled values are not marked as the woman's answers.
    const source = ctx.faults.has('dsj-prefill-unmarked') ? 'gp' : 'questionnaire';
    record.fields.set(field, { value, source });
  }
  return outcome(200, 'information', `${items.length} svar modtaget og indsat i svangrejournalen`);
}
