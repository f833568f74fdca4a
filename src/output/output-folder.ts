// The output folder of a run: checked before anything is written (writable, a real folder, not a kernel file
// system such as /proc, where writes hang or vanish) and locked for the run, so two runs on one --out cannot mix
// their files. A lock left by a process that no longer exists is taken over.
import { realpathSync } from 'node:fs';
import { access, constants, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { InvalidInputError } from '../errors/index.ts';

export const LOCK_FILE = '.certbench.lock';
const SPECIAL = ['/proc', '/sys', '/dev'];

interface LockRecord {
  pid: number;
  host: string;
  startedAt: string;
}

/** Checks and locks `outDir` (creating it); returns the function that releases the lock. Exit 3 on any problem. */
export async function claimOutputFolder(outDir: string, flag = '--out'): Promise<() => Promise<void>> {
  const refuse = (message: string): never => {
    throw new InvalidInputError([{ file: flag, message: `${outDir}: ${message}` }], 'unusable output folder');
  };
  const real = realPathOfNearest(outDir);
  if (SPECIAL.some((s) => real === s || real.startsWith(`${s}/`)))
    refuse(
      `lies in ${real.split('/').slice(0, 2).join('/')}, a kernel file system, not a place for run output`,
    );
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    refuse(`cannot be created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!(await stat(outDir)).isDirectory()) refuse('is not a folder');
  await access(outDir, constants.W_OK).catch(() => refuse('is not writable'));

  const lock = join(outDir, LOCK_FILE);
  const record: LockRecord = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(JSON.stringify(record));
      await handle.close();
      return () => rm(lock, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') refuse(`cannot be written (${code ?? (error as Error).message})`);
    }
    const holder = await readFile(lock, 'utf8')
      .then((t) => JSON.parse(t) as LockRecord)
      .catch(() => undefined);
    if (holder && holder.host === record.host && !alive(holder.pid)) {
      await rm(lock, { force: true });
      continue;
    }
    refuse(
      holder
        ? `another certbench run (process ${holder.pid} on ${holder.host}, started ${holder.startedAt}) is writing to this folder; wait for it to end or give another ${flag}`
        : `is locked by ${LOCK_FILE}, which cannot be read; remove it if no certbench run uses this folder`,
    );
  }
  return refuse('is locked');
}

/** The real path of the folder, or of its nearest existing ancestor, so /proc reached through a link is seen. */
function realPathOfNearest(path: string): string {
  let at = path;
  for (;;) {
    try {
      return join(realpathSync(at), path.slice(at.length));
    } catch {
      const up = dirname(at);
      if (up === at) return path;
      at = up;
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
