// One process at a time: a lock file created exclusively, naming its holder. A lock left by a process of this host
// that no longer runs is taken over. Used for a run's output folder and for the embedded register.
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

/** The lock taken (with its release), or who holds it (undefined when the lock file cannot be read). */
export type LockAttempt = { release: () => Promise<void> } | { heldBy: LockHolder | undefined };

/** Tries once to take `file`; other I/O errors than "exists" are thrown. */
export async function takeLock(file: string): Promise<LockAttempt> {
  const record: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(record));
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readFile(file, 'utf8')
      .then((t) => JSON.parse(t) as LockHolder)
      .catch(() => undefined);
    if (holder && holder.host === record.host && !alive(holder.pid)) {
      await rm(file, { force: true });
      continue;
    }
    return { heldBy: holder };
  }
  return { heldBy: undefined };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
