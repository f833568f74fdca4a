// The automation API's actions, each a thing the GP does in the user interface.
import type { GpContext } from './context.ts';
import { shareDiagnosekort } from './diagnosekort/share.ts';
import {
  deleteDiagnosis,
  deselectDiagnosis,
  registerDiagnosis,
  selectClinic,
  selectDiagnosis,
  updateDiagnosis,
} from './diagnosekort/record-actions.ts';
import { resetInbox } from './inbox/model.ts';
import { changeAutoHandling, setDefaultAutoHandling } from './inbox/handling-type.ts';
import { orderRequisition } from './inbox/order.ts';
import { firstConsultation, laterConsultation } from './dsj/consultation.ts';
import { sendReferral } from './dsj/send-referral.ts';
import { patientRecord, type Input } from './input.ts';
import {
  cancelResult,
  changeConsent,
  correctResult,
  deleteResult,
  resendResult,
  transferJournal,
} from './lab/changes.ts';
import { registerResult } from './lab/register.ts';
import { releaseHeld } from './messaging/outbox.ts';
import { registerVisit } from './pregnancy/register.ts';
import { sharePregnancy } from './pregnancy/share.ts';

export type Action = (
  ctx: GpContext,
  input: Input,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

export const SHARE_ACTION = 'diagnosekort.share';

export const ACTIONS: Record<string, Action> = {
  'patient.reset': (ctx, input) => {
    const record = patientRecord(ctx.state, input['patient']);
    // Fault: the diagnoses of an earlier run stay (the protocol starts with a patient without diagnoses).
    if (!ctx.faults.has('reset-keeps-diagnoses')) record.diagnoses = [];
    record.clinic = 'current';
    record.shared = [];
    ctx.state.lab.delete(record.patient.cpr);
    resetInbox(ctx.state.inbox, record.patient.cpr);
    ctx.state.homecare.items = ctx.state.homecare.items.filter((i) => i.patient.id !== record.patient.cpr);
    ctx.state.dsj.delete(record.patient.cpr);
    ctx.state.pregnancies.delete(record.patient.cpr);
    return {};
  },
  'patient.transfer-journal': transferJournal,
  'diagnosekort.select-clinic': selectClinic,
  'diagnosekort.register-diagnosis': registerDiagnosis,
  'diagnosekort.update-diagnosis': updateDiagnosis,
  'diagnosekort.select-diagnosis': selectDiagnosis,
  'diagnosekort.deselect-diagnosis': deselectDiagnosis,
  'diagnosekort.delete-diagnosis': deleteDiagnosis,
  [SHARE_ACTION]: (ctx, input) => shareDiagnosekort(ctx, patientRecord(ctx.state, input['patient'])),
  'lab.register-result': registerResult,
  'lab.correct-result': correctResult,
  'lab.delete-result': deleteResult,
  'lab.cancel-result': cancelResult,
  'lab.refuse-consent': (ctx, input) => changeConsent(ctx, input, true),
  'lab.withdraw-refusal': (ctx, input) => changeConsent(ctx, input, false),
  'lab.resend-result': resendResult,
  'inbox.order-requisition': orderRequisition,
  'inbox.set-default-auto-handling': setDefaultAutoHandling,
  'inbox.change-auto-handling': changeAutoHandling,
  'dsj.first-consultation': firstConsultation,
  'dsj.send-referral': sendReferral,
  'dsj.consultation': laterConsultation,
  'pregnancy.register-visit': registerVisit,
  'pregnancy.share': sharePregnancy,
  // Fault: the simulated technical error has no effect.
  'messaging.simulate-technical-error': (ctx) => {
    if (!ctx.faults.has('ack-technical-error-ignored')) ctx.state.messaging.technicalError = true;
    return {};
  },
  'messaging.resolve-technical-error': (ctx) => {
    ctx.state.messaging.technicalError = false;
    return {};
  },
  'messaging.hold-acknowledgements': (ctx) => {
    ctx.state.messaging.hold = true;
    return {};
  },
  'messaging.release-acknowledgements': async (ctx) => ({ sent: await releaseHeld(ctx) }),
};
