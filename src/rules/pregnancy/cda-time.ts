// HL7 v3 TS (YYYYMMDDHHMMSS±ZZZZ) and ISO 8601 (the neutral model's form), both ways, keeping the precision.

const TS = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\.\d+)?([+-]\d{4})?$/;

/** `20250422101500+0200` → `2025-04-22T10:15:00+02:00`; `20250303` → `2025-03-03`; anything else unchanged. */
export function tsToIso(ts: string): string {
  const m = TS.exec(ts);
  if (!m) return ts;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let out = [y, mo, d].filter(Boolean).join('-');
  if (h) out += `T${h}${mi ? `:${mi}` : ''}${s ? `:${s}` : ''}${frac ?? ''}`;
  if (zone) out += `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return out;
}

/** `2025-04-22T10:15:00.123+02:00` → `20250422101500.123+0200`; `2025-03-03` → `20250303`. */
export function isoToTs(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(
    iso,
  );
  if (!m) return iso;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const time = h ? `${h}${mi ?? ''}${s ?? ''}${frac ?? ''}` : '';
  const z = zone === undefined ? '' : zone === 'Z' ? '+0000' : zone.replace(':', '');
  return `${y}${mo}${d}${time}${time ? z : ''}`;
}
