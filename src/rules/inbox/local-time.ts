// Danish local date and time (minutes), as XRPT01's DateTimeType writes them.
import { danishOffsetAt } from '../../fhir/datetime.ts';

export function danishLocal(instant: Date): { date: string; time: string } {
  const offset = danishOffsetAt(instant);
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(instant.getTime() + minutes * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** The calendar date `days` after a calendar date (YYYY-MM-DD), counted in days, not hours (DST-proof). */
export function shiftDate(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

/** The Danish calendar date `days` after the instant's Danish date. */
export function danishDateAfter(instant: Date, days: number): string {
  return shiftDate(danishLocal(instant).date, days);
}
