// What the receiving GP system shows and stores of a HomeCareObservation message, judged against the message
// (medcom-standards.md §7.3 requirements on the receiving system; observations homecare.inbox and
// homecare.lab-chart of the automation API). Each rule returns problems naming the element, the expected and the
// found value.
import { instantOf } from '../../fhir/datetime.ts';
import { objects } from '../../fhir/json.ts';
import type { HcoAttachment, HcoMessage, HcoResult } from './message.ts';

export type View = Record<string, unknown>;

const views = objects;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const show = (v: unknown): string => (v === undefined ? '(missing)' : JSON.stringify(v));

/** The observation must be an array of objects. */
export function listProblems(observation: string, value: unknown): string[] {
  return Array.isArray(value) ? [] : [`observation ${observation} must be an array, found ${show(value)}`];
}

/** MessageHeader.ids an inbox item stands for: its newest and every earlier version. */
export function idsOf(item: View): string[] {
  const versions = Array.isArray(item['versions'])
    ? item['versions'].filter((v): v is string => typeof v === 'string')
    : [];
  const newest = str(item['messageId']);
  return newest && !versions.includes(newest) ? [...versions, newest] : versions;
}

/** Inbox items that stand for a message. */
export function itemsFor(inbox: unknown, messageId: string | undefined): View[] {
  if (!messageId) return [];
  return views(inbox).filter((item) => idsOf(item).includes(messageId));
}

/** The one inbox item for a message, or the problem. */
export function oneItem(
  inbox: unknown,
  message: HcoMessage,
  what: string,
): { item?: View; problems: string[] } {
  const found = itemsFor(inbox, message.messageId);
  if (found.length === 1) return { item: found[0], problems: [] };
  return {
    problems: [
      found.length === 0
        ? `${what} (MessageHeader.id ${message.messageId ?? '?'}) is not in homecare.inbox`
        : `${what} (MessageHeader.id ${message.messageId ?? '?'}) is in homecare.inbox ${found.length} times`,
    ],
  };
}

function field(item: View, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as View)[key] : undefined), item);
}

/** Fields that must equal the message's values: [path in the view, expected]. */
export function fieldProblems(item: View, expected: [string, unknown][]): string[] {
  return expected
    .filter(([path, value]) => field(item, path) !== value)
    .map(([path, value]) => `${path} is ${show(field(item, path))}, expected ${show(value)}`);
}

function resultViews(item: View): View[] {
  return views(item['results']);
}

/** For every result of the message, the shown result with the same code and what differs. */
export function resultProblems(
  rows: View[],
  message: HcoMessage,
  compare: (row: View, result: HcoResult) => string[],
  where = 'results',
): string[] {
  return message.results.flatMap((result) => {
    const matching = rows.filter((r) => r['code'] === result.code);
    if (matching.length === 0) return [`${where}: no result with code ${result.code ?? '?'}`];
    if (matching.length > 1)
      return [`${where}: result ${result.code ?? '?'} appears ${matching.length} times`];
    return compare(matching[0] as View, result).map((p) => `${where} ${result.code ?? '?'}: ${p}`);
  });
}

/** The unit as sent (Quantity.unit, else its code); a result without one (valueString) shows none, or an empty one. */
function unitProblems(row: View, result: HcoResult): string[] {
  if (result.unit === undefined && (row['unit'] === undefined || row['unit'] === '')) return [];
  return fieldProblems(row, [['unit', result.unit]]);
}

export function shownResults(item: View, message: HcoMessage): string[] {
  return resultProblems(resultViews(item), message, (row, result) => [
    ...fieldProblems(row, [['value', result.value]]),
    ...unitProblems(row, result),
    ...(row['notReferenceEvaluated'] === true
      ? []
      : [`notReferenceEvaluated is ${show(row['notReferenceEvaluated'])}, expected true`]),
  ]);
}

/** Every result is kept with its code and code system (technical data, receive step 13). */
export function shownCodes(item: View, message: HcoMessage): string[] {
  return resultProblems(resultViews(item), message, (row, result) =>
    fieldProblems(row, [['system', result.system]]),
  );
}

export function shownSamplingTimes(item: View, message: HcoMessage): string[] {
  return resultProblems(resultViews(item), message, (row, result) =>
    fieldProblems(row, [['samplingTime', result.samplingTime]]),
  );
}

export function shownStatuses(item: View, message: HcoMessage): string[] {
  return [
    ...fieldProblems(item, [['reportStatus', message.reportStatus]]),
    ...resultProblems(resultViews(item), message, (row, result) =>
      fieldProblems(row, [['status', result.status]]),
    ),
  ];
}

/**
 * The analysis comment of a result as shown: the note as sent; of several notes (Observation.note 0..*) the text of
 * each, joined as the system joins them (no source fixes how), as long as something stands between one note and the next.
 */
