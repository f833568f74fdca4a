// Which diagnoses go on the shared Diagnosekort: those of the patient's current clinic that are on the card, not
// marked Private and not deleted, in registration order.
import type { FaultName } from '../faults/catalogue.ts';
import type { Diagnosis, PatientRecord } from '../state.ts';

export function diagnosesToShare(record: PatientRecord, faults: ReadonlySet<FaultName>): Diagnosis[] {
  let chosen = record.diagnoses.filter(
    (d) =>
      // Faults: another clinic's, off-card, deleted or Private diagnoses slip through.
      (d.clinic === record.clinic || faults.has('share-previous-clinic-diagnoses')) &&
      (d.onCard || faults.has('share-deselected-diagnoses')) &&
      (!d.deleted || faults.has('share-deleted-diagnoses')) &&
      (!d.private || faults.has('share-private-diagnoses')),
  );
  // Fault: kontaktdiagnoser are left out altogether.
  if (faults.has('ignore-encounter-diagnoses'))
    chosen = chosen.filter((d) => d.type !== 'encounter-diagnosis');
  // Fault: once anything was deleted, the list is rebuilt from the first remaining diagnosis only. (The condition
  // stays inline: only the fault reads it, and the mutation ignorer recognises switch-only code only there.)
  if (
    faults.has('drop-other-diagnoses-on-remove') &&
    record.diagnoses.some((d) => d.clinic === record.clinic && d.deleted)
  )
    chosen = chosen.slice(0, 1);
  return chosen;
}

/**
 * Composition.date: the real time of the GP's last change of the current clinic's Diagnosekort (registration,
 * update, (de)selection, deletion; backdated registration times do not count). Changes of diagnoses that never
 * were on the card do not change the card.
 */
export function lastChange(record: PatientRecord): string | undefined {
  let latest: { at: number; text: string } | undefined;
  for (const d of record.diagnoses) {
    if (d.clinic !== record.clinic || d.cardChanged === undefined) continue;
    const at = new Date(d.cardChanged).getTime();
    if (!latest || at > latest.at) latest = { at, text: d.cardChanged };
  }
  return latest?.text;
}
