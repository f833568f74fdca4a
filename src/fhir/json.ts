// Tolerant readers for parsed JSON from a SUT: rules judge whatever arrived, so nothing here throws.

export type Json = Record<string, unknown>;

/** The objects of an array; anything else is an empty list. */
export function objects(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && v !== null) as Json[]) : [];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
