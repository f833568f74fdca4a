// R.CORR, R.CANC, invalid content and duplicates: what the GP system keeps after a correction, a cancellation, a
// rejected message and a resend, judged on homecare.inbox and homecare.lab-chart.
import { Then } from '@cucumber/cucumber';
import {
  changesProblems,
  chartRowsFor,
  fieldProblems,
  idsOf,
  itemsFor,
  type View,
} from '../../src/rules/homecare/view-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { refusalProblems } from './ack-checks.ts';
import { chartRowsOfItem, judgeItem, shownFor, type Shown } from './view.ts';

/** The problems of the one report standing for both deliveries (an original and its correction/cancellation). */
async function judgeVersions(
  world: CertbenchWorld,
  ref: string,
  original: string,
  description: string,
  rule: (item: View, rows: View[], originalId: string, shown: Shown) => string[],
): Promise<void> {
  const shown = await shownFor(world, ref);
  if (!shown) return;
  const originalId = shown.outcome.delivered(original).message.messageId ?? '';
  const newest = itemsFor(shown.inbox, shown.message.messageId);
  const older = itemsFor(shown.inbox, originalId).filter((i) => !newest.includes(i));
  const problems = [...shown.problems];
  if (newest.length !== 1)
    problems.push(
      `${newest.length} reports in homecare.inbox stand for ${ref} (MessageHeader.id ${shown.message.messageId ?? '?'}), expected one`,
    );
  if (older.length > 0)
    problems.push(`the earlier version ${original} (${originalId}) is still shown as a report of its own`);
  const [item] = newest;
  if (item && problems.length === 0)
    problems.push(...rule(item, chartRowsOfItem(shown, item), originalId, shown));
  world.verify(description, problems, { location: `homecare.inbox / homecare.lab-chart, ${ref}` });
}

Then(
  'only the newest version {string} of {string} is shown, marked {string} with what changed',
  async function (this: CertbenchWorld, ref: string, original: string, marking: string) {
    await judgeVersions(
      this,
      ref,
      original,
      `only the newest version of ${original} is shown`,
      (item, _rows) => {
        const shown = (item['results'] as View[] | undefined) ?? [];
        return [
          ...fieldProblems(item, [['marking', marking]]),
          ...(Array.isArray(item['changes']) && item['changes'].length > 0
            ? []
            : ['changes does not say what the correction changed']),
          ...(shown.some((r) => r['code'] === 'NPU22089')
            ? []
            : ['the corrected glucose result is not shown']),
        ];
      },
    );
  },
);

Then(
  'the corrected report {string} says what it changed in {string}: each corrected result by code or name, no other result',
  async function (this: CertbenchWorld, ref: string, original: string) {
    await judgeVersions(
      this,
      ref,
      original,
      `the changes of ${ref} say what it corrected`,
      (item, _rows, _id, shown) =>
        changesProblems(item, shown.outcome.delivered(original).message, shown.message),
    );
  },
);

Then(
  'the report keeps {string} traceable as the earlier version of {string}',
  async function (this: CertbenchWorld, original: string, ref: string) {
    await judgeVersions(
      this,
      ref,
      original,
      `${original} stays traceable behind ${ref}`,
      (item, _rows, originalId) => {
        const ids = idsOf(item);
        const newestId = item['messageId'];
        return ids.indexOf(originalId) >= 0 && ids.indexOf(originalId) < ids.indexOf(String(newestId))
          ? []
          : [
              `versions ${JSON.stringify(item['versions'])} do not list ${originalId} before ${String(newestId)}`,
            ];
      },
    );
  },
);

Then(
  'the laboratory chart holds, for {string} corrected by {string}, only the corrected result {string} marked {string}',
  async function (this: CertbenchWorld, original: string, ref: string, expected: string, marking: string) {
    const [code, value, unit] = expected.split(/\s+/);
    await judgeVersions(this, ref, original, `the chart holds the corrected ${expected}`, (_item, rows) => {
      const matching = rows.filter((r) => r['code'] === code);
      if (matching.length !== 1)
        return [`${matching.length} chart rows ${code ?? '?'} for the report, expected one`];
      return fieldProblems(matching[0] as View, [
        ['value', value],
        ['unit', unit],
        ['marking', marking],
        ['status', 'corrected'],
      ]).map((p) => `chart row ${code ?? '?'}: ${p}`);
    });
  },
);

