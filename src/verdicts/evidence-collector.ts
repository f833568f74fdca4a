import { createHash } from 'node:crypto';
import type { Attachment } from '@cucumber/messages';
import { EXCHANGE_MEDIA_TYPE, EXCHANGE_REF_MEDIA_TYPE } from '../checks/media-types.ts';
import type { Exchange } from '../evidence/exchange.ts';
import type { EvidenceRecord } from '../result/types.ts';

/** Where an exchange's evidence file is, relative to the run folder. */
export const evidenceFile = (exchangeId: string): string => `evidence/${exchangeId}.json`;

/** What an exchange's evidence file holds: the exchange as attached, indented. */
export const evidenceText = (exchange: Exchange): string => JSON.stringify(exchange, null, 2);

/**
 * Gathers the exchanges attached to checkpoints into one evidence list: each exchange once (a plan's exchanges are
 * attached to every checkpoint that judged them), with the file it is written to and that file's SHA-256.
 */
export class EvidenceCollector {
  private readonly evidence = new Map<string, { record: EvidenceRecord; text: string }>();

  private readonly cited = new Set<string>();

  /** Returns the ids of the exchanges attached to one checkpoint. */
  collect(attachments: Attachment[]): string[] {
    const ids = collectEvidence(attachments, this.evidence);
    for (const id of ids) this.cited.add(id);
    return ids;
  }

  records(): EvidenceRecord[] {
    return [...this.evidence.values()].map((e) => e.record);
  }

  /** Exchanges a checkpoint referred to that were never attached in full: the record would cite nothing. */
  unresolved(): string[] {
    return [...this.cited].filter((id) => !this.evidence.has(id));
  }

  /** File contents by path relative to the run folder. */
  files(): Map<string, string> {
    return new Map([...this.evidence.values()].map((e) => [e.record.file, e.text]));
  }
}

function collectEvidence(
  attachments: Attachment[],
  evidence: Map<string, { record: EvidenceRecord; text: string }>,
): string[] {
  const ids: string[] = [];
  for (const attachment of attachments) {
    // An exchange attached in full by an earlier scenario of the run (it is collected there).
    if (attachment.mediaType === EXCHANGE_REF_MEDIA_TYPE) {
      ids.push((JSON.parse(attachment.body) as { id: string }).id);
      continue;
    }
    if (attachment.mediaType !== EXCHANGE_MEDIA_TYPE) continue;
    const known = attachment.fileName ? evidence.get(attachment.fileName) : undefined;
    if (known) {
      ids.push(known.record.id);
      continue;
    }
    const exchange = JSON.parse(attachment.body) as Exchange;
    ids.push(exchange.id);
    if (evidence.has(exchange.id)) continue;
    const text = evidenceText(exchange);
    evidence.set(exchange.id, {
      text,
      record: {
        id: exchange.id,
        kind: 'exchange',
        name: exchange.name,
        ...(exchange.step ? { step: exchange.step } : {}),
        direction: exchange.direction,
        method: exchange.request.method,
        url: exchange.request.url,
        ...(exchange.response ? { status: exchange.response.status } : {}),
        startedAt: exchange.startedAt,
        durationMs: exchange.durationMs,
        file: evidenceFile(exchange.id),
        sha256: createHash('sha256').update(text).digest('hex'),
      },
    });
  }
  return ids;
}
