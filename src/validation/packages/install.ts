import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { TarFile } from './tar.ts';

/**
 * Writes a package's files as `<cache>/<key>/` in one step: files go to a temporary folder in the cache, which is
 * then renamed. A concurrent run that installed the same package first wins; a crash leaves no half package.
 */
export async function installFiles(
  cacheFolder: string,
  key: string,
  files: readonly TarFile[],
): Promise<void> {
  const temp = join(cacheFolder, `.certbench-${key}-${randomUUID()}`);
  try {
    const targets = files.map((file) => {
      const target = join(temp, file.name);
      if (!target.startsWith(`${temp}/`) && !target.startsWith(`${temp}\\`))
        throw new Error(`refusing to write outside the package folder: ${file.name}`);
      return { target, data: file.data };
    });
    for (const dir of new Set(targets.map((t) => dirname(t.target)))) await mkdir(dir, { recursive: true });
    // R4 core is 4,480 files: write them in parallel batches rather than one by one.
    for (let i = 0; i < targets.length; i += 64)
      await Promise.all(targets.slice(i, i + 64).map((t) => writeFile(t.target, t.data)));
    try {
      await rename(temp, join(cacheFolder, key));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error;
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
