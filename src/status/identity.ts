// Identities of the matrix's columns (systems) and rows (protocol versions), and their order. A key joins its parts
// with NUL, which no vendor string or version contains, so "A B" + "C" never meets "A" + "B C".
import semver from 'semver';

import type { ProtocolRow, StatusProtocol, StatusResult, SystemColumn } from './types.ts';

const SEP = '\u0000';
// Numeric: "System 2" before "System 10".
const collator = new Intl.Collator('da', { numeric: true });

/** The system a result was run against: vendor and system, whatever version. */
export function systemOf(result: StatusResult): SystemColumn {
  const { vendor, system } = result.sut;
  return { key: [vendor, system].join(SEP), vendor, system };
}

/** The optional `variant` of a protocol result (added by protocols run once per receiver); read defensively. */
export function variantOf(protocol: StatusProtocol): string | undefined {
  const variant = (protocol as { variant?: unknown }).variant;
  return typeof variant === 'string' && variant !== '' ? variant : undefined;
}

/** The matrix row of a protocol result: its id, variant and version, never merged with another version. */
export function protocolRowOf(protocol: StatusProtocol): ProtocolRow {
  const variant = variantOf(protocol);
  const standard = [protocol.standard.name, protocol.standard.version].filter(Boolean).join(' ');
  return {
    key: [protocol.id, variant ?? '', protocol.version].join(SEP),
    id: protocol.id,
    ...(variant ? { variant } : {}),
    version: protocol.version,
    title: protocol.title,
    standard,
  };
}

/** Where a cell is kept in `StatusModel.cells`. */
export function cellKey(protocolKey: string, systemKey: string): string {
  return `${protocolKey}${SEP}${SEP}${systemKey}`;
}

/** Systems by vendor, then system name, in Danish order (æ, ø, å last). */
export function compareSystems(a: SystemColumn, b: SystemColumn): number {
  return collator.compare(a.vendor, b.vendor) || collator.compare(a.system, b.system);
}

/** Protocols by id and variant; within one, the newest version first. */
export function compareProtocolRows(a: ProtocolRow, b: ProtocolRow): number {
  return (
    collator.compare(a.id, b.id) ||
    collator.compare(a.variant ?? '', b.variant ?? '') ||
    compareVersions(b.version, a.version)
  );
}

/** Semantic versions compared as such ("1.10.0" after "1.9.0"); anything else as text. */
export function compareVersions(a: string, b: string): number {
  const va = semver.valid(a) ?? semver.coerce(a)?.version;
  const vb = semver.valid(b) ?? semver.coerce(b)?.version;
  if (va && vb) return semver.compare(va, vb) || collator.compare(a, b);
  return collator.compare(a, b);
}
