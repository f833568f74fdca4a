// The report's files: every view rendered from one model, then written through a Writer (design example 12).
import type { Writer } from '../projections/types.ts';
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
  return [
    ...languages.map((lang) => ({
      path: `status.${lang}.html`,
      content: renderStatusHtml(model, STATUS_TEXTS[lang]),
    })),
    ...languages.flatMap((lang) =>
      model.histories.map((history) => ({
        path: `systems/${history.slug}.${lang}.html`,
        content: renderSystemHtml(model, history, STATUS_TEXTS[lang]),
      })),
    ),
    { path: 'status.md', content: renderStatusMarkdown(model, danish) },
  ];
}

/** Writes the report's files; returns their relative paths. */
export async function writeStatusReport(
  model: StatusModel,
  writer: Writer,
  languages: readonly StatusLanguage[],
): Promise<string[]> {
  const files = renderStatusFiles(model, languages);
  for (const file of files) await writer.write(file.path, file.content);
  return files.map((f) => f.path);
}
