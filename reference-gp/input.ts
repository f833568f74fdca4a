// Validation of automation API input; every failure is a 422 problem naming the offending field.
import { invalid } from './http/problem.ts';
import type { GpState, PatientRecord } from './state.ts';
import { isCalendarDate, normaliseMoment } from './time.ts';

export type Input = Record<string, unknown>;

export function asObject(value: unknown, what: string): Input {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`${what} must be an object`);
  return value as Input;
}

export function requiredString(input: Input, key: string): string {
  const value = input[key];
  if (typeof value !== 'string' || value.trim() === '')
    throw invalid(`input.${key} must be a non-empty string`);
  return value;
}

export function optionalString(input: Input, key: string): string | undefined {
  if (input[key] === undefined) return undefined;
  return requiredString(input, key);
}

export function optionalEnum<T extends string>(
  input: Input,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const value = input[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(`input.${key} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function requiredEnum<T extends string>(input: Input, key: string, allowed: readonly T[]): T {
  const value = optionalEnum(input, key, allowed);
  if (value === undefined) throw invalid(`input.${key} is required (one of ${allowed.join(', ')})`);
  return value;
}

export function optionalDate(input: Input, key: string): string | undefined {
  const value = optionalString(input, key);
  if (value !== undefined && !isCalendarDate(value)) throw invalid(`input.${key} must be a date YYYY-MM-DD`);
  return value;
}

/** A FHIR date (YYYY-MM-DD) or dateTime with seconds and zone; a dateTime comes back in Danish local time. */
export function optionalMoment(input: Input, key: string): string | undefined {
  const value = optionalString(input, key);
  if (value === undefined) return undefined;
  const moment = normaliseMoment(value);
  if (moment === undefined)
    throw invalid(`input.${key} must be a date YYYY-MM-DD or a dateTime like 2011-09-26T11:23:00+02:00`);
  return moment;
}

export function optionalBoolean(input: Input, key: string): boolean | undefined {
  const value = input[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw invalid(`input.${key} must be true or false`);
  return value;
}

/** The test patient named by a CPR; an unknown CPR is invalid input, as the SUT has no such test person. */
export function patientRecord(state: GpState, cpr: unknown): PatientRecord {
  if (typeof cpr !== 'string' || !/^\d{10}$/.test(cpr))
    throw invalid('patient must be a CPR number of 10 digits');
  const record = state.patients.get(cpr);
  if (!record) throw invalid(`patient ${cpr} is not a test patient of this system`);
  return record;
}
