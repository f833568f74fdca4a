// The sections after the matrix: dispensations (with days to expiry, highlighted before the next meeting, flagged
// when expired) and the changes since the last meeting.
import { approvalLabel } from './html-matrix.ts';
import { html, joinHtml, type Html } from './html-escape.ts';
import { dataTable } from './html-parts.ts';
import { outcomeWord } from './run-words.ts';
import type { StatusTexts } from './texts.ts';
import type { CellChange, StatusChanges, StatusModel, WaiverEntry } from './types.ts';

const STANDING_CLASS = {
  active: 'w-active',
  'expires-before-meeting': 'w-before-meeting',
  expired: 'w-expired',
} as const satisfies Record<WaiverEntry['standing'], string>;

/** The waiver table, or a sentence when there is none. */
export function waiversSection(model: StatusModel, t: StatusTexts): Html {
  const intro = html`<p>${waiverSummary(model, t)}</p>`;
  if (model.waivers.length === 0)
    return html`${intro}
      <p>${t.noWaivers}</p>`;
  const h = t.waiverHeaders;
  const rows = model.waivers.map((w) => waiverRow(w, t));
  return html`${intro}
  ${dataTable(
    html`class="waivers"`,
    t.waiversCaption,
    [h.id, h.system, h.reason, h.approvedBy, h.checkpoints, h.expires, h.standing],
    rows,
  )}`;
}

/** "N aktive dispensationer, heraf … før næste møde; … udløbet." */
export function waiverSummary(model: StatusModel, t: StatusTexts): string {
  const expired = model.waivers.filter((w) => w.standing === 'expired').length;
  const soon = model.waivers.filter((w) => w.standing === 'expires-before-meeting').length;
  return t.waiverSummary(model.waivers.length - expired, soon, expired);
}

function waiverRow(w: WaiverEntry, t: StatusTexts): Html {
  const applied = appliedDiffers(w)
    ? html`<span class="small">${t.appliedTo(w.appliedTo.join(', '))}</span>`
    : html``;
  const standing = t.waiverStanding(w);
  const status =
    w.standing === 'active'
      ? html`${standing}`
      : w.standing === 'expired'
        ? html`<span class="flag">${standing}</span>`
        : html`${standing} <span class="flag">${t.beforeMeeting}</span>`;
  return html`<tr
    class="${STANDING_CLASS[w.standing]}"
    data-waiver="${w.id}"
    data-vendor="${w.system.vendor}"
    data-system="${w.system.system}"
    data-days-to-expiry="${w.daysToExpiry}"
    data-standing="${w.standing}"
  >
    <th scope="row" class="nowrap">${w.id}</th>
    <td>${w.system.system}<span class="vendor">${w.system.vendor}</span></td>
    <td>${w.reason}</td>
    <td>${w.approvedBy}</td>
    <td>${w.checkpoints.join(', ')} ${applied}</td>
    <td class="nowrap"><time datetime="${w.expires}">${t.shortDate(w.expires)}</time></td>
    <td>${status}</td>
  </tr>`;
}

/** "applied to" says something only when it is not just the waiver's own checkpoint list. */
export function appliedDiffers(w: WaiverEntry): boolean {
  return w.appliedTo.length > 0 && w.appliedTo.join() !== [...w.checkpoints].sort().join();
}

/** The four change lists. */
export function changesSection(changes: StatusChanges, t: StatusTexts): Html {
  const lists = (['approved', 'regressions', 'improved', 'firstTested'] as const).map((kind) => {
    const items = changes[kind].map((c) => html`<li data-kind="${kind}">${changeItem(c, t)}</li>`);
    const body = items.length
      ? html`<ul>
          ${joinHtml(items, '\n')}
        </ul>`
      : html`<p>${t.noChanges}</p>`;
    return html`<h3>${t.changeLists[kind]}</h3>
      ${body}`;
  });
  return joinHtml(lists, '\n');
}

function changeItem(c: CellChange, t: StatusTexts): Html {
  const before = c.before
    ? html`${outcomeWord({ approval: c.before, mode: c.beforeMode ?? 'certify' }, t)} → `
    : html`${t.firstTest}: `;
  return html`<strong>${c.system.system} (${c.system.vendor})</strong>, ${c.protocol.title}
    <span class="version">${c.protocol.version}</span>:
    ${before}${approvalLabel(c.after, outcomeWord({ approval: c.after, mode: c.mode }, t))}
    <span class="small"
      >(${t.mode[c.mode]}, ${t.systemVersion(c.systemVersion)},
      <time datetime="${c.finishedAt}">${t.shortDate(c.finishedAt)}</time>)</span
    >`;
}
