import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Writer } from './types.ts';

export class FileSystemWriter implements Writer {
  private readonly root: string;
  constructor(root: string) {
    this.root = root;
  }
  async write(relativePath: string, content: string | Buffer): Promise<void> {
    const target = join(this.root, relativePath);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  read(relativePath: string): Promise<Buffer> {
    return readFile(join(this.root, relativePath));
  }
}

/** For tests: files kept in a map; `read` serves what was written or seeded. */
export class InMemoryWriter implements Writer {
  readonly files = new Map<string, Buffer>();
  write(relativePath: string, content: string | Buffer): Promise<void> {
    this.files.set(relativePath, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
    return Promise.resolve();
  }
  read(relativePath: string): Promise<Buffer> {
    const file = this.files.get(relativePath);
    return file ? Promise.resolve(file) : Promise.reject(new Error(`no file ${relativePath}`));
  }
  text(relativePath: string): string {
    const file = this.files.get(relativePath);
    if (!file) throw new Error(`no file ${relativePath}; have ${[...this.files.keys()].join(', ')}`);
    return file.toString('utf8');
  }
}
