// Checks of the GP system's automatic handling of received lab results, over what its inbox shows. Each returns
// problems naming the requisition, what was expected and what the SUT shows; none means the check passed.
import { DATETIME_WITH_SECONDS_AND_ZONE } from '../../fhir/datetime.ts';
import { TEST_PERSONS } from '../test-persons.ts';
import { AUTO_HANDLING_TYPES, isAutoHandling } from './auto-handling.ts';
import {
  readAudit,
  readFees,
  readItems,
  readMessages,
  type InboxSnapshot,
  type ItemView,
} from './inbox-view.ts';

function describe(items: ItemView[]): string {
  return items.length === 0 ? 'no item' : items.map((i) => `state "${i.state}"`).join(', ');
}

/** The single inbox item of a requisition; several items or none is a problem. */
export function itemOf(
  snapshot: InboxSnapshot,
  requisition: string,
  problems: string[],
): ItemView | undefined {
  const items = readItems(snapshot.items, problems).filter((i) => i.requisition === requisition);
  // Where an item shows an auto-handling type (optional), it is one the automation API names (InboxItem.autoHandling).
  for (const item of items)
    if (item.autoHandling !== undefined && !isAutoHandling(item.autoHandling))
      problems.push(
        `requisition ${requisition} shows auto-handling "${item.autoHandling}", which is none of ${AUTO_HANDLING_TYPES.join(', ')}`,
      );
  if (items.length === 1) return items[0];
  problems.push(
    `inbox.items shows ${items.length} items for requisition ${requisition}, expected exactly one`,
  );
  return undefined;
}

export function repliesAbout(snapshot: InboxSnapshot, requisition: string, problems: string[]): number {
  return readMessages(snapshot.messages, problems).filter((m) => m.requisition === requisition).length;
}

const replyCount = (n: number) => `${n} automatic ${n === 1 ? 'reply' : 'replies'}`;

/** Answered automatically: exactly one reply to the patient about the requisition. */
export function answeredOnce(snapshot: InboxSnapshot, requisition: string): string[] {
  const problems: string[] = [];
  const replies = repliesAbout(snapshot, requisition, problems);
  if (replies !== 1)
    problems.push(
      `the patient got ${replyCount(replies)} about requisition ${requisition}, expected exactly one`,
    );
  return problems;
}

/**
 * The automatic replies about the requisition say something and name no other person: where the SUT shows a reply's
 * text, it is not empty and holds neither the full name nor the CPR number (with or without its hyphen) of any other test person. A reply goes to
 * the patient's own channel (addendum §A.6 item 6), and another patient's identity in it breaks the duty of
 * confidentiality (sundhedsloven kapitel 9). Provisional: the reply's wording is not public ([U]), so only another
 * person's identity is looked for, never a wording.
 */
export function repliesSayNoOtherPerson(
  snapshot: InboxSnapshot,
  requisition: string,
  patient: string,
): string[] {
  const problems: string[] = [];
  const texts = readMessages(snapshot.messages, problems)
    .filter((m) => m.requisition === requisition)
    .flatMap((m) => (m.text === undefined ? [] : [m.text]));
  // A reply whose text is shown empty tells the patient nothing (the wording is [U]; that it says something is not).
  if (texts.some((t) => t.trim() === ''))
    problems.push(`an automatic reply about requisition ${requisition} has an empty text`);
  for (const [cpr, person] of Object.entries(TEST_PERSONS)) {
    if (cpr === patient) continue;
    const marks = [`${person.given} ${person.family}`, cpr, `${cpr.slice(0, 6)}-${cpr.slice(6)}`];
    for (const text of texts)
      for (const mark of marks.filter((m) => text.includes(m)))
        problems.push(
          `the automatic reply about requisition ${requisition} names another person (${mark}): "${text.slice(0, 160)}"`,
        );
  }
  return problems;
}

export function stateIs(snapshot: InboxSnapshot, requisition: string, expected: string): string[] {
  const problems: string[] = [];
  const item = itemOf(snapshot, requisition, problems);
  if (item && item.state !== expected)
    problems.push(`requisition ${requisition} is in state "${item.state}", expected "${expected}"`);
  return problems;
}

/**
 * The inbox shows the type in force: where the SUT's inbox.items shows an auto-handling type (optional in the
 * automation API), it is the requisition's current one, not the one it was ordered with.
 */
