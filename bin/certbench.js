#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=8
// Started as a program (npm start, npx certbench, bin/certbench.js, the container), Node runs with two memory
// settings that must be given before it starts: a young generation of at most 8 MiB per half instead of 16 (a run's
// garbage is short-lived; no time lost that shows), and at most two malloc arenas instead of eight per core (the
// run's threads otherwise each keep their own). Together they take a full run's peak from about 315 to about 290 MiB
// (npm run bench). `node bin/certbench.js` runs the same without them. `env -S` needs GNU coreutils 8.30, macOS
// or BSD (not busybox); npm's Windows shims read the line too.
// Entry point. Runs the CLI compiled into dist/ (scripts/build.js; `npm ci` runs it as `prepare`): plain JavaScript
// loads faster and lighter than the TypeScript sources through tsx. When dist/ is missing or older than a source
// (edited since the last `npm run build`), it runs the sources through tsx instead, and says so on a terminal.
// CERTBENCH_RUN_FROM=source always runs the sources; CERTBENCH_RUN_FROM=dist refuses to fall back (exit 4).
// Source maps stay off (pdfjs alone ships 7 MB of them): the one place that prints a stack trace maps it back to
// TypeScript itself (src/errors/typescript-stack.ts).
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// What dist/ is compiled from: a newer file or folder (a folder's time changes when a file is added or deleted).
const SOURCES = ['src', 'steps', 'reference-gp'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'];

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Why dist/ cannot be used, or undefined when it is up to date. */
function whyNotCompiled() {
  const built = mtime(join(root, 'dist', '.build-stamp'));
  if (built === undefined) return 'dist/ is not built';
  const newer = (path) => (mtime(path) ?? 0) > built;
  const config = CONFIGS.find((f) => newer(join(root, f)));
  if (config) return `${config} changed since dist/ was built`;
  for (const folder of SOURCES) {
    if (newer(join(root, folder))) return `${folder}/ changed since dist/ was built`;
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isDirectory() && !entry.name.endsWith('.ts')) continue;
      const path = join(entry.parentPath ?? entry.path, entry.name);
      if (newer(path)) return `${relative(root, path)} changed since dist/ was built`;
    }
  }
  return undefined;
}

const runFrom = process.env.CERTBENCH_RUN_FROM;
const reason = runFrom === 'source' ? 'CERTBENCH_RUN_FROM=source' : whyNotCompiled();
if (reason === undefined) {
  await import('../dist/src/cli/main.js');
} else if (runFrom === 'dist') {
  process.stderr.write(`certbench: ${reason} (CERTBENCH_RUN_FROM=dist); run npm run build\n`);
  process.exitCode = 4;
} else {
  if (process.stderr.isTTY && runFrom !== 'source')
    process.stderr.write(
      `certbench: ${reason}; running the TypeScript sources with tsx (slower; npm run build)\n`,
    );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
