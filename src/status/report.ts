// The report's files: every view rendered from one model, then written through a Writer (design example 12).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writer } from '../projections/types.ts';
import { dayStart } from './dates.ts';
import { printPagesToPdf } from './pdf.ts';
import { renderStatusHtml } from './html-page.ts';
import { renderSystemHtml } from './html-system.ts';
import { renderStatusMarkdown } from './markdown.ts';
import type { StatusLanguage, StatusTexts } from './texts.ts';
import { danish } from './texts-da.ts';
import { english } from './texts-en.ts';
import type { StatusModel } from './types.ts';

export const STATUS_TEXTS = { da: danish, en: english } as const satisfies Record<
  StatusLanguage,
  StatusTexts
>;

/** One output file, by its path relative to the output folder. */
export interface StatusFile {
  path: string;
  content: string;
}

/**
 * The pages (`status.<lang>.html`, one per language asked for), a page per system with its history
 * (`systems/<slug>.<lang>.html`) and the Markdown summary (`status.md`, Danish, the steering group's language).
 */
export function renderStatusFiles(model: StatusModel, languages: readonly StatusLanguage[]): StatusFile[] {
  return [...statusFiles(model, languages)];
}

/** The report's files one at a time, each rendered when it is asked for. */
function* statusFiles(model: StatusModel, languages: readonly StatusLanguage[]): Generator<StatusFile> {
  for (const lang of languages)
    yield { path: `status.${lang}.html`, content: renderStatusHtml(model, STATUS_TEXTS[lang]) };
  for (const lang of languages)
    for (const history of model.histories)
      yield {
        path: `systems/${history.slug}.${lang}.html`,
        content: renderSystemHtml(model, history, STATUS_TEXTS[lang]),
      };
  yield { path: 'status.md', content: renderStatusMarkdown(model, danish) };
}

/**
 * Writes the report's files; returns their relative paths. Each page is written before the next is rendered: a
 * system's page with two years of weekly runs is half a megabyte, and the report should not hold them all at once.
 */
export async function writeStatusReport(
  model: StatusModel,
  writer: Writer,
  languages: readonly StatusLanguage[],
): Promise<string[]> {
  const paths: string[] = [];
  for (const file of statusFiles(model, languages)) {
    await writer.write(file.path, file.content);
    paths.push(file.path);
  }
  return paths;
}

/**
 * Prints the written pages of one language (the status page, then each system's page) into `status.<lang>.pdf` in
 * `outDir`; returns its relative path.
 */
export async function writeStatusPdf(
  model: StatusModel,
  outDir: string,
  lang: StatusLanguage,
  browser: string,
): Promise<string> {
  const t = STATUS_TEXTS[lang];
  const pages = [
    `status.${lang}.html`,
    ...model.histories.map((history) => `systems/${history.slug}.${lang}.html`),
  ].map((path) => join(outDir, path));
  const bytes = await printPagesToPdf(pages, {
    browser,
    title: `${t.title} – ${t.asOf(model.asOf)}`,
    date: new Date(dayStart(model.asOf)),
  });
  const path = `status.${lang}.pdf`;
  await writeFile(join(outDir, path), bytes);
  return path;
}
