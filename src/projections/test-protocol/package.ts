// The evidence package MedCom asks for: one ZIP per protocol run with the filled-in protocol, the record and every
// exchange and assessor file under MedCom's name, and a manifest of SHA-256 hashes, to be sent as it is.
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
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

// A fixed time keeps the package the same for the same run (the record carries the run's times).
const MTIME = new Date('2000-01-01T00:00:00Z');
const DEFLATE = 8;

// Every package of a run carries the same record (1.4 MB for a full run): it is compressed once, not once per package.
const compressed = new WeakMap<Buffer, { data: NonSharedBuffer; crc: number }>();

/** The content deflated by node:zlib (native, several times faster than fflate's JavaScript deflate). */
function deflated(content: Buffer): { data: NonSharedBuffer; crc: number } {
  let done = compressed.get(content);
  if (!done) {
    done = { data: deflateRawSync(content, { level: 6 }), crc: crc32(content) };
    compressed.set(content, done);
  }
  return done;
}

/** A ZIP of the entries, in order, deflated; fflate lays out the archive. */
function zipEntries(entries: PackageEntry[]): Buffer {
  const chunks: Uint8Array[] = [];
  const failures: Error[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) failures.push(error);
    else chunks.push(chunk);
  });
  for (const entry of entries) {
    const { data, crc } = deflated(entry.content);
    const file: ZipInputFile = {
      filename: entry.name,
      size: entry.content.length,
      crc,
      compression: DEFLATE,
      mtime: MTIME,
    };
    zip.add(file);
    file.ondata?.(null, data, true);
  }
  zip.end();
  if (failures[0]) throw failures[0];
  return Buffer.concat(chunks);
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
  return zipEntries(entries);
}
