// A system's page (`systems/<slug>.<lang>.html`): per protocol version its dated trend (a chart and the table of
// every run) and the failed, waived and pending checkpoints of the run that counts, each with number, title and grade.
import { APPROVAL_CLASS, APPROVAL_SYMBOL } from './approval-marks.ts';
import { Html, html, joinHtml } from './html-escape.ts';
import { approvalLabel } from './html-matrix.ts';
import { protocolAnchor } from './histories.ts';
import { dataTable, pageHead } from './html-parts.ts';
import { signatureMark } from './html-signature.ts';
import { outcomeClasses, outcomeWord } from './run-words.ts';
import type { StatusTexts } from './texts.ts';
import type { CellApproval, CellRun, StatusModel, SystemHistory } from './types.ts';

/** Renders one system's page in the language of `t`; links go up to the report's folder. */
export function renderSystemHtml(model: StatusModel, history: SystemHistory, t: StatusTexts): string {
  const sp = t.systemPage;
  const title = sp.title(history.system.system, history.system.vendor);
  const toc = history.protocols.map(
    ({ protocol, cell }) =>
      html`<li>
        <a href="#${protocolAnchor(protocol)}">${protocol.title} ${protocol.version}</a>:
        ${outcomeWord(cell.latest, t)} (${t.mode[cell.latest.mode]})
      </li>`,
  );
  const sections = history.protocols.map((entry) => protocolSection(entry, t));
  const page = html`<!DOCTYPE html>
    <html lang="${t.lang}">
      ${pageHead(`${title} – ${t.asOf(model.asOf)}`, model.generator)}
      <body class="system-page">
        <header>
          <p class="small"><a href="../status.${t.lang}.html">${sp.back}</a></p>
          <h1>${title}</h1>
          <p>${t.asOf(model.asOf)}</p>
          <p class="small">${sp.intro}</p>
        </header>
        <main>
          <nav aria-label="${sp.protocolsCaption}">
            <ul>
              ${joinHtml(toc)}
            </ul>
          </nav>
          ${history.protocols.length ? joinHtml(sections, '\n') : html`<p>${sp.noRuns}</p>`}
        </main>
        <footer>${t.footer(model.generator, model.counted)}</footer>
      </body>
    </html> `;
  return page.text;
}

function protocolSection({ protocol, runs, cell }: SystemHistory['protocols'][number], t: StatusTexts): Html {
  const sp = t.systemPage;
  const anchor = protocolAnchor(protocol);
  const h = sp.runHeaders;
  const rows = runs.map((run) => {
    const counting = run === cell.latest;
    const c = run.counts;
    const report = run.allureHref ? html`<a href="../${run.allureHref}">${t.allureLink}</a>` : html``;
    return html`<tr
      class="${counting ? 'counting-run' : ''}"
      data-run="${run.runId}"
      data-mode="${run.mode}"
      data-approval="${run.approval}"
    >
      <td class="nowrap"><time datetime="${run.finishedAt}">${t.shortDate(run.finishedAt)}</time></td>
      <td>
        <span class="badge m-${run.mode}">${t.modeBadge[run.mode]}</span
        >${counting ? html` (${sp.counting})` : html``}
      </td>
      <td>${run.systemVersion}</td>
      <td class="${outcomeClasses(run)}">${approvalLabel(run.approval, outcomeWord(run, t))}</td>
      <td>${run.approval !== 'not-tested' || run.refused ? t.counts(c) : t.nothingJudged(c.pending)}</td>
      <td data-signature="${run.signature?.state ?? ''}">${signatureMark(run, t)}</td>
      <td>${report}</td>
    </tr>`;
  });
  const open = [cell.latest, ...(cell.newerSelfTest ? [cell.newerSelfTest] : [])].map((run) =>
    openTable(run, t),
  );
  return html`<section
    id="${anchor}"
    class="protocol-history"
    data-protocol="${protocol.id}"
    data-protocol-version="${protocol.version}"
  >
    <h2>
      ${protocol.title}${protocol.variant ? ` (${t.variantName(protocol.variant)})` : ''} ${protocol.version}
    </h2>
    <p class="standard">${protocol.standard}</p>
    <figure>
      <figcaption>${sp.trendCaption}</figcaption>
      ${trendChart(runs, t)}
    </figure>
    ${dataTable(html`class="runs"`, sp.runsCaption, [h.date, h.mode, h.version, h.approval, h.counts, t.signature.header, h.report], rows)}
    ${joinHtml(open, '\n')}
  </section>`;
}

