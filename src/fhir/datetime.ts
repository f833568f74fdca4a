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
