// Danish local date and time (minutes), as XRPT01's DateTimeType writes them.
import { danishLocalParts, shiftDate } from '../../fhir/datetime.ts';

export { shiftDate };

export function danishLocal(instant: Date): { date: string; time: string } {
  const { date, time } = danishLocalParts(instant);
  return { date, time: time.slice(0, 5) };
}

/** The Danish calendar date `days` after the instant's Danish date. */
export function danishDateAfter(instant: Date, days: number): string {
  return shiftDate(danishLocal(instant).date, days);
}
