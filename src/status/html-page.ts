// The whole status page: one self-contained HTML file (inline CSS, no scripts, no external resources).
import { APPROVAL_CLASS, APPROVAL_SYMBOL } from './approval-marks.ts';
import { changesSection, waiverSummary, waiversSection } from './html-sections.ts';
import { Html, html, joinHtml } from './html-escape.ts';
import { matrixTables } from './html-matrix.ts';
import { STATUS_CSS } from './html-style.ts';
import type { StatusTexts } from './texts.ts';
import type { CellApproval, IgnoredResult, StatusModel } from './types.ts';

const APPROVALS: CellApproval[] = ['Godkendt', 'Delvist godkendt', 'Ikke godkendt', 'not-tested'];

/** Renders the status page in the language of `t`. */
export function renderStatusHtml(model: StatusModel, t: StatusTexts): string {
  const meeting = model.nextMeeting ? html` · ${t.nextMeeting(model.nextMeeting)}` : html``;
  const changes = model.changes
    ? html`<section id="changes" aria-labelledby="h-changes">
        <h2 id="h-changes">${t.sections.changes(model.changes.since)}</h2>
        ${changesSection(model.changes, t)}
      </section>`
    : html``;
  const page = html`<!DOCTYPE html>
    <html lang="${t.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="${model.generator}" />
        <title>${t.title} – ${t.asOf(model.asOf)}</title>
        <style>
          ${new Html(STATUS_CSS)}
        </style>
      </head>
      <body>
        <header>
          <h1>${t.title}</h1>
          <p>${t.asOf(model.asOf)}${meeting}</p>
        </header>
        <main>
          <section id="matrix" aria-labelledby="h-matrix">
            <h2 id="h-matrix">${t.sections.matrix}</h2>
            ${overview(model, t)}
            ${model.systems.length ? matrixTables(model, t) : html`<p>${t.noResults}</p>`} ${legend(t)}
          </section>
          <section id="waivers" aria-labelledby="h-waivers">
            <h2 id="h-waivers">${t.sections.waivers}</h2>
            ${waiversSection(model, t)}
          </section>
          ${changes}
        </main>
        <footer>${footer(model, t)}</footer>
      </body>
    </html> `;
  return page.text;
}

function overview(model: StatusModel, t: StatusTexts): Html {
  const items = APPROVALS.map(
    (a) =>
      html`<li class="a-${APPROVAL_CLASS[a]}">
        <span class="sym" aria-hidden="true">${APPROVAL_SYMBOL[a]}</span>${t.approval[a]}:
        <strong>${model.totals[a]}</strong>
      </li>`,
  );
  const changes = model.changes
    ? html`<p>
        ${t.sections.changes(model.changes.since)}: ${t.changeLists.approved} ${model.changes.approved.length}
        · ${t.changeLists.regressions} ${model.changes.regressions.length} · ${t.changeLists.firstTested}
        ${model.changes.firstTested.length}
      </p>`
    : html`<p class="small">${t.noChangesGiven}</p>`;
  return html`<ul class="totals" aria-label="${t.totalsCaption}">
      ${joinHtml(items)}
    </ul>
    <p>${t.sections.waivers}: ${waiverSummary(model, t)}</p>
    ${changes}`;
}

function legend(t: StatusTexts): Html {
  const items = APPROVALS.map(
    (a) =>
      html`<dt class="t-${APPROVAL_CLASS[a]}">
          <span aria-hidden="true">${APPROVAL_SYMBOL[a]}</span> ${t.approval[a]}
        </dt>
        <dd>${t.legendItems[a]}</dd>`,
  );
  return html`<h3>${t.sections.legend}</h3>
    <dl class="legend">${joinHtml(items)}</dl>
    <p class="small">${t.legendTrend} ${t.legendWaivers}</p>`;
}

function footer(model: StatusModel, t: StatusTexts): Html {
  const reasons = new Map<IgnoredResult['reason'], number>();
  for (const i of model.ignored) reasons.set(i.reason, (reasons.get(i.reason) ?? 0) + 1);
  const notes = [...reasons].map(([reason, n]) => ` ${t.ignored(reason, n)}`).join('');
  return html`${t.footer(model.generator, model.counted)}${notes}`;
}
