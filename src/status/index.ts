/**
 * The certification status report (`certbench status`): read a folder of results, build the model, render the
 * Danish and English pages and the Markdown summary. See docs/status-report.md.
 */
export { loadResultsFolder, resultProblem, RESULT_FILE_NAME, type SkippedFile } from './load.ts';
export { buildStatusModel, cellApproval } from './model.ts';
export { cellKey } from './identity.ts';
export { isDay } from './dates.ts';
export { renderStatusHtml } from './html-page.ts';
export { renderStatusMarkdown } from './markdown.ts';
export { renderStatusFiles, writeStatusReport, STATUS_TEXTS, type StatusFile } from './report.ts';
export type { StatusLanguage, StatusTexts } from './texts.ts';
export type * from './types.ts';
