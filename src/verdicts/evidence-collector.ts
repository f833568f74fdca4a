import { createHash } from 'node:crypto';
import type { Attachment } from '@cucumber/messages';
import { EXCHANGE_MEDIA_TYPE } from '../checks/media-types.ts';
import type { Exchange } from '../evidence/exchange.ts';
import type { EvidenceRecord } from '../result/types.ts';

/**
 * Gathers the exchanges attached to checkpoints into one evidence list: each exchange once (a plan's exchanges are
 * attached to every checkpoint that judged them), with the file it is written to and that file's SHA-256.
 */
export class EvidenceCollector {
  private readonly evidence = new Map<string, { record: EvidenceRecord; text: string }>();

  /** Returns the ids of the exchanges attached to one checkpoint. */
  collect(attachments: Attachment[]): string[] {
    return collectEvidence(attachments, this.evidence);
  }

  records(): EvidenceRecord[] {
    return [...this.evidence.values()].map((e) => e.record);
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
  for (const attachment of attachments.filter((a) => a.mediaType === EXCHANGE_MEDIA_TYPE)) {
    const known = attachment.fileName ? evidence.get(attachment.fileName) : undefined;
    if (known) {
      ids.push(known.record.id);
      continue;
    }
    const exchange = JSON.parse(attachment.body) as Exchange;
    ids.push(exchange.id);
    if (evidence.has(exchange.id)) continue;
    const text = JSON.stringify(exchange, null, 2);
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
        file: `evidence/${exchange.id}.json`,
        sha256: createHash('sha256').update(text).digest('hex'),
      },
    });
  }
  return ids;
}
