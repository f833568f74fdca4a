// The matrix as GodkendteSystemer lays it out (rows: standard and version, columns: systems), with what is behind
// each cell. Many systems are split over several tables so a printed page stays readable.
import { APPROVAL_CLASS, APPROVAL_SYMBOL } from './approval-marks.ts';
import { html, joinHtml, type Html } from './html-escape.ts';
import { cellKey } from './identity.ts';
import type { StatusTexts } from './texts.ts';
import type { CellApproval, ProtocolRow, StatusCell, StatusModel, SystemColumn } from './types.ts';

/** Systems per table: ten columns still fit an A4 landscape page. */
export const SYSTEMS_PER_TABLE = 10;

/** The matrix table(s). */
export function matrixTables(model: StatusModel, t: StatusTexts): Html {
  const tables: Html[] = [];
  const { systems } = model;
  for (let from = 0; from < systems.length; from += SYSTEMS_PER_TABLE) {
    const part = systems.slice(from, from + SYSTEMS_PER_TABLE);
    const caption =
      systems.length > SYSTEMS_PER_TABLE
        ? `${t.matrixCaption} ${t.matrixPart(from + 1, from + part.length, systems.length)}`
        : t.matrixCaption;
    tables.push(matrixTable(model, part, caption, t));
  }
  return joinHtml(tables, '\n');
}

function matrixTable(model: StatusModel, systems: SystemColumn[], caption: string, t: StatusTexts): Html {
  const head = joinHtml(
    systems.map((s) => html`<th scope="col">${s.system}<span class="vendor">${s.vendor}</span></th>`),
  );
  const rows = model.protocols.map((protocol) => {
    const cells = systems.map((system) =>
      cellHtml(protocol, system, model.cells.get(cellKey(protocol.key, system.key)), t),
    );
    return html`<tr>
      ${rowHeader(protocol)}${joinHtml(cells)}
    </tr>`;
  });
  return html`<table class="matrix">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t.protocolHeader}</th>
        ${head}
      </tr>
    </thead>
    <tbody>
      ${joinHtml(rows, '\n')}
    </tbody>
  </table>`;
}

function rowHeader(protocol: ProtocolRow): Html {
  const variant = protocol.variant ? html` <span class="small">(${protocol.variant})</span>` : html``;
  return html`<th scope="row">
    ${protocol.title}${variant} <span class="version">${protocol.version}</span
    ><span class="standard">${protocol.standard}</span>
  </th>`;
}

/** One cell; data attributes carry the facts in a stable form for tests and tools. */
function cellHtml(
  protocol: ProtocolRow,
  system: SystemColumn,
  cell: StatusCell | undefined,
  t: StatusTexts,
): Html {
  const approval: CellApproval = cell?.latest.approval ?? 'not-tested';
  const data = html`data-vendor="${system.vendor}" data-system="${system.system}"
  data-protocol="${protocol.id}" data-protocol-version="${protocol.version}" data-approval="${approval}"`;
  const label = approvalLabel(approval, t);
  if (!cell) return html`<td class="a-${APPROVAL_CLASS[approval]}" ${data}>${label}</td>`;
  const run = cell.latest;
  const c = run.counts;
  const counts = html`data-passed="${c.passed}" data-failed="${c.failed}" data-waived="${c.waived}"
  data-pending="${c.pending}"`;
  const remarks = run.remarks > 0 ? html`<span class="small">${t.remarks(run.remarks)}</span>` : html``;
  const lapsed = cell.lapsedWaivers.length
    ? html`<span class="flag lapsed"
        ><span aria-hidden="true">⚠ </span>${t.lapsedWaivers(cell.lapsedWaivers.join(', '))}</span
      >`
    : html``;
  const link = run.allureHref ? html`<span><a href="${run.allureHref}">${t.allureLink}</a></span>` : html``;
  const selfTest = cell.newerSelfTest
    ? html`<span class="small newer-self-test"
        >${t.newerSelfTest(t.shortDate(cell.newerSelfTest.finishedAt), t.approval[cell.newerSelfTest.approval])}</span
      >`
    : html``;
  return html`<td class="a-${APPROVAL_CLASS[approval]}" ${data} ${counts}>
    ${label}<span
      >${t.systemVersion(run.systemVersion)} ·
      <time datetime="${run.finishedAt}">${t.shortDate(run.finishedAt)}</time></span
    ><span>${t.counts(c)}</span>${remarks}${lapsed}<span class="small">${t.mode[run.mode]}</span
    >${selfTest}${trendHtml(cell, t)}${link}
  </td>`;
}

/** Symbol (decorative) and word: the word is what a screen reader and a grey print keep. */
export function approvalLabel(approval: CellApproval, t: StatusTexts): Html {
  return html`<span class="approval"
    ><span class="sym" aria-hidden="true">${APPROVAL_SYMBOL[approval]}</span>${t.approval[approval]}</span
  >`;
}

function trendHtml(cell: StatusCell, t: StatusTexts): Html {
  if (cell.trend.length < 2) return html``;
  const marks = cell.trend.map(
    (a) => html`<span class="t-${APPROVAL_CLASS[a]}" title="${t.approval[a]}">${APPROVAL_SYMBOL[a]}</span>`,
  );
  const words = cell.trend.map((a) => t.approval[a]);
  return html`<span class="trend" role="img" aria-label="${t.trend(words)}">${joinHtml(marks)}</span>`;
}
