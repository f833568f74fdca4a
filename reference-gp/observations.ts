// What the automation API lets certbench read: state the GP system shows its user, by observation name.
import type { GpContext } from './context.ts';
import { observeDiagnoses } from './diagnosekort/view.ts';
import { observeAudit, observeFees, observeInboxItems, observePatientMessages } from './inbox/observe.ts';
import { observeClinicalComments, observeInbox, observeLabChart } from './homecare/observe.ts';
import { observeDsj } from './dsj/consultation.ts';
import { observeLabResults } from './lab/observe.ts';
import { observeAcknowledgements } from './messaging/outbox.ts';

export type Observation = (ctx: GpContext, query: URLSearchParams) => unknown;

export const OBSERVATIONS: Record<string, Observation> = {
  'diagnosekort.diagnoses': (ctx, query) => observeDiagnoses(ctx, query.get('patient') ?? undefined),
  'homecare.inbox': (ctx, query) => observeInbox(ctx, query.get('patient') ?? undefined),
  'homecare.lab-chart': (ctx, query) => observeLabChart(ctx, query.get('patient') ?? undefined),
  'homecare.clinical-comments': (ctx, query) =>
    observeClinicalComments(ctx, query.get('patient') ?? undefined),
  'lab.results': (ctx, query) => observeLabResults(ctx, query.get('patient') ?? undefined),
  'inbox.items': observeInboxItems,
  'inbox.patient-messages': observePatientMessages,
  'inbox.fees': observeFees,
  'inbox.audit': observeAudit,
  'dsj.record': (ctx, query) => observeDsj(ctx, query.get('patient') ?? undefined),
  'messaging.acknowledgements': (ctx, query) =>
    observeAcknowledgements(ctx, query.get('patient') ?? undefined),
};
