// The output folder of a run: checked before anything is written (writable, a real folder, not a kernel file
// system such as /proc, where writes hang or vanish) and locked for the run, so two runs on one --out cannot mix
// their files. A lock left by a process that no longer exists is taken over.
import { realpathSync } from 'node:fs';
import { access, constants, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InvalidInputError } from '../errors/index.ts';
import { takeLock } from './lock-file.ts';

export const LOCK_FILE = '.certbench.lock';
const SPECIAL = ['/proc', '/sys', '/dev'];

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

  let attempt;
  try {
    attempt = await takeLock(join(outDir, LOCK_FILE));
  } catch (error) {
    return refuse(`cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if ('release' in attempt) return attempt.release;
  const holder = attempt.heldBy;
  return refuse(
    holder
      ? `another certbench run (process ${holder.pid} on ${holder.host}, started ${holder.startedAt}) is writing to this folder; wait for it to end or give another ${flag}`
      : `is locked by ${LOCK_FILE}, which cannot be read; remove it if no certbench run uses this folder`,
  );
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