Then(
  'the report {string} is shown as cancelled with the reason {string}',
  async function (this: CertbenchWorld, ref: string, reason: string) {
    await judgeItem(this, ref, `${ref} is marked cancelled`, (item) =>
      fieldProblems(item, [
        ['cancelled', true],
        ['cancellationReason', reason],
      ]),
    );
  },
);

Then(
  'the cancelled report {string} of {string} is archived, not deleted, and its chart rows are marked cancelled',
  async function (this: CertbenchWorld, ref: string, original: string) {
    await judgeVersions(
      this,
      ref,
      original,
      `${original} is archived, not deleted`,
      (item, rows, originalId) => [
        ...fieldProblems(item, [['archived', true]]),
        ...(idsOf(item).includes(originalId) ? [] : [`the archived report does not keep ${originalId}`]),
        ...(rows.length === 0 ? ['the chart rows of the report were deleted'] : []),
        ...rows
          .filter((r) => r['status'] !== 'cancelled')
          .map(
            (r) =>
              `chart row ${String(r['code'])}: status is ${JSON.stringify(r['status'])}, expected "cancelled"`,
          ),
      ],
    );
  },
);

Then(
  'nothing of {string} or {string} is stored or shown, while {string} is',
  async function (this: CertbenchWorld, first: string, second: string, control: string) {
    const shown = await shownFor(this, control);
    if (!shown) return;
    const problems = [...shown.problems];
    for (const ref of [first, second]) {
      const id = shown.outcome.delivered(ref).message.messageId ?? '';
      const items = itemsFor(shown.inbox, id);
      const rows = chartRowsFor(shown.chart, [id]);
      if (items.length > 0) problems.push(`the rejected ${ref} (${id}) is in homecare.inbox`);
      if (rows.length > 0)
        problems.push(`the rejected ${ref} (${id}) has ${rows.length} rows in homecare.lab-chart`);
    }
    if (itemsFor(shown.inbox, shown.message.messageId).length !== 1)
      problems.push(
        `the valid ${control} must still be filed once (MessageHeader.id ${shown.message.messageId ?? '?'})`,
      );
    this.verify(`nothing of the rejected messages is stored`, problems, {
      expected: `${first} and ${second} absent, ${control} filed`,
    });
  },
);

/** A delivery refused (HTTP 4xx, an SBDH ReceiptException or fatal-error) of which nothing is stored. */
async function judgeRefused(world: CertbenchWorld, ref: string, what: string): Promise<void> {
  const shown = await shownFor(world, ref);
  if (!shown) return;
  const id = shown.message.messageId ?? '?';
  const problems = [...shown.problems, ...refusalProblems(shown.outcome, ref)];
  if (itemsFor(shown.inbox, shown.message.messageId).length > 0)
    problems.push(`the message ${ref} (${id}) is in homecare.inbox`);
  const rows = chartRowsFor(shown.chart, [id]);
  if (rows.length > 0)
    problems.push(`the message ${ref} (${id}) has ${rows.length} rows in homecare.lab-chart`);
  world.verify(`${what} is refused`, problems, {
    expected: 'HTTP 4xx, an SBDH ReceiptException, or fatal-error; nothing stored',
  });
}

Then(
  'the envelope of {string} is refused and nothing of it is stored',
  async function (this: CertbenchWorld, ref: string) {
    await judgeRefused(this, ref, `the envelope of ${ref}, which contradicts its message,`);
  },
);

Then(
  'the message {string} is refused and nothing of it is stored',
  async function (this: CertbenchWorld, ref: string) {
    await judgeRefused(this, ref, `${ref}, not an acceptable HomeCareObservation message,`);
  },
);

Then(
  '{string} is shown once only, its results once in the laboratory chart',
  async function (this: CertbenchWorld, ref: string) {
    const shown = await shownFor(this, ref);
    if (!shown) return;
    const id = shown.message.messageId ?? '';
    const items = itemsFor(shown.inbox, id);
    const rows = chartRowsFor(shown.chart, [id]);
    const problems = [...shown.problems];
    if (items.length !== 1)
      problems.push(`MessageHeader.id ${id} is in homecare.inbox ${items.length} times, expected once`);
    if (rows.length !== shown.message.results.length)
      problems.push(
        `${rows.length} chart rows name ${id}, expected ${shown.message.results.length} (one per result)`,
      );
    this.verify(`the resent ${ref} is not shown twice`, problems, {
      expected: 'one report, one chart row per result',
    });
  },
);
