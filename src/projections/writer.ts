import { writeFile as writeFileCallback } from 'node:fs';
import { copyFile, link, mkdir, readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import type { Writer } from './types.ts';

/** Files written at once: a run writes thousands of small files, one at a time is slow, all at once hits EMFILE. */
const CONCURRENT_WRITES = 32;

export class FileSystemWriter implements Writer {
  private readonly root: string;
  /** Folders already created (or being created), so each is made once, not once per file. */
  private readonly folders = new Map<string, Promise<unknown>>();
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(root: string) {
    this.root = root;
  }

  write(relativePath: string, content: string | Buffer): Promise<void> {
    return this.make(relativePath, (target) => replaceFile(target, content));
  }

  copy(fromRelativePath: string, toRelativePath: string): Promise<void> {
    const source = join(this.root, fromRelativePath);
    return this.make(toRelativePath, (target) => linkOrCopy(source, target));
  }

  private async make(relativePath: string, create: (target: string) => Promise<void>): Promise<void> {
    const target = join(this.root, relativePath);
    await this.folder(dirname(target));
    await this.slot();
    try {
      await create(target);
    } finally {
      this.release();
    }
  }

  read(relativePath: string): Promise<Buffer> {
    return readFile(join(this.root, relativePath));
  }

  private folder(path: string): Promise<unknown> {
    let made = this.folders.get(path);
    if (!made) {
      // A failed attempt is forgotten, so the next file tries again (e.g. after a passing EMFILE).
      made = mkdir(path, { recursive: true }).catch((error: unknown) => {
        this.folders.delete(path);
        throw error;
      });
      this.folders.set(path, made);
    }
    return made;
  }

  private slot(): Promise<void> {
    if (this.active < CONCURRENT_WRITES) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  /** Hands the slot to the next waiting write, or frees it. */
  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}

// The callback form: for the thousands of small files a run writes it costs the thread less than the promise form,
// which makes a FileHandle for each file.
const writeFile = promisify(writeFileCallback);

/**
 * Writes a new file; one already there is replaced, not overwritten in place, so a write never reaches through a
 * hard link (copy, and the Allure projection's repeated parts) into the other names of the same bytes.
 */
async function replaceFile(target: string, content: string | Buffer): Promise<void> {
  try {
    await writeFile(target, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await rm(target, { force: true });
    await writeFile(target, content, { flag: 'wx' });
  }
}

/**
 * A hard link costs no space (Allure needs one file per citation of an exchange, the bytes are the same); a copy
 * where links are not possible. Like a write, it replaces what is there (`certbench report` projects again).
 */
async function linkOrCopy(source: string, target: string, replace = true): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && replace) {
      await rm(target, { force: true });
      return linkOrCopy(source, target, false);
    }
    // A missing source is the caller's error; anything else (another device, a file system without links, a
    // link limit, no permission to link) still allows a copy.
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EEXIST') throw error;
    return copyFile(source, target);
  }
}

/**
 * Waits for every write, then fails with the first error: nothing is left running behind a failure, and no
 * rejection goes unhandled.
 */
export async function allWritten(writes: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(writes)).find((w) => w.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Writes in batches, at most two at once: the caller makes the next batch's files while the last one is written, and
 * never holds more than two batches' content. A failure is thrown once nothing of this is running any more.
 */
export class BatchedWrites {
  private batch: Promise<void>[] = [];
  private writing: Promise<void> | undefined;
  private readonly size: number;

  constructor(size: number) {
    this.size = size;
  }

  /** Adds started writes; when the batch is full, waits for the batch before it. */
  async add(...writes: Promise<void>[]): Promise<void> {
    this.batch.push(...writes);
    if (this.batch.length >= this.size) await this.next();
  }

  /** Waits for every write added; throws the first error. */
  async flush(): Promise<void> {
    await this.next();
    await this.writing;
  }

  private async next(): Promise<void> {
    const written = allWritten(this.batch);
    // Handled now (it may fail while the batch before is awaited), awaited by the next call or by flush.
    written.catch(() => undefined);
    this.batch = [];
    const before = this.writing;
    this.writing = written;
    if (before)
      await before.catch(async (error: unknown) => {
        await written.catch(() => undefined);
        throw error;
      });
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
  async copy(fromRelativePath: string, toRelativePath: string): Promise<void> {
    this.files.set(toRelativePath, await this.read(fromRelativePath));
  }
  text(relativePath: string): string {
    const file = this.files.get(relativePath);
    if (!file) throw new Error(`no file ${relativePath}; have ${[...this.files.keys()].join(', ')}`);
    return file.toString('utf8');
  }
}
