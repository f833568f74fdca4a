// The matrix as GodkendteSystemer lays it out (rows: standard and version, columns: systems), with what is behind
// each cell. Many systems are split over several tables so a printed page stays readable.
import { APPROVAL_CLASS, APPROVAL_SYMBOL } from './approval-marks.ts';
import { html, joinHtml, type Html } from './html-escape.ts';
import { protocolAnchor } from './histories.ts';
import { dataTable } from './html-parts.ts';
import { cellKey } from './identity.ts';
import { signatureMark } from './html-signature.ts';
import { outcomeClasses, outcomeWord } from './run-words.ts';
import type { StatusTexts } from './texts.ts';
import type {
  CellApproval,
  CellRun,
  OpenCheckpoint,
  ProtocolRow,
  StatusCell,
  StatusModel,
  SystemColumn,
} from './types.ts';

/** Systems per table: ten columns still fit an A4 landscape page. */
export const SYSTEMS_PER_TABLE = 10;

/** Open checkpoints named in a cell; the rest are on the system's page. */
export const OPEN_IN_CELL = 4;

const OPEN_SYMBOL = { failed: '✘', waived: '⊘', pending: '…' } as const satisfies Record<
  OpenCheckpoint['status'],
  string
>;

/** The matrix table(s). */
export function matrixTables(model: StatusModel, t: StatusTexts): Html {
  const tables: Html[] = [];
  const { systems } = model;
  const pages = new Map(model.histories.map((h) => [h.system.key, h.slug]));
  for (let from = 0; from < systems.length; from += SYSTEMS_PER_TABLE) {
    const part = systems.slice(from, from + SYSTEMS_PER_TABLE);
    const caption =
      systems.length > SYSTEMS_PER_TABLE
        ? `${t.matrixCaption} ${t.matrixPart(from + 1, from + part.length, systems.length)}`
        : t.matrixCaption;
    tables.push(matrixTable(model, part, caption, t, pages));
  }
  return joinHtml(tables, '\n');
}

/** The page of a system, relative to the report's folder. */
export function systemPageHref(slug: string, t: StatusTexts): string {
  return `systems/${encodeURIComponent(slug)}.${t.lang}.html`;
}

function matrixTable(
  model: StatusModel,
  systems: SystemColumn[],
  caption: string,
  t: StatusTexts,
  pages: ReadonlyMap<string, string>,
): Html {
  const head = systems.map((s) => {
    const slug = pages.get(s.key);
    const name = slug ? html`<a href="${systemPageHref(slug, t)}">${s.system}</a>` : html`${s.system}`;
    return html`${name}<span class="vendor">${s.vendor}</span>`;
  });
  const rows = model.protocols.map((protocol) => {
    const cells = systems.map((system) => {
      const slug = pages.get(system.key);
      const details = slug ? `${systemPageHref(slug, t)}#${protocolAnchor(protocol)}` : undefined;
      return cellHtml(protocol, system, model.cells.get(cellKey(protocol.key, system.key)), t, details);
    });
    return html`<tr>
      ${rowHeader(protocol, t)}${joinHtml(cells)}
    </tr>`;
  });
  return dataTable(html`class="matrix"`, caption, [t.protocolHeader, ...head], rows);
}

