// Markup every page of the report shares: the head (inline CSS, nothing fetched) and a captioned table with
// column headers.
import { Html, html, joinHtml } from './html-escape.ts';
import { STATUS_CSS } from './html-style.ts';

/** The `<head>` of a report page. */
export function pageHead(title: string, generator: string): Html {
  return html`<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="generator" content="${generator}" />
    <title>${title}</title>
    <style>
      ${new Html(STATUS_CSS)}
    </style>
  </head>`;
}

/** A table with a caption, `th scope="col"` headers (text, or markup) and the given rows. */
export function dataTable(
  attributes: Html,
  caption: string,
  headers: readonly (string | Html)[],
  rows: readonly Html[],
): Html {
  const head = headers.map((h) => html`<th scope="col">${h}</th>`);
  return html`<table ${attributes}>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${joinHtml(head)}
      </tr>
    </thead>
    <tbody>
      ${joinHtml(rows, '\n')}
    </tbody>
  </table>`;
}
