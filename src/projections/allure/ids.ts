import { createHash } from 'node:crypto';

/** Fixed namespace, so the same name gives the same id on every machine and in every run. */
const CERTBENCH_NAMESPACE = Buffer.from('3b0c6f0e8d4a5c2e9f7a1b2c3d4e5f60', 'hex');

// NUL cannot occur in ids or titles, so joined parts cannot collide ("a b"+"c" vs "a"+"b c").
const join = (parts: readonly string[]): string => parts.join('\u0000');

/**
 * A name-based UUID in the style of RFC 9562 version 5 (SHA-1 over namespace and name).
 * Deterministic, so re-projecting the same record rewrites the same files instead of adding new ones.
 */
export function nameBasedUuid(...parts: string[]): string {
  const bytes = createHash('sha1')
    .update(CERTBENCH_NAMESPACE)
    .update(join(parts), 'utf8')
    .digest()
    .subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stable hex id that does not depend on the run, so Allure links a checkpoint's results across runs. */
export function stableHash(...parts: string[]): string {
  return createHash('sha256').update(join(parts), 'utf8').digest('hex').slice(0, 32);
}
