import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface Manifest {
  name?: string;
  bin?: string | Record<string, string>;
}

/**
 * The `allure` (Allure 3, pure JS) CLI script in node_modules. Resolved through the package's own `bin`
 * field rather than `npx allure`, so no other `allure` on the PATH (e.g. the Java one) can be picked.
 */
export function allureCliPath(): string {
  const { directory, manifest } = allureManifest();
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.allure;
  if (!bin) throw new Error(`${join(directory, 'package.json')} declares no "allure" bin`);
  return join(directory, bin);
}

// allure's `exports` does not list ./package.json, so resolve the entry point and walk up to its manifest.
function allureManifest(): { directory: string; manifest: Manifest } {
  const entry = createRequire(import.meta.url).resolve('allure');
  for (let directory = dirname(entry); ; directory = dirname(directory)) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest;
      if (manifest.name === 'allure') return { directory, manifest };
    } catch {
      // No manifest at this level (dist/): keep walking up.
    }
    if (dirname(directory) === directory) throw new Error(`no package.json for allure above ${entry}`);
  }
}
