// The GP's later actions on a local lab result. None of them ever deletes a result in LABA or MiBA: a correction
// and a consent change are sent as a revision of the previous message, a result on the wrong patient as a
// cancellation marking with the GP's comment; a local delete and a journal transfer send nothing.
import type { GpContext } from '../context.ts';
import { deleteInDatabase, renewed, transferFaults } from '../faults/lab-behaviour.ts';
import { invalid } from '../http/problem.ts';
import { asObject, optionalString, requiredEnum, requiredString, type Input } from '../input.ts';
import { danishDateTime } from '../time.ts';
import { labPerson, type LabPerson } from './persons.ts';
import { lastMessage, type LabResult } from './records.ts';
import { resendMessage } from './send.ts';
import { share, shareFollowUp } from './share.ts';

function found(ctx: GpContext, input: Input): { person: LabPerson; result: LabResult } {
  const person = labPerson(ctx.state, input['patient']);
  const id = requiredString(input, 'resultId');
  const result = (ctx.state.lab.get(person.id) ?? []).find((r) => r.id === id && !r.deleted);
  if (!result) throw invalid(`result ${id} is not in the record of patient ${person.id}`);
  if (result.status === 'cancelled') throw invalid(`result ${id} is cancelled`);
  return { person, result };
}

function note(ctx: GpContext, result: LabResult, event: string): void {
  result.history.push({ at: danishDateTime(ctx.clock()), event });
}

export async function correctResult(ctx: GpContext, input: Input): Promise<Record<string, unknown>> {
  const { person, result } = found(ctx, input);
  if (!Array.isArray(input['analyses'])) throw invalid('input.analyses must be an array');
  // Fault: a correction of a result that was never shared is not kept either.
  if (result.messages.length === 0 && ctx.faults.has('lab-local-correction-dropped'))
    return { resultId: result.id };
  for (const [i, item] of input['analyses'].entries()) {
    const change = asObject(item, `input.analyses[${i}]`);
    const npu = requiredString(change, 'npu');
    // Fault: the change is applied to the result's first analysis, whatever NPU code it names.
    const analysis = ctx.faults.has('lab-correction-changes-first-analysis')
      ? result.analyses[0]
      : result.analyses.find((a) => a.npu === npu);
    if (!analysis?.quantity || typeof change['value'] !== 'number')
      throw invalid(`input.analyses[${i}]: ${npu} is not a numeric analysis of this result`);
    const comparator = optionalString(change, 'comparator') as '<' | '<=' | '>=' | '>' | undefined;
    const corrected = { ...analysis.quantity, value: change['value'] };
    // Fault: a corrected value keeps the comparator of the value it replaces (>8 corrected to 2.4 stays >2.4).
    if (!ctx.faults.has('lab-correction-keeps-comparator')) delete corrected.comparator;
    // Fault: a comparator given with the corrected value is dropped (corrected to <5, sent as 5).
    const keep = comparator && !ctx.faults.has('lab-correction-drops-new-comparator');
    analysis.quantity = { ...corrected, ...(keep ? { comparator } : {}) };
  }
  note(ctx, result, 'corrected');
  const { faults } = ctx;
  if (faults.has('lab-correction-as-cancel-and-new') && result.messages.length > 0) {
    // Fault: the original is cancelled and the corrected value sent as a new result.
    result.status = 'cancelled';
    result.cancelReason = 'Rettet';
    await shareFollowUp(ctx, result, person, 'retract-message', 'removal');
    Object.assign(result, renewed(result), { status: 'final' });
    delete result.cancelReason;
    await share(ctx, result, person, 'new-message');
  } else if (faults.has('lab-correction-as-new-result') && result.messages.length > 0) {
    // Fault: the corrected value is sent as a new result, with new identifiers.
    Object.assign(result, renewed(result));
    await share(ctx, result, person, 'new-message');
  } else {
    result.status = 'corrected';
    // Fault: the correction does not point to the original message.
    const role = faults.has('lab-correction-without-reference') ? undefined : 'revision';
    await shareFollowUp(ctx, result, person, 'modified-message', role);
  }
  return { resultId: result.id };
}

export async function cancelResult(ctx: GpContext, input: Input): Promise<Record<string, unknown>> {
  const { person, result } = found(ctx, input);
  const reason = requiredString(input, 'reason');
  result.status = 'cancelled';
  // Fault: the cancellation carries no comment.
  if (!ctx.faults.has('lab-cancel-without-comment')) result.cancelReason = reason;
  note(ctx, result, `cancelled: ${reason}`);
  if (ctx.faults.has('lab-cancel-as-delete')) await deleteInDatabase(ctx, result);
  else await shareFollowUp(ctx, result, person, 'retract-message', 'removal');
  return { resultId: result.id };
}

export async function deleteResult(ctx: GpContext, input: Input): Promise<Record<string, unknown>> {
  const { person, result } = found(ctx, input);
  const { faults } = ctx;
  if (faults.has('lab-delete-forgets-history')) {
    ctx.state.lab.set(
      person.id,
      (ctx.state.lab.get(person.id) ?? []).filter((r) => r !== result),
    );
    return { resultId: result.id };
  }
  result.deleted = true;
  note(ctx, result, 'deleted in the GP system');
  if (faults.has('lab-delete-sends-cancellation')) {
    result.cancelReason = 'Slettet i lægesystemet';
    result.status = 'cancelled';
    await shareFollowUp(ctx, result, person, 'retract-message', 'removal');
  }
  return { resultId: result.id };
}

export async function changeConsent(
  ctx: GpContext,
  input: Input,
  refused: boolean,
): Promise<Record<string, unknown>> {
  const { person, result } = found(ctx, input);
  const { faults } = ctx;
  // Fault: nægtet samtykke is not recorded at all.
  if (faults.has('ignores-refused-consent') || result.refusedConsent === refused)
    return { resultId: result.id };
  result.refusedConsent = refused;
  note(ctx, result, refused ? 'nægtet samtykke' : 'nægtet samtykke trukket tilbage');
  if (!refused && faults.has('lab-withdrawal-not-sent')) return { resultId: result.id };
  await shareFollowUp(ctx, result, person, 'modified-message', 'revision');
  return { resultId: result.id };
}

export async function resendResult(ctx: GpContext, input: Input): Promise<Record<string, unknown>> {
  const { person, result } = found(ctx, input);
  const sent = lastMessage(result);
  if (!sent) throw invalid(`result ${result.id} was never shared`);
  note(ctx, result, 'resent by the GP');
  if (ctx.faults.has('lab-resend-as-new-message')) {
    Object.assign(result, renewed(result));
    await share(ctx, result, person, 'new-message');
  } else await resendMessage(ctx, result, sent);
  return { resultId: result.id };
}

const DESTINATIONS = ['new-clinic', 'styrelsen-for-patientsikkerhed'] as const;

/**
 * The journal leaves the clinic (the patient changes clinic, or the clinic closes and hands it to Styrelsen for
 * Patientsikkerhed); the clinic then deletes its own copy. The databases keep every result: nothing is sent.
 */
export async function transferJournal(ctx: GpContext, input: Input): Promise<Record<string, unknown>> {
  const person = labPerson(ctx.state, input['patient']);
  const to = requiredEnum(input, 'to', DESTINATIONS);
  const results = ctx.state.lab.get(person.id) ?? [];
  await transferFaults(ctx, to, results, person);
  ctx.state.lab.delete(person.id);
  const patient = ctx.state.patients.get(person.id);
  if (patient) patient.diagnoses = [];
  return { transferredTo: to, results: results.length };
}
