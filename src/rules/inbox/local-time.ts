// Danish local date and time (minutes), as XRPT01's DateTimeType writes them.
import { danishOffsetAt } from '../../fhir/datetime.ts';

export function danishLocal(instant: Date): { date: string; time: string } {
  const offset = danishOffsetAt(instant);
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(instant.getTime() + minutes * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** The Danish calendar date `days` after the instant. */
export function danishDateAfter(instant: Date, days: number): string {
  return danishLocal(new Date(instant.getTime() + days * 86_400_000)).date;
}
