/** FHIR dateTime rules MedCom asserts: seconds, an explicit zone, the Danish offset valid at that instant. */

export const DATETIME_WITH_SECONDS_AND_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Copenhagen',
  timeZoneName: 'longOffset',
});

/** The Europe/Copenhagen UTC offset at an instant, as `+01:00` or `+02:00`. */
export function danishOffsetAt(instant: Date): string {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-]\d{2}:\d{2})/.exec(name);
  return match?.[1] ?? '+00:00';
}

const LOCAL = new Intl.DateTimeFormat('en-US', {
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

/** Danish local date (`YYYY-MM-DD`), time (`hh:mm:ss`) and UTC offset (`+01:00`/`+02:00`) at an instant. */
export function danishLocalParts(instant: Date): { date: string; time: string; offset: string } {
  const parts: Record<string, string> = {};
  for (const part of LOCAL.formatToParts(instant)) parts[part.type] = part.value;
  // Intl writes the offset as "GMT+01:00" (or plain "GMT" for a zero offset).
  const zone = (parts['timeZoneName'] ?? 'GMT').replace('GMT', '');
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    time: `${parts['hour']}:${parts['minute']}:${parts['second']}`,
    offset: zone === '' ? '+00:00' : zone,
  };
}

/** The calendar date `days` after a calendar date (YYYY-MM-DD), counted in days, not hours (DST-proof). */
export function shiftDate(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

export function offsetOf(dateTime: string): string | undefined {
  return DATETIME_WITH_SECONDS_AND_ZONE.exec(dateTime)?.[8];
}

/** Parses a FHIR date or dateTime to an instant; a date alone means its start (in UTC, for ordering only). */
export function instantOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** The calendar date a FHIR date/dateTime names, in its own zone (for comparing to a registered date). */
export function calendarDateOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}