function openTable(run: CellRun, t: StatusTexts): Html {
  const sp = t.systemPage;
  const caption = sp.openCaption(t.shortDate(run.finishedAt), t.mode[run.mode]);
  if (run.open.length === 0)
    return html`<p class="small" data-open-of="${run.runId}">${caption}: ${sp.noOpen}</p>`;
  const h = sp.openHeaders;
  const rows = run.open.map(
    (o) =>
      html`<tr
        class="o-${o.status}"
        data-checkpoint="${o.id}"
        data-status="${o.status}"
        data-grade="${o.grade}"
      >
        <td>${t.openStatus[o.status]}</td>
        <th scope="row" class="nowrap">
          ${o.id}${
            o.officialSteps.length
              ? html`<span class="small">${t.officialSteps(o.officialSteps)}</span>`
              : html``
          }
        </th>
        <td>${o.title}</td>
        <td>${o.grade}</td>
        <td>${o.waiverId ?? ''}</td>
      </tr>`,
  );
  return dataTable(
    html`class="checkpoints" data-open-of="${run.runId}"`,
    caption,
    [h.status, h.checkpoint, h.title, h.grade, h.waiver],
    rows,
  );
}

const LEVELS: CellApproval[] = ['Godkendt', 'Delvist godkendt', 'Ikke godkendt', 'not-tested'];
const CHART = { width: 720, height: 120, left: 150, right: 20, top: 12, row: 26 } as const;
const DAY_MS = 86_400_000;

/**
 * The dated trend as an inline SVG: one mark per run at its date and outcome (filled circle: certification, hollow
 * diamond: self-test), the first and last dates on the axis. Text alternatives carry the same facts.
 */
function trendChart(runs: readonly CellRun[], t: StatusTexts): Html {
  const times = runs.map((r) => Date.parse(r.finishedAt));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, DAY_MS);
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const x = (time: number): number =>
    runs.length === 1 ? CHART.left + plotWidth / 2 : CHART.left + ((time - first) / span) * plotWidth;
  const y = (a: CellApproval): number => CHART.top + LEVELS.indexOf(a) * CHART.row;
  const points = runs.map((run, i) => ({ run, cx: x(times[i] ?? first), cy: y(run.approval) }));
  const levels = LEVELS.map(
    (a) =>
      new Html(
        `<text class="lvl" x="${CHART.left - 8}" y="${y(a) + 4}" text-anchor="end">${APPROVAL_SYMBOL[a]} ${escapeText(t.approval[a])}</text>` +
          `<line x1="${CHART.left}" x2="${CHART.width - CHART.right}" y1="${y(a)}" y2="${y(a)}" stroke="#ddd" />`,
      ),
  );
  const line = points.map((p) => `${p.cx.toFixed(1)},${p.cy}`).join(' ');
  const marks = points.map(({ run, cx, cy }) => {
    const label = `${t.shortDate(run.finishedAt)}: ${outcomeWord(run, t)} (${t.mode[run.mode]}, ${t.systemVersion(run.systemVersion)})`;
    const cls = `t-${APPROVAL_CLASS[run.approval]}`;
    const shape =
      run.mode === 'certify'
        ? `<circle cx="${cx.toFixed(1)}" cy="${cy}" r="6" fill="currentColor" />`
        : `<path d="M${cx.toFixed(1)} ${cy - 7}l7 7l-7 7l-7-7z" fill="#fff" stroke="currentColor" stroke-width="2" />`;
    return new Html(
      `<g class="${cls}" data-mode="${run.mode}"><title>${escapeText(label)}</title>${shape}</g>`,
    );
  });
  const axisY = CHART.top + (LEVELS.length - 1) * CHART.row + 22;
  const dates =
    `<text class="lvl" x="${CHART.left}" y="${axisY}">${escapeText(t.shortDate(new Date(first).toISOString()))}</text>` +
    (runs.length > 1
      ? `<text class="lvl" x="${CHART.width - CHART.right}" y="${axisY}" text-anchor="end">${escapeText(t.shortDate(new Date(last).toISOString()))}</text>`
      : '');
  const summary = runs.map((run) => `${t.shortDate(run.finishedAt)} ${outcomeWord(run, t)}`).join('; ');
  return new Html(
    `<svg class="history-chart" viewBox="0 0 ${CHART.width} ${axisY + 6}" width="${CHART.width}" role="img" aria-label="${escapeText(summary)}">` +
      joinHtml(levels).text +
      `<polyline points="${line}" fill="none" stroke="#888" stroke-width="1.5" />` +
      joinHtml(marks).text +
      dates +
      '</svg>',
  );
}

function escapeText(text: string): string {
  return html`${text}`.text;
}
