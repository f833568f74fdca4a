// Day arithmetic in UTC, the same convention the waiver engine judges `granted`/`expires` with.
import type { Day } from './types.ts';

const DAY_MS = 86_400_000;

/** Whether `text` is a real calendar day `YYYY-MM-DD` (rejects 2026-02-30, which `Date` would roll over). */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Milliseconds of the day's start (UTC midnight). */
export function dayStart(day: Day): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The UTC day of an instant. */
export function dayOf(instant: Date | string): Day {
  return new Date(instant).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` lies before). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayStart(to) - dayStart(from)) / DAY_MS);
}

/** Day, month (1-12) and year of a day or instant, for the language-specific formatters. */
export function dateParts(value: string): { day: number; month: number; year: number } {
  const day = dayOf(value);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) };
}