export function showsTypeInForce(snapshot: InboxSnapshot, requisition: string, expected: string): string[] {
  const problems: string[] = [];
  const item = itemOf(snapshot, requisition, problems);
  if (item?.autoHandling !== undefined && item.autoHandling !== expected)
    problems.push(
      `requisition ${requisition} shows auto-handling "${item.autoHandling}", but its type in force is "${expected}"`,
    );
  return problems;
}

/** Neither answered nor archived automatically (it may wait for results or be in the inbox). */
export function notAutoHandled(snapshot: InboxSnapshot, requisition: string): string[] {
  const problems: string[] = [];
  const replies = repliesAbout(snapshot, requisition, problems);
  if (replies > 0)
    problems.push(`the patient got ${replyCount(replies)} about requisition ${requisition}, expected none`);
  const archived = readItems(snapshot.items, problems).filter(
    (i) => i.requisition === requisition && i.state === 'archived',
  );
  if (archived.length > 0)
    problems.push(`requisition ${requisition} was archived automatically (${describe(archived)})`);
  return problems;
}

/** In the doctor's inbox and never answered automatically. */
export function keptForTheDoctor(snapshot: InboxSnapshot, requisition: string): string[] {
  return [...stateIs(snapshot, requisition, 'inbox'), ...notAutoHandled(snapshot, requisition)];
}

export function noFees(snapshot: InboxSnapshot, requisition: string): string[] {
  const problems: string[] = [];
  const fees = readFees(snapshot.fees, problems);
  if (fees.length > 0)
    problems.push(
      `${fees.length} fee(s) registered (${fees.map((f) => `${f.code}${f.requisition ? ` on ${f.requisition}` : ''}`).join(', ')}) although only the automatic reply on requisition ${requisition} happened`,
    );
  return problems;
}

/**
 * The audit log has each action for the requisition, each with a dateTime with seconds and zone, and, where it names
 * the actor, logged as the system's (AuditEntry.actor is `system`, api/automation-api.openapi.yaml): an automatic
 * action logged under a person would say a person did it.
 */
export function auditedActions(snapshot: InboxSnapshot, requisition: string, actions: string[]): string[] {
  const problems: string[] = [];
  const entries = readAudit(snapshot.audit, problems).filter((a) => a.requisition === requisition);
  for (const action of actions) {
    const entry = entries.find((e) => e.action === action);
    if (!entry) problems.push(`the audit log has no "${action}" entry for requisition ${requisition}`);
    else if (!entry.at || !DATETIME_WITH_SECONDS_AND_ZONE.test(entry.at))
      problems.push(
        `the "${action}" audit entry of requisition ${requisition} has no time with seconds and zone (at = ${entry.at ?? 'missing'})`,
      );
    else if (entry.actor !== undefined && entry.actor !== 'system')
      problems.push(
        `the "${action}" audit entry of requisition ${requisition} names the actor "${entry.actor}", not the system`,
      );
  }
  return problems;
}

/** The automatic actions the automation API names (AuditEntry.action, api/automation-api.openapi.yaml). */
const AUDIT_ACTIONS = ['auto-reply', 'archive', 'archive-until-appointment', 'return-to-inbox'];

/**
 * Every audit entry of the requisition names its action as the automation API does: a logged action that none of
 * them names tells the GP nothing about what the system did. Whether a system logs an action at all is asked by
 * auditedActions where the protocol requires it; this only judges the entries there are.
 */
export function auditActionsNamed(snapshot: InboxSnapshot, requisition: string): string[] {
  const problems: string[] = [];
  for (const entry of readAudit(snapshot.audit, problems).filter((a) => a.requisition === requisition))
    if (!AUDIT_ACTIONS.includes(entry.action))
      problems.push(
        `the audit log records an action "${entry.action}" for requisition ${requisition}, which is none of ${AUDIT_ACTIONS.join(', ')}`,
      );
  return problems;
}

/**
 * A patient's replies, fees and audit log show nothing about another patient's requisitions (the automation API
 * observes them per patient: "the automatic replies sent to the patient", "the automatic actions logged for the
 * patient's requisitions").
 */
export function nothingAboutOthers(
  snapshot: InboxSnapshot,
  patient: string,
  othersRequisitions: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const rows = [
    ...readMessages(snapshot.messages, problems).map(
      (m) => ['inbox.patient-messages', m.requisition] as const,
    ),
    ...readFees(snapshot.fees, problems).map((f) => ['inbox.fees', f.requisition ?? ''] as const),
    ...readAudit(snapshot.audit, problems).map((a) => ['inbox.audit', a.requisition] as const),
  ];
  for (const [observation, requisition] of rows)
    if (othersRequisitions.has(requisition))
      problems.push(
        `${observation} of patient ${patient} shows requisition ${requisition} of another patient`,
      );
  return problems;
}

