// Danish local time: MedCom wants dateTimes with the Europe/Copenhagen offset that applies at that instant
// (+01:00 in winter, +02:00 in summer), so the offset is looked up with Intl rather than hard-coded.

const COPENHAGEN = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

interface LocalParts {
  date: string;
  time: string;
  offset: string;
}

function copenhagenParts(instant: Date): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of COPENHAGEN.formatToParts(instant)) parts[part.type] = part.value;
  // Intl writes the offset as "GMT+01:00" (or plain "GMT" for a zero offset).
  const zone = (parts['timeZoneName'] ?? 'GMT').replace('GMT', '');
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    time: `${parts['hour']}:${parts['minute']}:${parts['second']}`,
    offset: zone === '' ? '+00:00' : zone,
  };
}

/** `YYYY-MM-DDThh:mm:ss.sss+hh:mm` in Danish local time. */
export function danishDateTime(instant: Date): string {
  const { date, time, offset } = copenhagenParts(instant);
  const millis = String(instant.getUTCMilliseconds()).padStart(3, '0');
  return `${date}T${time}.${millis}${offset}`;
}

/** The calendar date (`YYYY-MM-DD`) in Denmark at that instant. */
export function danishDate(instant: Date): string {
  return copenhagenParts(instant).date;
}

/** The same instant written with a +00:00 offset (used by a fault: a UTC time instead of Danish time). */
export function utcDateTime(dateTime: string): string {
  return new Date(dateTime).toISOString().replace('Z', '+00:00');
}

/** Adds whole days to a dateTime or date, keeping the original's form (used by faults that shift dates). */
export function shiftDays(value: string, days: number): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const shifted = new Date(`${value}T12:00:00Z`);
    shifted.setUTCDate(shifted.getUTCDate() + days);
    return shifted.toISOString().slice(0, 10);
  }
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
