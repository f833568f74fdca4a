import {
  entitiesOf,
  identifierOf,
  isRestricted,
  messageIdOf,
  ownProvenance,
  type LabMessage,
} from './message.ts';
import { isCancellation } from './history-rules.ts';
import { receiverProblems } from './receiver-rules.ts';
import { DATABASE_NAME, type Database } from './model.ts';
import { concerns, label, type RegisteredResult } from './registered.ts';
import type { ReceivedMessage } from './routing-rules.ts';

/**
 * What LABA and MiBA hold, judged from what they were sent (the databases themselves are not reachable): one stored
 * result per report identifier and database, showing only its newest accepted message, with the earlier messages as
 * its history. Rejected messages are not stored; a message whose MessageHeader.id was seen before is a duplicate.
 */
export interface StoredResult {
  database: Database;
  identifier: string;
  /** Accepted messages in order of receipt, duplicates excluded. */
  history: LabMessage[];
  latest: LabMessage;
  duplicates: number;
  cancelled: boolean;
  restricted: boolean;
}

export function databaseView(received: ReceivedMessage[]): StoredResult[] {
  const stored = new Map<string, StoredResult>();
  const seen = new Set<string>();
  for (const { database, message, receivedAt } of received) {
    const identifier = identifierOf(message.report);
    const id = messageIdOf(message);
    if (identifier === undefined || id === undefined) continue;
    if (receiverProblems(message, new Date(receivedAt)).length > 0) continue;
    const key = `${database} ${identifier}`;
    const entry = stored.get(key);
    if (seen.has(`${database} ${id}`)) {
      if (entry) entry.duplicates += 1;
      continue;
    }
    seen.add(`${database} ${id}`);
    const history = [...(entry?.history ?? []), message];
    stored.set(key, {
      database,
      identifier,
      history,
      latest: message,
      duplicates: entry?.duplicates ?? 0,
      cancelled: isCancellation(message),
      restricted: isRestricted(message.report),
    });
  }
  return [...stored.values()];
}

/** The stored results a registered result became (one, if the sender kept its identifier). */
export function storedFor(view: StoredResult[], result: RegisteredResult): StoredResult[] {
  return view.filter((s) => s.history.some((m) => concerns(m, result)));
}

/** Exactly one stored result for the registration, in the expected database; problems otherwise. */
export function exactlyOneStored(
  view: StoredResult[],
  result: RegisteredResult,
  database: Database,
): { stored?: StoredResult; problems: string[] } {
  const found = storedFor(view, result);
  const inDatabase = found.filter((s) => s.database === database);
  if (found.length === 1 && inDatabase[0]) return { stored: inDatabase[0], problems: [] };
  const where = found.map((s) => `${DATABASE_NAME[s.database]} ${s.identifier}`).join(', ') || 'none';
  return {
    problems: [
      `${DATABASE_NAME[database]} holds ${inDatabase.length} results for ${label(result)}, expected exactly one (stored: ${where})`,
    ],
  };
}

/** Every message after the first in a stored result's history points to the message before it (traceability). */
export function traceable(stored: StoredResult): string[] {
  return stored.history.slice(1).flatMap((message, index) => {
    const previous = messageIdOf(stored.history[index] as LabMessage);
    const entities = entitiesOf(ownProvenance(message));
    return entities.some((e) => e.messageId === previous && (e.role === 'revision' || e.role === 'removal'))
      ? []
      : [
          `message ${messageIdOf(message) ?? '?'} of ${stored.identifier} does not point to the previous message ${previous ?? '?'} (Provenance.entity revision/removal)`,
        ];
  });
}
