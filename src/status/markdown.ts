// The Markdown summary (for a wiki, an e-mail or a pull request): the same model, the matrix as a table.
import { APPROVAL_SYMBOL } from './approval-marks.ts';
import { appliedDiffers, waiverSummary } from './html-sections.ts';
import { cellKey } from './identity.ts';
import { outcomeWord } from './run-words.ts';
import type { StatusTexts } from './texts.ts';
import type { Approval } from '../result/types.ts';
import type { CellChange, CellRun, StatusModel, WaiverEntry } from './types.ts';

const APPROVALS: Approval[] = ['Godkendt', 'Delvist godkendt', 'Ikke godkendt'];

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

/** The signature's word (and why it does not verify), as the HTML cell shows it. */
function signatureNotes(run: CellRun, t: StatusTexts): string[] {
  const s = run.signature;
  if (!s || (run.mode === 'self-test' && s.state === 'not-signed')) return [];
  const word = t.signature.state[s.state];
  return [s.state === 'not-verified' ? `${word}: ${t.signature.failure[s.failure]} (${s.file})` : word];
}

/** Renders the Markdown summary in the language of `t`. */
export function renderStatusMarkdown(model: StatusModel, t: StatusTexts): string {
  const md = markdownText;
  const lines: string[] = [`# ${md(t.title)}`, ''];
  lines.push(
    md(t.asOf(model.asOf)) + (model.nextMeeting ? ` · ${md(t.nextMeeting(model.nextMeeting))}` : ''),
    '',
    md(model.signatures.checked ? t.signature.checked : t.signature.notChecked) +
      (model.signatures.refused > 0 ? ` **${md(t.signature.refusedCount(model.signatures.refused))}**` : ''),
    '',
  );
  lines.push(`## ${md(t.sections.matrix)}`, '');
  lines.push(
    `${md(t.totals.certify)}: ` +
      APPROVALS.map((a) => `${APPROVAL_SYMBOL[a]} ${md(t.approval[a])}: **${model.totals.certify[a]}**`).join(
        ' · ',
      ),
    '',
    `${md(t.totals.selfTest)}: ` +
      APPROVALS.map(
        (a) => `${APPROVAL_SYMBOL[a]} ${md(t.selfTestApproval[a])}: **${model.totals.selfTest[a]}**`,
      ).join(' · '),
    '',
    `${APPROVAL_SYMBOL['not-tested']} ${md(t.totals.notTested)}: **${model.totals.notTested}**`,
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
          cell.trend.length > 1 ? `<br>${cell.trend.map((r) => APPROVAL_SYMBOL[r.approval]).join('')}` : '';
        const notes = [
          ...(run.remarks > 0 ? [t.remarks(run.remarks)] : []),
          ...(cell.lapsedWaivers.length ? [`⚠ ${t.lapsedWaivers(cell.lapsedWaivers.join(', '))}`] : []),
          ...signatureNotes(run, t),
          ...(cell.refusedCertification
            ? [
                `✘ ${t.signature.newerRefused(t.shortDate(cell.refusedCertification.finishedAt))}`,
                ...signatureNotes(cell.refusedCertification, t),
              ]
            : []),
        ].map((note) => `<br>${md(note)}`);
        const selfTest = cell.newerSelfTest
          ? `<br>${md(t.newerSelfTest(t.shortDate(cell.newerSelfTest.finishedAt), outcomeWord(cell.newerSelfTest, t)))}`
          : '';
        const link = run.allureHref ? `<br>[${md(t.allureLink)}](<${run.allureHref}>)` : '';
        const counts =
          run.approval === 'not-tested' ? t.nothingJudged(run.counts.pending) : t.counts(run.counts);
        const failed = run.open.filter((o) => o.status === 'failed');
        const open = failed.length
          ? `<br>${md(`${t.openStatus.failed}: ${failed.map((o) => `${o.id} (${o.grade})`).join(', ')}`)}`
          : '';
        // A self-test's word is in italics and never MedCom's: it approves nothing.
        const word = md(outcomeWord(run, t));
        const outcome =
          run.approval !== 'not-tested' && run.mode === 'self-test' ? `_${word}_` : `**${word}**`;
        return (
          `${APPROVAL_SYMBOL[run.approval]} ${outcome}` +
          `<br>${md(t.modeBadge[run.mode])}` +
          `<br>${md(t.systemVersion(run.systemVersion))} · ${md(t.shortDate(run.finishedAt))}` +
          `<br>${md(counts)}${open}${notes.join('')}${selfTest}${trend}${link}`
        );
      });
      const title = `${protocol.title}${protocol.variant ? ` (${t.variantName(protocol.variant)})` : ''} ${protocol.version}`;
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
  const before = c.before
    ? `${md(outcomeWord({ approval: c.before, mode: c.beforeMode ?? 'certify' }, t))} → `
    : `${md(t.firstTest)}: `;
  return (
    `**${md(`${c.system.system} (${c.system.vendor})`)}**, ${md(`${c.protocol.title} ${c.protocol.version}`)}: ` +
    `${before}${APPROVAL_SYMBOL[c.after]} ${md(outcomeWord({ approval: c.after, mode: c.mode }, t))} ` +
    `(${md(t.mode[c.mode])}, ${md(t.systemVersion(c.systemVersion))}, ${md(t.shortDate(c.finishedAt))})`
  );
}
