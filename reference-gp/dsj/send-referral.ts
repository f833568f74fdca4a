// Sending the DSJ to the birthplace: the forms as PDF files attached to one REF01, posted in MedCom XML to the
// hospital referral address of the session (in production it travels over VANS to the birthplace's EAN).
import type { GpContext } from '../context.ts';
import { applyDsjContentFaults } from '../faults/dsj-mutations.ts';
import { deliverTo } from '../http/post.ts';
import { invalid } from '../http/problem.ts';
import { patientRecord, type Input } from '../input.ts';
import { danishDateTime } from '../time.ts';
import { questionnairePdf, svangerskabsjournalPdf } from './forms-pdf.ts';
import { sharePrf, sharePscr } from './gmv2.ts';
import { dsjRecord } from './records.ts';
import { attachment, buildReferral, referralXml } from './referral.ts';

export async function sendReferral(ctx: GpContext, input: Input): Promise<Record<string, unknown>> {
  const url = ctx.session?.counterparts['hospitalReferral'];
  if (!url)
    throw invalid(
      'no hospital referral address: PUT /certbench/v1/session with counterparts.hospitalReferral first',
    );
  const patient = patientRecord(ctx.state, input['patient']);
  const record = dsjRecord(ctx.state, patient.patient.cpr);
  const birthplace = record.birthplace;
  if (!birthplace)
    throw invalid(
      `no birthplace chosen in the DSJ of ${patient.patient.cpr}: hold the first consultation first`,
    );

  let journal = await svangerskabsjournalPdf(ctx, patient, record, birthplace);
  let answers = await questionnairePdf(ctx, patient, record, birthplace);
  // Fault: the forms are plain text, declared as pdf.
  if (ctx.faults.has('dsj-attachment-not-pdf')) {
    journal = Buffer.from(`Svangerskabsjournal for ${patient.patient.cpr}`);
    answers = Buffer.from(`Graviditetsspørgeskema for ${patient.patient.cpr}`);
  }
  const instant = ctx.clock();
  const now = danishDateTime(instant);
  // Letter and envelope identifiers have at most 14 characters.
  // Fault: every sending of the patient's DSJ has the same identifiers, made from her CPR.
  const identifier = ctx.faults.has('dsj-resend-same-identifier')
    ? `DSJ${patient.patient.cpr}`
    : `DSJ${String(instant.getTime()).slice(-11)}`;
  const referral = buildReferral(
    patient,
    birthplace,
    identifier,
    { date: now.slice(0, 10), time: now.slice(11, 16) },
    [
      attachment('Svangerskabsjournal', journal),
      attachment('Graviditetsspørgeskema, besvaret i Min Læge', answers),
    ],
  );
  applyDsjContentFaults(referral, ctx.faults);
  await post(ctx, url, referralXml(referral));
  // The coupling to GMv2: the same svangerskabsjournal as a PRF document, and the first Vandrejournal.
  // Fault: the svangerskabsjournal's observations are dated when it is sent, not at the first consultation.
  const sentDate = now.slice(0, 10);
  const observed = ctx.faults.has('dsj-prf-dated-when-sent') ? sentDate : record.firstConsultation;
  await sharePrf(ctx, patient, record, observed ?? sentDate);
  await sharePscr(ctx, patient);
  return { referralId: identifier };
}

function post(ctx: GpContext, url: string, xml: string): Promise<void> {
  return deliverTo(ctx.dispatcher, {
    recipient: 'birthplace (hospital referral address)',
    url,
    contentType: 'application/xml; charset=utf-8',
    body: xml,
  });
}
