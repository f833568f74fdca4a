// What the automation API lets certbench read: state the GP system shows its user, by observation name.
import type { GpContext } from './context.ts';
import { observeDiagnoses } from './diagnosekort/record-actions.ts';
import { observeDsj } from './dsj/consultation.ts';
import { observeLabResults } from './lab/observe.ts';

export type Observation = (ctx: GpContext, query: URLSearchParams) => unknown;

export const OBSERVATIONS: Record<string, Observation> = {
  'diagnosekort.diagnoses': (ctx, query) => observeDiagnoses(ctx, query.get('patient') ?? undefined),
  'lab.results': (ctx, query) => observeLabResults(ctx, query.get('patient') ?? undefined),
  'dsj.record': (ctx, query) => observeDsj(ctx, query.get('patient') ?? undefined),
};
