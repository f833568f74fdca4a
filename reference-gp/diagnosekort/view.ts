// What the GP sees on the patient's Diagnosekort at the patient's current clinic: the diagnoses on the card and
// not deleted, Private ones included and marked (the tillægstekst too: it is shown locally, never shared).
import type { GpContext } from '../context.ts';
import { patientRecord } from '../input.ts';
import { diagnosisText, SKS_D } from '../state.ts';

export function observeDiagnoses(ctx: GpContext, cpr: unknown): unknown[] {
  const record = patientRecord(ctx.state, cpr);
  const { faults } = ctx;
  return record.diagnoses
    .filter(
      (d) =>
        // Faults: the view leaks other clinics', off-card or deleted diagnoses, or hides some it must show.
        (d.clinic === record.clinic || faults.has('view-shows-all-clinics')) &&
        (d.onCard || faults.has('view-shows-not-on-card')) &&
        (!d.deleted || faults.has('view-shows-deleted')) &&
        !(d.private && faults.has('view-hides-private')) &&
        !(
          faults.has('view-misses-incomplete') &&
          !d.codes.some((c) => c.system === SKS_D && c.code !== undefined)
        ),
    )
    .map((d) => {
      // The view is answered as JSON, which leaves out what is undefined (no text, type, onset, …).
      return {
        diagnosisId: d.id,
        codes: d.codes,
        text: diagnosisText(d.codes),
        type: d.type,
        status: faults.has('view-shows-resolved-as-current') ? 'current' : d.status,
        onset: d.onset,
        abatement: d.abatement,
        // Fault: the tillægstekst is not kept (the view never shows it).
        note: faults.has('view-drops-note') ? undefined : d.note,
        recordedDate: d.recordedDate,
        lastChanged: d.lastChanged,
        private: d.private,
        clinic: d.clinic,
      };
    });
}
