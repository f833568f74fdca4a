// Headless Chromium driven through its command line only (no npm browser package, nothing downloaded): Debian's
// `chromium`, installed by scripts/install-chromium.sh. Each call gets its own throw-away profile folder.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The browser binary: `$CHROMIUM`, else Debian's. */
export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--hide-scrollbars',
];

/** Why the browser cannot be used here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM)
    ? undefined
    : `${CHROMIUM} not found: run scripts/install-chromium.sh (or set CHROMIUM to a Chromium binary)`;
}

/** Runs Chromium on a local page with extra flags; resolves with its standard output. */
export async function chromium(page: string, flags: string[], timeoutMs = 60_000): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'certbench-chromium-'));
  try {
    return await new Promise<string>((resolve, reject) => {
      const child = spawn(
        CHROMIUM,
        [...FLAGS, `--user-data-dir=${profile}`, ...flags, pathToFileURL(page).href],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve(stdout);
        else reject(new Error(`chromium exited ${code ?? signal}: ${stderr.slice(-2000)}`));
      });
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The DOM as Chromium parsed and built it (`--dump-dom`). */
export function dumpDom(page: string): Promise<string> {
  return chromium(page, ['--dump-dom']);
}

/** A PNG of the page at the given window size. */
export async function screenshot(page: string, png: string, size = '1600,1100'): Promise<void> {
  await chromium(page, [`--screenshot=${png}`, `--window-size=${size}`]);
}
