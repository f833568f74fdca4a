// What the GP sees of received kommunale prøvesvar: the inbox items of a patient (observation homecare.inbox) and
// the rows of the laboratory chart they were saved to (observation homecare.lab-chart).
import type { GpContext } from '../context.ts';
import type { HomecareItem } from './records.ts';

function itemsOf(ctx: GpContext, patient: unknown): HomecareItem[] {
  return ctx.state.homecare.items.filter((i) => i.patient.id === patient);
}

export function observeInbox(ctx: GpContext, patient: unknown): HomecareItem[] {
  return itemsOf(ctx, patient);
}

export function observeLabChart(ctx: GpContext, patient: unknown): object[] {
  if (ctx.faults.has('hco-chart-not-stored')) return [];
  return itemsOf(ctx, patient).flatMap((item) =>
    item.results.map((result) => ({
      messageId: item.messageId,
      ...result,
      producerId: item.producer.producerId,
      status: item.cancelled ? 'cancelled' : item.marking ? 'corrected' : 'final',
      ...(item.marking ? { marking: item.marking } : {}),
      refusedConsent: item.refusedConsent,
    })),
  );
}