/** No automatic action of any kind is logged for the requisition. */
export function nothingAudited(snapshot: InboxSnapshot, requisition: string): string[] {
  const problems: string[] = [];
  const entries = readAudit(snapshot.audit, problems).filter((a) => a.requisition === requisition);
  if (entries.length > 0)
    problems.push(
      `the audit log records automatic actions for requisition ${requisition}: ${entries.map((e) => e.action).join(', ')}`,
    );
  return problems;
}

/** One item holds every expected result, each with the producer the laboratory reported. */
export function groupedWithProducers(
  snapshot: InboxSnapshot,
  requisition: string,
  expected: { npu: string; producer: string }[],
  checkProducers: boolean,
): string[] {
  const problems: string[] = [];
  const item = itemOf(snapshot, requisition, problems);
  if (!item) return problems;
  for (const { npu, producer } of expected) {
    const result = item.results.find((r) => r.npu === npu);
    if (!result) problems.push(`requisition ${requisition} does not show the result ${npu}`);
    else if (checkProducers && result.producerCode !== producer)
      problems.push(
        `${npu} on requisition ${requisition} shows producer ${result.producerCode ?? '(none)'}, expected ${producer}`,
      );
  }
  return problems;
}

/** A unit as written, without regard to case or spaces: "mmol/L" shows the laboratory's "mmol/l" faithfully. */
function unitNotation(unit: string): string {
  return unit.replace(/\s+/g, '').toLowerCase();
}

/** What a laboratory reported of one result, as far as the inbox shows it. */
export interface ReportedResult {
  npu: string;
  /** ProducerOfLabResult/Identifier (the producing laboratory's name). */
  producerIdentifier: string;
  /** Analysis/AnalysisCompleteName. */
  name: string;
  unit?: string;
}

/**
 * Where the item shows a result's producer name or unit, it is the one the laboratory reported ("ProducerOfLabResult
 * as reported", api/automation-api.openapi.yaml; each result shows its producer, addendum §A.6 item 9); where it
 * shows the analysis name, the name is not empty (the laboratory named it). All three are optional in the API, so
 * leaving one out passes; a system may name the analysis from its own catalogue, so only emptiness is a problem.
 * Provisional: no public MedCom specification of the inbox (medcom-standards.md §5).
 */
export function shownAsReported(
  snapshot: InboxSnapshot,
  requisition: string,
  reported: ReportedResult[],
): string[] {
  const problems: string[] = [];
  const item = itemOf(snapshot, requisition, problems);
  for (const result of item?.results ?? []) {
    const sent = reported.find((r) => r.npu === result.npu);
    if (!sent) continue;
    const on = `${result.npu} on requisition ${requisition}`;
    if (result.producerIdentifier !== undefined && result.producerIdentifier !== sent.producerIdentifier)
      problems.push(
        `${on} shows producer "${result.producerIdentifier}", the laboratory reported "${sent.producerIdentifier}"`,
      );
    if (result.unit !== undefined && unitNotation(result.unit) !== unitNotation(sent.unit ?? ''))
      problems.push(
        `${on} shows unit "${result.unit}", the laboratory reported ${sent.unit ? `"${sent.unit}"` : 'none'}`,
      );
    if (result.name !== undefined && result.name.trim() === '')
      problems.push(`${on} shows an empty analysis name, the laboratory reported "${sent.name}"`);
  }
  return problems;
}

/**
 * Every item of the requisition shows only results the laboratory reported (by NPU code): nothing invented, such as
 * a placeholder for a report that matches no requisition. Whether each reported result is shown is
 * groupedWithProducers's question.
 */
export function onlyResults(snapshot: InboxSnapshot, requisition: string, reported: string[]): string[] {
  const problems: string[] = [];
  for (const item of readItems(snapshot.items, problems).filter((i) => i.requisition === requisition))
    for (const result of item.results)
      if (!reported.includes(result.npu))
        problems.push(
          `requisition ${requisition} shows a result ${result.npu || '(without an NPU code)'} that no report on it carried (reported: ${reported.join(', ')})`,
        );
  return problems;
}
