// The report as one PDF for the meeting papers: the status page, then every system's page, printed by headless
// Chromium (playwright-core driving the system's own Chromium, nothing downloaded) as the pages' print CSS lays
// them out (A4 landscape), and joined into one file with pdf-lib. Nothing but the local files is loaded.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The Chromium used: `CERTBENCH_CHROMIUM`, else `CHROMIUM`, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv): string {
  return env['CERTBENCH_CHROMIUM'] ?? env['CHROMIUM'] ?? '/usr/bin/chromium';
}

/** Why a PDF cannot be printed with `browser`, or undefined when it can. */
export function pdfBrowserMissing(browser: string): string | undefined {
  return existsSync(browser)
    ? undefined
    : `needs Chromium, and ${browser} does not exist: install it (scripts/install-chromium.sh on Debian) or set CERTBENCH_CHROMIUM to a Chromium binary`;
}

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--no-first-run',
];

/**
 * Prints `pages` (absolute paths of HTML files, in order) into one PDF and returns its bytes.
 *
 * @param title - the document title in the PDF's metadata
 */
export async function printPagesToPdf(
  pages: readonly string[],
  options: { browser: string; title: string; date: Date; timeoutMs?: number },
): Promise<Uint8Array> {
  // Loaded only when a PDF is asked for: the status command stays light without it.
  const { chromium } = await import('playwright-core');
  const { PDFDocument } = await import('pdf-lib');
  const browser = await chromium.launch({
    executablePath: options.browser,
    args: FLAGS,
    headless: true,
    timeout: options.timeoutMs ?? 120_000,
  });
  try {
    const merged = await PDFDocument.create();
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    // The pages are self-contained; anything else they might ask for is refused.
    await context.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(options.timeoutMs ?? 120_000);
    for (const file of pages) {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const part = await PDFDocument.load(bytes);
      const copied = await merged.copyPages(part, part.getPageIndices());
      for (const p of copied) merged.addPage(p);
    }
    merged.setTitle(options.title);
    merged.setCreator('certbench');
    merged.setProducer('certbench (Chromium, pdf-lib)');
    // The report's day, not the clock: the same report gives the same file.
    merged.setCreationDate(options.date);
    merged.setModificationDate(options.date);
    return await merged.save();
  } finally {
    await browser.close();
  }
}
