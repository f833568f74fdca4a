import { createHash } from 'node:crypto';
import { INLINE_BODY_LIMIT, type BodyRecord } from './exchange.ts';

const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$|token|secret|password/i;
export const REDACTED = '[REDACTED]';

/** Removes secrets before an exchange is seen by anything else: secret headers, and known secret values anywhere. */
export class Redactor {
  private readonly secrets: string[];
  constructor(secrets: (string | undefined)[]) {
    // Longest first so a secret containing another is replaced whole.
    this.secrets = secrets
      .filter((s): s is string => typeof s === 'string' && s.length >= 4)
      .sort((a, b) => b.length - a.length);
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
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    return out;
  }

  body(raw: Buffer, overLimit = false): BodyRecord {
    const sha256 = createHash('sha256').update(raw).digest('hex');
    const truncated = raw.length > INLINE_BODY_LIMIT;
    const text = this.text(raw.subarray(0, INLINE_BODY_LIMIT).toString('utf8'));
    return { size: raw.length, sha256, text, truncated, ...(overLimit ? { overLimit } : {}) };
  }
}
