// The whole status page: one self-contained HTML file (inline CSS, no scripts, no external resources).
import { APPROVAL_CLASS, APPROVAL_SYMBOL } from './approval-marks.ts';
import { changesSection, waiverSummary, waiversSection } from './html-sections.ts';
import type { Html } from './html-escape.ts';
import { html, joinHtml } from './html-escape.ts';
import { matrixTables } from './html-matrix.ts';
import { pageHead } from './html-parts.ts';
import type { StatusTexts } from './texts.ts';
import type { Approval } from '../result/types.ts';
import type { IgnoredResult, StatusModel } from './types.ts';

const APPROVALS: Approval[] = ['Godkendt', 'Delvist godkendt', 'Ikke godkendt'];

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
      ${pageHead(`${t.title} – ${t.asOf(model.asOf)}`, model.generator)}
      <body>
        <header>
          <h1>${t.title}</h1>
          <p>${t.asOf(model.asOf)}${meeting}</p>
          ${signatureNote(model, t)}
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

/** The totals: MedCom's certifications, the self-tests apart (they approve nothing), the untested cells. */
function overview(model: StatusModel, t: StatusTexts): Html {
  const group = (mode: 'certify' | 'selfTest'): Html => {
    const items = APPROVALS.map(
      (a) =>
        html`<li
          class="a-${APPROVAL_CLASS[a]}${mode === 'selfTest' ? ' m-self-test' : ''}"
          data-mode="${mode === 'certify' ? 'certify' : 'self-test'}"
          data-approval="${a}"
        >
          <span class="sym" aria-hidden="true">${APPROVAL_SYMBOL[a]}</span>${
            mode === 'certify' ? t.approval[a] : t.selfTestApproval[a]
          }:
          <strong>${model.totals[mode][a]}</strong>
        </li>`,
    );
    return html`<div class="totals-group" data-totals="${mode}">
      <span class="totals-name">${t.totals[mode]}</span>
      <ul class="totals">
        ${joinHtml(items)}
      </ul>
    </div>`;
  };
  const changes = model.changes
    ? html`<p>
        ${t.sections.changes(model.changes.since)}: ${t.changeLists.approved} ${model.changes.approved.length}
        · ${t.changeLists.regressions} ${model.changes.regressions.length} · ${t.changeLists.firstTested}
        ${model.changes.firstTested.length}
      </p>`
    : html`<p class="small">${t.noChangesGiven}</p>`;
  return html`<div class="all-totals" role="group" aria-label="${t.totalsCaption}">
      ${group('certify')} ${group('selfTest')}
      <div class="totals-group" data-totals="not-tested">
        <ul class="totals">
          <li class="a-ikke-testet" data-approval="not-tested">
            <span class="sym" aria-hidden="true">${APPROVAL_SYMBOL['not-tested']}</span>${t.totals.notTested}:
            <strong>${model.totals.notTested}</strong>
          </li>
        </ul>
      </div>
    </div>
    <p>${t.sections.waivers}: ${waiverSummary(model, t)}</p>
    ${changes}`;
}

function legend(t: StatusTexts): Html {
  const items = [...APPROVALS, 'not-tested' as const].map(
    (a) =>
      html`<dt class="t-${APPROVAL_CLASS[a]}">
          <span aria-hidden="true">${APPROVAL_SYMBOL[a]}</span> ${t.approval[a]}
        </dt>
        <dd>${t.legendItems[a]}</dd>`,
  );
  const selfTests = APPROVALS.map(
    (a) =>
      html`<li class="t-${APPROVAL_CLASS[a]} tm-self-test">
        <span aria-hidden="true">${APPROVAL_SYMBOL[a]}</span> ${t.selfTestApproval[a]}
      </li>`,
  );
  return html`<h3>${t.sections.legend}</h3>
    <div class="legend-modes">
      <p class="legend-mode a-godkendt" data-legend="certify">
        <span class="badge m-certify">${t.modeBadge.certify}</span> ${t.legendModes.certify}
      </p>
      <p class="legend-mode a-godkendt m-self-test" data-legend="self-test">
        <span class="badge m-self-test">${t.modeBadge['self-test']}</span> ${t.legendModes.selfTest}
      </p>
    </div>
    <dl class="legend">${joinHtml(items)}</dl>
    <ul class="legend-self-test">
      ${joinHtml(selfTests)}
    </ul>
    <p class="small">${t.legendTrend} ${t.legendWaivers}</p>
    <p class="small">${t.signature.legend}</p>`;
}

/** Whether signers were checked, and how many certifications were refused: never left to a cell alone. */
function signatureNote(model: StatusModel, t: StatusTexts): Html {
  const { checked, refused } = model.signatures;
  const count =
    refused > 0 ? html` <strong class="flag">${t.signature.refusedCount(refused)}</strong>` : html``;
  return html`<p
    class="signatures"
    data-signatures="${checked ? 'checked' : 'not-checked'}"
    data-refused="${refused}"
  >
    ${checked ? t.signature.checked : t.signature.notChecked}${count}
  </p>`;
}

function footer(model: StatusModel, t: StatusTexts): Html {
  const reasons = new Map<IgnoredResult['reason'], number>();
  for (const i of model.ignored) reasons.set(i.reason, (reasons.get(i.reason) ?? 0) + 1);
  const notes = [...reasons].map(([reason, n]) => ` ${t.ignored(reason, n)}`).join('');
  return html`${t.footer(model.generator, model.counted)}${notes}`;
}