function analysisCommentProblems(row: View, result: HcoResult): string[] {
  const notes = result.analysisNotes ?? [];
  if (notes.length < 2) return fieldProblems(row, [['analysisComment', result.analysisComment]]);
  const shown = str(row['analysisComment']) ?? '';
  const missing = notes.filter((note) => !shown.includes(note));
  if (missing.length > 0)
    return [`analysisComment is ${show(row['analysisComment'])}, without the note(s) ${show(missing)}`];
  // Each note stays a note of its own: whatever the separator, one note's end does not run into the next's start.
  const runTogether = notes.flatMap((a, i) =>
    notes.filter((b, j) => i !== j && shown.includes(`${a}${b}`)).map((b) => `${a}${b}`),
  );
  return runTogether.length === 0
    ? []
    : [`analysisComment ${show(row['analysisComment'])} runs the notes together: ${show(runTogether)}`];
}

export function shownComments(item: View, message: HcoMessage): string[] {
  return [
    ...fieldProblems(item, [['clinicalComment', message.clinicalComment]]),
    ...resultProblems(resultViews(item), message, analysisCommentProblems),
  ];
}

/**
 * The author's name and the time of creation of an attachment, shown where the message gives them (receive protocol
 * 3.2.2.2/3.2.2.5: "Name of the author and time of creation ... must also be displayed if enclosed"): `author` holds
 * every part of the author's name, `createdAt` is the same instant as Media.content.creation (any zone).
 */
function authorAndTimeProblems(shown: View, attachment: HcoAttachment): string[] {
  const problems: string[] = [];
  if (attachment.authorNames) {
    const author = str(shown['author']) ?? '';
    const missing = attachment.authorNames.filter((part) => !author.includes(part));
    if (missing.length > 0)
      problems.push(
        `author is ${show(shown['author'])}, expected the name of the author (${attachment.authorNames.join(' ')})`,
      );
  }
  if (attachment.creation) {
    const shownAt = instantOf(shown['createdAt']);
    const created = instantOf(attachment.creation);
    if (!shownAt || !created || shownAt.getTime() !== created.getTime())
      problems.push(
        `createdAt is ${show(shown['createdAt'])}, expected the time of creation ${attachment.creation}`,
      );
  }
  return problems;
}

export function shownAttachments(item: View, message: HcoMessage): string[] {
  const shown = views(item['attachments']);
  const problems =
    shown.length === message.attachments.length
      ? []
      : [`${shown.length} attachments shown, the message has ${message.attachments.length}`];
  for (const attachment of message.attachments) {
    const match = shown.find((a) => a['title'] === attachment.title);
    if (!match) problems.push(`attachment "${attachment.title ?? '?'}" is not shown`);
    else
      problems.push(
        ...[
          ...fieldProblems(match, [
            ['contentType', attachment.contentType],
            ['bytes', attachment.bytes],
          ]),
          ...authorAndTimeProblems(match, attachment),
        ].map((p) => `attachment "${attachment.title ?? '?'}": ${p}`),
      );
  }
  return problems;
}

/** Lab chart rows of a message (its newest MessageHeader.id). */
export function chartRowsFor(chart: unknown, messageIds: string[]): View[] {
  return views(chart).filter((row) => messageIds.includes(str(row['messageId']) ?? ''));
}

/**
 * Every result of a new (neither corrected nor cancelled) report is in the chart with code, long name, value, unit,
 * sampling time, NI and the status final (HomecareChartRow.status: final, corrected or cancelled).
 */
export function chartProblems(rows: View[], message: HcoMessage): string[] {
  return resultProblems(
    rows,
    message,
    (row, result) => [
      ...fieldProblems(row, [
        ['status', 'final'],
        ['system', result.system],
        ['longName', result.display],
        ['value', result.value],
        ['samplingTime', result.samplingTime],
      ]),
      ...unitProblems(row, result),
      ...(row['notReferenceEvaluated'] === true
        ? []
        : [`notReferenceEvaluated is ${show(row['notReferenceEvaluated'])}, expected true`]),
    ],
    'homecare.lab-chart',
  );
}

// --- receive protocol 1.2.1: what the report and the laboratory chart show beyond the values ---

/** Every result shows its long name, the NPU display as sent (3.2.1.6). */
export function shownLongNames(item: View, message: HcoMessage): string[] {
  return resultProblems(resultViews(item), message, (row, result) =>
    fieldProblems(row, [['longName', result.display]]),
  );
}

/** Every chart row of the message is marked not reference-evaluated (3.2.1.9). */
export function chartNotInterpreted(rows: View[], message: HcoMessage): string[] {
  return resultProblems(
    rows,
    message,
    (row) =>
      row['notReferenceEvaluated'] === true
        ? []
        : [`notReferenceEvaluated is ${show(row['notReferenceEvaluated'])}, expected true`],
    'homecare.lab-chart',
  );
}

