// The evidence package MedCom asks for: one ZIP per protocol run with the filled-in protocol, the record and every
// exchange and assessor file under MedCom's name, and a manifest of SHA-256 hashes, to be sent as it is.
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import type { Writer } from '../types.ts';
import type { NamedFile } from './evidence-names.ts';

export interface PackageEntry {
  name: string;
  content: Buffer;
}

/** The manifest's line for a file: its SHA-256 and its name, as `sha256sum` writes and checks them. */
function sumLine(entry: PackageEntry): string {
  return `${createHash('sha256').update(entry.content).digest('hex')}  ${entry.name}`;
}

export async function evidencePackage(
  writer: Writer,
  documents: PackageEntry[],
  files: NamedFile[],
): Promise<Buffer> {
  const entries: PackageEntry[] = [...documents];
  for (const file of files)
    entries.push({ name: `evidence/${file.name}`, content: await writer.read(file.source) });
  entries.push({ name: 'SHA256SUMS', content: Buffer.from(`${entries.map(sumLine).join('\n')}\n`) });
  const zippable: Zippable = {};
  // A fixed time keeps the package the same for the same run (the record carries the run's times).
  for (const entry of entries)
    zippable[entry.name] = [entry.content, { mtime: new Date('2000-01-01T00:00:00Z') }];
  return Buffer.from(zipSync(zippable, { level: 6 }));
}
