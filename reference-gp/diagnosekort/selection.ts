// Which diagnoses go on the shared Diagnosekort: the selected ones still in the record, in registration order.
import type { FaultName } from '../faults/catalogue.ts';
import type { Diagnosis, PatientRecord } from '../state.ts';

export function diagnosesToShare(record: PatientRecord, faults: ReadonlySet<FaultName>): Diagnosis[] {
  let chosen = record.diagnoses.filter(
    (d) =>
      // Faults: deselected or deleted diagnoses slip through.
      (d.selected || faults.has('share-deselected-diagnoses')) &&
      (!d.deleted || faults.has('share-deleted-diagnoses')),
  );
  // Fault: kontaktdiagnoser are left out altogether.
  if (faults.has('ignore-encounter-diagnoses'))
    chosen = chosen.filter((d) => d.type !== 'encounter-diagnosis');
  // Fault: once anything was removed, the list is rebuilt from the first remaining diagnosis only.
  const removedAny = record.diagnoses.some((d) => !d.selected || d.deleted);
  if (faults.has('drop-other-diagnoses-on-remove') && removedAny) chosen = chosen.slice(0, 1);
  return chosen;
}

/** Composition.date: the GP's last change of the Diagnosekort, deselections and deletions included. */
export function lastChange(record: PatientRecord): string | undefined {
  let latest: { at: number; text: string } | undefined;
  for (const d of record.diagnoses) {
    const at = new Date(d.lastChanged).getTime();
    if (!latest || at > latest.at) latest = { at, text: d.lastChanged };
  }
  return latest?.text;
}