/** Every chart row shows the long name of its result (3.2.1.11). */
export function chartLongNames(rows: View[], message: HcoMessage): string[] {
  return resultProblems(
    rows,
    message,
    (row, result) => fieldProblems(row, [['longName', result.display]]),
    'homecare.lab-chart',
  );
}

/** Rows (results or chart rows) hold "CODE <value unit" entries as listed ("NPU22089 <7.1 mmol/L, …"). */
export function comparatorProblems(rows: View[], list: string, where: string): string[] {
  return list.split(',').flatMap((entry) => {
    const [code, value, unit] = entry.trim().split(/\s+/);
    const row = rows.find((r) => r['code'] === code);
    if (!row) return [`no ${where} ${code ?? '?'}`];
    return fieldProblems(row, [
      ['value', value],
      ['unit', unit],
    ]).map((p) => `${where} ${code ?? '?'}: ${p}`);
  });
}

/** The report's clinical comment is on every chart row of it: it applies to all results (3.2.1.15). */
export function chartClinicalComment(rows: View[], message: HcoMessage): string[] {
  if (message.clinicalComment === undefined) return ['certbench: the message has no clinical comment'];
  return resultProblems(
    rows,
    message,
    (row) => fieldProblems(row, [['clinicalComment', message.clinicalComment]]),
    'homecare.lab-chart',
  );
}

/** Each chart row carries its own result's analysis comment and no other (3.2.1.18). */
export function chartAnalysisComments(rows: View[], message: HcoMessage): string[] {
  return resultProblems(rows, message, analysisCommentProblems, 'homecare.lab-chart');
}

/** Every chart row of the report names the report's attachments by title (3.2.2.3, 3.2.2.6). */
export function chartAttachments(rows: View[], message: HcoMessage): string[] {
  const titles = message.attachments.map((a) => a.title ?? '');
  return resultProblems(
    rows,
    message,
    (row) => {
      const shown = views(row['attachments']).map((a) => str(a['title']) ?? '');
      const missing = titles.filter((t) => !shown.includes(t));
      return missing.length === 0 ? [] : [`attachments ${JSON.stringify(missing)} are not shown`];
    },
    'homecare.lab-chart',
  );
}

/**
 * The united view of clinical comments (3.2.1.17, observation homecare.clinical-comments): a list with a row for the
 * report, naming it by MessageHeader.id, with its clinical comment as received.
 */
export function unitedCommentProblems(rows: unknown, message: HcoMessage): string[] {
  const listed = listProblems('homecare.clinical-comments', rows);
  if (listed.length > 0) return listed;
  // A bug in the protocol, not in the SUT: the step must name a report that has a clinical comment.
  if (!message.clinicalComment) throw new Error('the report has no clinical comment to look for');
  // A row is one received clinical comment (HomecareClinicalComment.clinicalComment is required): a report that came
  // without one has no row.
  const empty = views(rows)
    .filter((r) => typeof r['clinicalComment'] !== 'string' || r['clinicalComment'].trim() === '')
    .map((r) => `the row of messageId ${show(r['messageId'])} has no clinical comment`);
  const row = views(rows).find((r) => r['messageId'] === message.messageId);
  if (!row) return [...empty, `no row names the report (messageId ${message.messageId ?? '?'})`];
  return [...empty, ...fieldProblems(row, [['clinicalComment', message.clinicalComment]])];
}

// --- R.CORR: what a correction changed ---

/** What of a result a correction can change (IG: result, sampling time, analysis comment). */
const resultContent = (r: HcoResult) => JSON.stringify([r.value, r.unit, r.samplingTime, r.analysisComment]);

/**
 * The corrected report's `changes` say what the correction changed (R.CORR: "what changed is shown"): something at
 * all (a non-blank entry), every result whose value, unit, sampling time or analysis comment changed by its code or
 * long name, and no result the correction left as it was (by its code: "what the newest correction changed",
 * automation API).
 */
export function changesProblems(item: View, before: HcoMessage, after: HcoMessage): string[] {
  // A blank entry says nothing about what changed.
  const changes = Array.isArray(item['changes'])
    ? item['changes'].filter((c): c is string => typeof c === 'string' && c.trim() !== '')
    : [];
  if (changes.length === 0)
    return [`changes is ${show(item['changes'])}: it does not say what was corrected`];
  const problems: string[] = [];
  for (const result of after.results) {
    const earlier = before.results.find((r) => r.code === result.code);
    const named = (text: string | undefined) => text !== undefined && changes.some((c) => c.includes(text));
    const changed = !earlier || resultContent(earlier) !== resultContent(result);
    if (changed && !named(result.code) && !named(result.display))
      problems.push(`changes ${show(changes)} do not name the corrected result ${result.code ?? '?'}`);
    if (!changed && named(result.code))
      problems.push(
        `changes ${show(changes)} name ${result.code ?? '?'}, which the correction did not change`,
      );
  }
  return problems;
}
