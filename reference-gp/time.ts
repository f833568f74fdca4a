// Danish local time: MedCom wants dateTimes with the Europe/Copenhagen offset that applies at that instant
// (+01:00 in winter, +02:00 in summer). The reference GP works it out from the EU summer-time rule itself rather
// than with certbench's own time code, so a mistake in either cannot make both sides agree.

/** The instant of the last Sunday of a month at 01:00 UTC, when EU summer time starts (March) or ends (October). */
function lastSundayAt0100Utc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.getTime();
}

/** Danish local date, time and offset at an instant (EU rule: summer time from March to October, 01:00 UTC). */
function danishLocalParts(instant: Date): { date: string; time: string; offset: string } {
  const year = instant.getUTCFullYear();
  const t = instant.getTime();
  const summer = t >= lastSundayAt0100Utc(year, 2) && t < lastSundayAt0100Utc(year, 9);
  const hours = summer ? 2 : 1;
  const local = new Date(t + hours * 3_600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 19), offset: `+0${hours}:00` };
}

function shiftDate(date: string, days: number): string {
  const shifted = new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

/** `YYYY-MM-DDThh:mm:ss.sss+hh:mm` in Danish local time. */
export function danishDateTime(instant: Date): string {
  const { date, time, offset } = danishLocalParts(instant);
  const millis = String(instant.getUTCMilliseconds()).padStart(3, '0');
  return `${date}T${time}.${millis}${offset}`;
}

/** The calendar date (`YYYY-MM-DD`) in Denmark at that instant. */
export function danishDate(instant: Date): string {
  return danishLocalParts(instant).date;
}

/** The same instant written with a +00:00 offset (used by a fault: a UTC time instead of Danish time). */
export function utcDateTime(dateTime: string): string {
  return new Date(dateTime).toISOString().replace('Z', '+00:00');
}

/** Adds whole days to a dateTime or date, keeping the original's form (used by faults that shift dates). */
export function shiftDays(value: string, days: number): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return shiftDate(value, days);
  return danishDateTime(new Date(new Date(value).getTime() + days * 86_400_000));
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/**
 * A clock whose readings strictly increase: every GP action gets its own instant, so "the last change" and
 * "the sharing" can never be the same millisecond even when certbench drives the system very fast.
 */
export function monotonicClock(now: () => Date): () => Date {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const next = Math.max(now().getTime(), last + 1);
    last = next;
    return new Date(next);
  };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/**
 * A FHIR date as it is, or a dateTime with zone rewritten in Danish local time with seconds (the offset valid at
 * that instant, as MedCom wants); undefined when the value is neither.
 */
export function normaliseMoment(value: string): string | undefined {
  if (isCalendarDate(value)) return value;
  if (!DATE_TIME.test(value) || !isCalendarDate(value.slice(0, 10))) return undefined;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return undefined;
  const { date, time, offset } = danishLocalParts(instant);
  return `${date}T${time}${offset}`;
}

/**
 * Orders two FHIR dates/dateTimes. Two dateTimes compare as instants; when either is a date alone, the Danish
 * calendar dates compare, so a dateTime on the same day as a date counts as equal.
 */
export function compareMoments(a: string, b: string): number {
  const dateOnly = (v: string) => isCalendarDate(v);
  if (!dateOnly(a) && !dateOnly(b)) return new Date(a).getTime() - new Date(b).getTime();
  const day = (v: string) => (dateOnly(v) ? v : danishDate(new Date(v)));
  return day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0;
}