export function rowHeader(protocol: ProtocolRow, t: StatusTexts): Html {
  const variant = protocol.variant
    ? html` <span class="small">(${t.variantName(protocol.variant)})</span>`
    : html``;
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
  details: string | undefined,
): Html {
  const approval: CellApproval = cell?.latest.approval ?? 'not-tested';
  const data = html`data-vendor="${system.vendor}" data-system="${system.system}"
  data-protocol="${protocol.id}" data-protocol-version="${protocol.version}" data-approval="${approval}"`;
  if (!cell)
    return html`<td class="a-${APPROVAL_CLASS[approval]}" ${data}>
      ${approvalLabel(approval, t.approval[approval])}
    </td>`;
  const run = cell.latest;
  const c = run.counts;
  const counts = html`data-mode="${run.mode}" data-passed="${c.passed}" data-failed="${c.failed}"
  data-waived="${c.waived}" data-pending="${c.pending}"`;
  const remarks = run.remarks > 0 ? html`<span class="small">${t.remarks(run.remarks)}</span>` : html``;
  const lapsed = cell.lapsedWaivers.length
    ? html`<span class="flag lapsed"
        ><span aria-hidden="true">⚠ </span>${t.lapsedWaivers(cell.lapsedWaivers.join(', '))}</span
      >`
    : html``;
  const links = joinHtml(
    [
      ...(details ? [html`<a class="details" href="${details}">${t.detailsLink}</a>`] : []),
      ...(run.allureHref ? [html`<a href="${run.allureHref}">${t.allureLink}</a>`] : []),
    ],
    ' · ',
  );
  const selfTest = cell.newerSelfTest
    ? html`<span class="small newer-self-test"
        >${t.newerSelfTest(t.shortDate(cell.newerSelfTest.finishedAt), outcomeWord(cell.newerSelfTest, t))}</span
      >`
    : html``;
  const countsText =
    run.approval !== 'not-tested' || run.refused ? t.counts(run.counts) : t.nothingJudged(c.pending);
  const refused = cell.refusedCertification
    ? html`<span class="flag sig-refused-newer" data-refused-run="${cell.refusedCertification.runId}"
        ><span aria-hidden="true">✘ </span>${t.signature.newerRefused(
          t.shortDate(cell.refusedCertification.finishedAt),
        )}:
        ${signatureMark(cell.refusedCertification, t)}</span
      >`
    : html``;
  const signature = html`data-signature="${run.signature?.state ?? ''}"`;
  return html`<td class="${outcomeClasses(run)}" ${data} ${counts} ${signature}>
    ${approvalLabel(run.approval, outcomeWord(run, t))}<span class="badge m-${run.mode}"
      >${t.modeBadge[run.mode]}</span
    >${signatureMark(run, t)}${refused}<span
      >${t.systemVersion(run.systemVersion)} ·
      <time datetime="${run.finishedAt}">${t.shortDate(run.finishedAt)}</time></span
    ><span>${countsText}</span>${openList(run, t)}${remarks}${lapsed}${selfTest}${trendHtml(cell, t)}<span
      class="links"
      >${links}</span
    >
  </td>`;
}

/** The first few failed, waived and pending checkpoints (failed first), each with its grade; the title on hover. */
function openList(run: CellRun, t: StatusTexts): Html {
  if (run.open.length === 0 || run.approval === 'not-tested') return html``;
  const order = { failed: 0, waived: 1, pending: 2 } as const;
  const sorted = [...run.open].sort((a, b) => order[a.status] - order[b.status]);
  const shown = sorted.slice(0, OPEN_IN_CELL).map(
    (o) =>
      html`<li
        class="o-${o.status}"
        data-checkpoint="${o.id}"
        data-status="${o.status}"
        data-grade="${o.grade}"
      >
        <span aria-hidden="true">${OPEN_SYMBOL[o.status]}</span>
        <span class="visually-hidden">${t.openStatus[o.status]}:</span> ${o.id} (${o.grade})
        <span class="open-title">${o.title}</span>
      </li>`,
  );
  const more = sorted.length - shown.length;
  const rest = more > 0 ? html`<li class="more">${t.moreOpen(more)}</li>` : html``;
  return html`<ul class="open">
    ${joinHtml(shown)}${rest}
  </ul>`;
}

/** Symbol (decorative) and word: the word is what a screen reader and a grey print keep. */
export function approvalLabel(approval: CellApproval, word: string): Html {
  return html`<span class="approval"
    ><span class="sym" aria-hidden="true">${APPROVAL_SYMBOL[approval]}</span>${word}</span
  >`;
}

function trendHtml(cell: StatusCell, t: StatusTexts): Html {
  if (cell.trend.length < 2) return html``;
  const marks = cell.trend.map(
    (run) =>
      html`<span
        class="t-${APPROVAL_CLASS[run.approval]} tm-${run.mode}${run.refused ? ' sig-refused' : ''}"
        title="${outcomeWord(run, t)}"
        >${run.refused ? '✘' : APPROVAL_SYMBOL[run.approval]}</span
      >`,
  );
  const words = cell.trend.map((run) => outcomeWord(run, t));
  return html`<span class="trend" role="img" aria-label="${t.trend(words)}">${joinHtml(marks)}</span>`;
}
