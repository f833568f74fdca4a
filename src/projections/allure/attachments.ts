import type { CertificationResult, CheckpointResult, EvidenceRecord } from '../../result/types.ts';
import type { Writer } from '../types.ts';
import { nameBasedUuid } from './ids.ts';
import type { Attachment } from './model.ts';

export interface EvidenceAttachments {
  /** The checkpoint's exchanges as Allure attachments; each evidence file is copied into the results once. */
  forCheckpoint(checkpoint: CheckpointResult): Promise<Attachment[]>;
}

export function evidenceAttachments(
  result: CertificationResult,
  writer: Writer,
  resultsDir: string,
): EvidenceAttachments {
  const records = new Map(result.evidence.map((record) => [record.id, record]));
  // Several checkpoints often cite one exchange; the map keeps one attachment file per evidence id.
  const written = new Map<string, Promise<Attachment>>();

  const attach = async (record: EvidenceRecord): Promise<Attachment> => {
    const source = `${nameBasedUuid(result.run.id, 'evidence', record.id)}-attachment.json`;
    let content: Buffer;
    try {
      content = await writer.read(record.file);
    } catch (error) {
      throw new Error(`cannot read evidence ${record.id} from ${record.file}`, { cause: error });
    }
    await writer.write(`${resultsDir}/${source}`, content);
    return { name: attachmentName(record), source, type: 'application/json' };
  };

  return {
    async forCheckpoint(checkpoint) {
      return await Promise.all(
        checkpoint.evidence.map((id) => {
          const record = records.get(id);
          // An id without a record means the result is inconsistent; losing evidence silently is worse.
          if (!record)
            throw new Error(`checkpoint ${checkpoint.id} cites evidence ${id}, which the result lacks`);
          let attachment = written.get(id);
          if (!attachment) {
            attachment = attach(record);
            written.set(id, attachment);
          }
          return attachment;
        }),
      );
    },
  };
}

function attachmentName(record: EvidenceRecord): string {
  return `${record.direction} ${record.name} → ${record.status ?? 'no response'}`;
}
