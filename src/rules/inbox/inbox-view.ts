// What the automation API shows of the lab inbox (observations inbox.items, inbox.patient-messages, inbox.fees,
// inbox.audit), read defensively: a SUT answering another shape yields problems, never an exception.

export interface ItemView {
  requisition: string;
  state: string;
  /** The auto-handling type the inbox shows for the requisition, where it shows one (optional in the API). */
  autoHandling?: string;
  archivedUntil?: string;
  /** Each result's NPU code, and the name, unit and producer where the SUT shows them (all optional in the API). */
  results: {
    npu: string;
    producerCode?: string;
    producerIdentifier?: string;
    name?: string;
    unit?: string;
  }[];
}

export interface MessageView {
  requisition: string;
  sentAt?: string;
  /** The reply's text, where the SUT shows it (optional in the API). */
  text?: string;
}

export interface AuditView {
  requisition: string;
  action: string;
  at?: string;
  /** Who the log names as the actor, where the SUT shows it (optional in the API; `system` when shown). */
  actor?: string;
}

export interface FeeView {
  code: string;
  requisition?: string;
}

/** The four observations of one patient at one moment. */
export interface InboxSnapshot {
  items: unknown;
  messages: unknown;
  fees: unknown;
  audit: unknown;
}

type Row = Record<string, unknown>;

function rows(value: unknown, observation: string, problems: string[]): Row[] {
  if (!Array.isArray(value)) {
    problems.push(
      `${observation} is not an array (found ${JSON.stringify(value)?.slice(0, 120) ?? 'nothing'})`,
    );
    return [];
  }
  return value.filter((row, index): row is Row => {
    const ok = typeof row === 'object' && row !== null && !Array.isArray(row);
    if (!ok) problems.push(`${observation}[${index}] is not an object`);
    return ok;
  });
}

function str(row: Row, key: string): string | undefined {
  const value = row[key];
  return typeof value === 'string' ? value : undefined;
}

export function readItems(value: unknown, problems: string[]): ItemView[] {
  return rows(value, 'inbox.items', problems).map((row) => {
    const archivedUntil = str(row, 'archivedUntil');
    const autoHandling = str(row, 'autoHandling');
    const results = Array.isArray(row['results']) ? (row['results'] as unknown[]) : [];
    return {
      requisition: str(row, 'requisition') ?? '',
      state: str(row, 'state') ?? '(no state)',
      ...(autoHandling !== undefined ? { autoHandling } : {}),
      ...(archivedUntil ? { archivedUntil } : {}),
      results: results.map((r) => {
        const result = (typeof r === 'object' && r !== null ? r : {}) as Row;
        const producer = result['producer'];
        const shown = (typeof producer === 'object' && producer !== null ? producer : {}) as Row;
        const code = str(shown, 'code');
        const identifier = str(shown, 'identifier');
        const name = str(result, 'name');
        const unit = str(result, 'unit');
        return {
          npu: str(result, 'npu') ?? '',
          ...(code ? { producerCode: code } : {}),
          // An empty text is kept: it is shown, and shows nothing of what the laboratory reported.
          ...(identifier !== undefined ? { producerIdentifier: identifier } : {}),
          ...(name !== undefined ? { name } : {}),
          ...(unit !== undefined ? { unit } : {}),
        };
      }),
    };
  });
}

export function readMessages(value: unknown, problems: string[]): MessageView[] {
  return rows(value, 'inbox.patient-messages', problems).map((row) => {
    const sentAt = str(row, 'sentAt');
    const text = str(row, 'text');
    return {
      requisition: str(row, 'requisition') ?? '',
      ...(sentAt ? { sentAt } : {}),
      ...(text !== undefined ? { text } : {}),
    };
  });
}

export function readAudit(value: unknown, problems: string[]): AuditView[] {
  return rows(value, 'inbox.audit', problems).map((row) => {
    const at = str(row, 'at');
    const actor = str(row, 'actor');
    return {
      requisition: str(row, 'requisition') ?? '',
      action: str(row, 'action') ?? '',
      ...(at ? { at } : {}),
      ...(actor !== undefined ? { actor } : {}),
    };
  });
}

export function readFees(value: unknown, problems: string[]): FeeView[] {
  return rows(value, 'inbox.fees', problems).map((row) => {
    const requisition = str(row, 'requisition');
    return { code: str(row, 'code') ?? '', ...(requisition ? { requisition } : {}) };
  });
}
