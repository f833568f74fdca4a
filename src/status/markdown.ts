// The Markdown summary (for a wiki, an e-mail or a pull request): the same model, the matrix as a table.
import { APPROVAL_SYMBOL } from './approval-marks.ts';
import { appliedDiffers, waiverSummary } from './html-sections.ts';
import { cellKey } from './identity.ts';
import type { StatusTexts } from './texts.ts';
import type { CellApproval, CellChange, StatusModel, WaiverEntry } from './types.ts';

const APPROVALS: CellApproval[] = ['Godkendt', 'Delvist godkendt', 'Ikke godkendt', 'not-tested'];

/**
 * Vendor strings as literal Markdown text: no emphasis, links, HTML or table breaks. Text is never placed at the
 * start of a line, so list and heading markers need no escape.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&');
}

/** Renders the Markdown summary in the language of `t`. */
export function renderStatusMarkdown(model: StatusModel, t: StatusTexts): string {
  const md = markdownText;
  const lines: string[] = [`# ${md(t.title)}`, ''];
  lines.push(
    md(t.asOf(model.asOf)) + (model.nextMeeting ? ` · ${md(t.nextMeeting(model.nextMeeting))}` : ''),
    '',
  );
  lines.push(`## ${md(t.sections.matrix)}`, '');
  lines.push(
    APPROVALS.map((a) => `${APPROVAL_SYMBOL[a]} ${md(t.approval[a])}: **${model.totals[a]}**`).join(' · '),
  );
  lines.push('');
  if (model.systems.length === 0) lines.push(md(t.noResults), '');
  else {
    const header = [t.protocolHeader, ...model.systems.map((s) => `${s.system} (${s.vendor})`)].map(md);
    lines.push(row(header), row(header.map(() => '---')));
    for (const protocol of model.protocols) {
      const cells = model.systems.map((system) => {
        const cell = model.cells.get(cellKey(protocol.key, system.key));
        if (!cell) return `${APPROVAL_SYMBOL['not-tested']} ${md(t.approval['not-tested'])}`;
        const run = cell.latest;
        const trend =
          cell.trend.length > 1 ? `<br>${cell.trend.map((a) => APPROVAL_SYMBOL[a]).join('')}` : '';
        const notes = [
          ...(run.remarks > 0 ? [t.remarks(run.remarks)] : []),
          ...(cell.lapsedWaivers.length ? [`⚠ ${t.lapsedWaivers(cell.lapsedWaivers.join(', '))}`] : []),
        ].map((note) => `<br>${md(note)}`);
        const selfTest = cell.newerSelfTest
          ? `<br>${md(t.newerSelfTest(t.shortDate(cell.newerSelfTest.finishedAt), t.approval[cell.newerSelfTest.approval]))}`
          : '';
        const link = run.allureHref ? `<br>[${md(t.allureLink)}](<${run.allureHref}>)` : '';
        return (
          `**${APPROVAL_SYMBOL[run.approval]} ${md(t.approval[run.approval])}**` +
          `<br>${md(t.systemVersion(run.systemVersion))} · ${md(t.shortDate(run.finishedAt))}` +
          `<br>${md(t.counts(run.counts))}${notes.join('')}<br>${md(t.mode[run.mode])}${selfTest}${trend}${link}`
        );
      });
      const title = `${protocol.title}${protocol.variant ? ` (${protocol.variant})` : ''} ${protocol.version}`;
      lines.push(row([`**${md(title)}**`, ...cells]));
    }
    lines.push('');
  }
  lines.push(`## ${md(t.sections.waivers)}`, '', md(waiverSummary(model, t)), '');
  if (model.waivers.length === 0) lines.push(md(t.noWaivers), '');
  else {
    const h = t.waiverHeaders;
    const header = [h.id, h.system, h.reason, h.approvedBy, h.checkpoints, h.expires, h.standing].map(md);
    lines.push(row(header), row(header.map(() => '---')));
    for (const w of model.waivers) lines.push(waiverRow(w, t));
    lines.push('');
  }
  if (model.changes) {
    lines.push(`## ${md(t.sections.changes(model.changes.since))}`, '');
    for (const kind of ['approved', 'regressions', 'improved', 'firstTested'] as const) {
      lines.push(`### ${md(t.changeLists[kind])}`, '');
      const list = model.changes[kind];
      if (list.length === 0) lines.push(md(t.noChanges));
      for (const change of list) lines.push(`- ${changeLine(change, t)}`);
      lines.push('');
    }
  }
  lines.push(`_${md(t.footer(model.generator, model.counted))}_`, '');
  return lines.join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function waiverRow(w: WaiverEntry, t: StatusTexts): string {
  const md = markdownText;
  const standing = md(t.waiverStanding(w));
  const status =
    w.standing === 'expired'
      ? `**⚠ ${standing}**`
      : w.standing === 'expires-before-meeting'
        ? `**${standing}, ${md(t.beforeMeeting)}**`
        : standing;
  const applied = appliedDiffers(w) ? `<br>${md(t.appliedTo(w.appliedTo.join(', ')))}` : '';
  return row([
    md(w.id),
    md(`${w.system.system} (${w.system.vendor})`),
    md(w.reason),
    md(w.approvedBy),
    md(w.checkpoints.join(', ')) + applied,
    md(t.shortDate(w.expires)),
    status,
  ]);
}

function changeLine(c: CellChange, t: StatusTexts): string {
  const md = markdownText;
  const before = c.before ? `${md(t.approval[c.before])} → ` : `${md(t.firstTest)}: `;
  return (
    `**${md(`${c.system.system} (${c.system.vendor})`)}**, ${md(`${c.protocol.title} ${c.protocol.version}`)}: ` +
    `${before}${APPROVAL_SYMBOL[c.after]} ${md(t.approval[c.after])} ` +
    `(${md(t.systemVersion(c.systemVersion))}, ${md(t.shortDate(c.finishedAt))})`
  );
}
