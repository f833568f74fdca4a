import { createHash } from 'node:crypto';
import { INLINE_BODY_LIMIT, type BodyRecord } from './exchange.ts';

const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$|token|secret|password/i;
export const REDACTED = '[REDACTED]';

/** Removes secrets before an exchange is seen by anything else: secret headers, and known secret values anywhere. */
export class Redactor {
  private readonly secrets: string[];
  /** Every form of every secret reads the same inside a JSON string (see json). */
  private readonly sameInJson: boolean;
  constructor(secrets: (string | undefined)[]) {
    // Longest first so a secret containing another is replaced whole.
    this.secrets = [
      ...new Set(
        secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4).flatMap(encodedForms),
      ),
    ]
      .filter((s) => s.length >= 4)
      .sort((a, b) => b.length - a.length);
    // No quote, backslash, control character or surrogate: nothing JSON.stringify would escape.
    this.sameInJson = this.secrets.every((secret) =>
      [...secret].every((c) => {
        const code = c.charCodeAt(0);
        return c !== '"' && c !== '\\' && code >= 0x20 && (code < 0xd800 || code > 0xdfff);
      }),
    );
  }

  headers(headers: Record<string, string | string[] | undefined>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      const joined = Array.isArray(value) ? value.join(', ') : value;
      out[name.toLowerCase()] = SECRET_HEADER.test(name) ? REDACTED : this.text(joined);
    }
    return out;
  }

  text(value: string): string {
    let out = value;
    // The search first: splitting every message by every secret, found or not, copies megabytes for nothing.
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /**
   * A cucumber message (or any JSON value) with every secret removed from every string in it, so failure messages,
   * check details and attachments built from an SUT's answer are redacted before anything is derived from them.
   */
  json<T>(value: T): T {
    if (this.secrets.length === 0) return value;
    // Nearly every message holds no secret. When the secrets read the same inside a JSON string, a string holds one
    // exactly when the serialised value does (a match in a key only sends the value through the walk below): one
    // search of the text clears the message, which is then passed on as it is instead of copied.
    if (this.sameInJson) {
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined || !this.secrets.some((secret) => text.includes(secret))) return value;
    }
    // Each string on its own, so a token inside a JSON attachment body (escaped once more) is still found.
    const redact = (v: unknown): unknown => {
      if (typeof v === 'string') return this.text(v);
      if (Array.isArray(v)) return v.map(redact);
      if (v && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, redact(inner)]));
      return v;
    };
    return redact(value) as T;
  }

  body(raw: Buffer, overLimit = false): BodyRecord {
    const sha256 = createHash('sha256').update(raw).digest('hex');
    const truncated = raw.length > INLINE_BODY_LIMIT;
    const text = this.text(raw.subarray(0, INLINE_BODY_LIMIT).toString('utf8'));
    return { size: raw.length, sha256, text, truncated, ...(overLimit ? { overLimit } : {}) };
  }
}

/**
 * The forms a secret takes when an SUT echoes it: as is, JSON-escaped (once or twice), URL-encoded (also form-encoded), and inside
 * base64 or base64url (a Basic header "user:token" puts the token at any offset, so the token's base64 is taken at each
 * of the three byte alignments, keeping only the characters that depend on the token alone).
 */
export function encodedForms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  const forms = [secret, escaped, JSON.stringify(escaped).slice(1, -1), encodeURIComponent(secret)];
  forms.push(encodeURIComponent(secret).replace(/%20/g, '+'));
  const bytes = Buffer.from(secret, 'utf8');
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = encoded.slice(first, last);
    forms.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}
