// What the GP sees of a patient's local lab results: every result the clinic holds, deleted and cancelled ones
// included (a delete in the GP system is a marking), with the refusal, the sharing status and the history.
import type { GpContext } from '../context.ts';
import { labPerson } from './persons.ts';

export function observeLabResults(ctx: GpContext, patient: unknown): unknown[] {
  const person = labPerson(ctx.state, patient);
  return (ctx.state.lab.get(person.id) ?? []).map((r) => ({
    resultId: r.id,
    samplingTime: r.samplingTime,
    analyses: r.analyses.map(({ identifier: _identifier, ...analysis }) =>
      // Fault: the GP sees numeric values without their unit.
      ctx.faults.has('lab-view-without-unit') && analysis.quantity
        ? { ...analysis, quantity: { value: analysis.quantity.value } }
        : analysis,
    ),
    status: r.status,
    cancelReason: r.cancelReason, // left out of the JSON when there is none
    deleted: r.deleted,
    refusedConsent: r.refusedConsent,
    sharing: r.sharing,
    // Fault: the GP sees when things happened, but not what.
    history: ctx.faults.has('lab-history-without-text')
      ? r.history.map(({ at }) => ({ at, event: '' }))
      : r.history,
  }));
}
