// A minimal ustar reader and writer, enough for FHIR package tarballs (`package/...` regular files). Node has gzip but
// no tar, and the vendored packages must unpack with nothing but Node.
import { gunzipSync, gzipSync } from 'node:zlib';

/** One regular file of a tarball. */
export interface TarFile {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

/** Packs files into a gzip-compressed ustar archive; the output depends only on the input (no times, no owners). */
export function packTgz(files: readonly TarFile[]): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    blocks.push(header(file.name, file.data.length), file.data);
    const pad = (BLOCK - (file.data.length % BLOCK)) % BLOCK;
    if (pad > 0) blocks.push(Buffer.alloc(pad));
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(blocks), { level: 9 });
}

/** Unpacks the regular files of a (gzip-compressed) tarball; pax and GNU long names are honoured. */
export function unpackTgz(archive: Buffer): TarFile[] {
  const tar = archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive) : archive;
  const files: TarFile[] = [];
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const block = tar.subarray(offset, offset + BLOCK);
    if (block.every((b) => b === 0)) break;
    const size = parseInt(text(block, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(block[156] ?? 0);
    const prefix = text(block, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${text(block, 0, 100)}` : text(block, 0, 100));
    const data = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    longName = undefined;
    if (type === 'L') longName = text(data, 0, data.length);
    else if (type === 'x') longName = paxPath(data.toString('utf8'));
    else if (type === '0' || type === '\0') files.push({ name, data: Buffer.from(data) });
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}

function header(name: string, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > 100) throw new Error(`tar: file name longer than 100 bytes: ${name}`);
  bytes.copy(block, 0);
  block.write('0000644\0', 100, 'ascii');
  block.write('0000000\0', 108, 'ascii');
  block.write('0000000\0', 116, 'ascii');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  block.write('00000000000\0', 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  const sum = block.reduce((acc, b) => acc + b, 0);
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

function text(buffer: Buffer, start: number, length: number): string {
  const slice = buffer.subarray(start, start + length);
  const end = slice.indexOf(0);
  return slice.subarray(0, end === -1 ? slice.length : end).toString('utf8');
}

function paxPath(records: string): string | undefined {
  return /(?:^|\n)\d+ path=([^\n]*)\n/.exec(records)?.[1];
}
