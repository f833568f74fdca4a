import type { CertificationResult, CheckpointResult, EvidenceRecord } from '../../result/types.ts';
import type { Writer } from '../types.ts';
import { nameBasedUuid } from './ids.ts';
import type { Attachment } from './model.ts';

export interface EvidenceAttachments {
  /** Copies the checkpoint's exchanges into the results folder and returns them as Allure attachments. */
  forCheckpoint(protocolId: string, checkpoint: CheckpointResult): Promise<Attachment[]>;
}

export function evidenceAttachments(
  result: CertificationResult,
  writer: Writer,
  resultsDir: string,
): EvidenceAttachments {
  const records = new Map(result.evidence.map((record) => [record.id, record]));
  // Several checkpoints often cite one exchange: its file is read once.
  const contents = new Map<string, Promise<Buffer>>();

  const read = (record: EvidenceRecord): Promise<Buffer> => {
    let content = contents.get(record.id);
    if (!content) {
      content = writer.read(record.file).catch((error: unknown) => {
        throw new Error(`cannot read evidence ${record.id} from ${record.file}`, { cause: error });
      });
      contents.set(record.id, content);
    }
    return content;
  };

  return {
    async forCheckpoint(protocolId, checkpoint) {
      return await Promise.all(
        checkpoint.evidence.map(async (id) => {
          const record = records.get(id);
          // An id without a record means the result is inconsistent; losing evidence silently is worse.
          if (!record)
            throw new Error(`checkpoint ${checkpoint.id} cites evidence ${id}, which the result lacks`);
          // One file per citation, not per exchange: Allure 3 links an attachment file to the first test
          // that names it and shows it as missing in every other (@allurereport/core processAttachmentLink).
          const source = `${nameBasedUuid(result.run.id, protocolId, checkpoint.id, 'evidence', id)}-attachment.json`;
          await writer.write(`${resultsDir}/${source}`, await read(record));
          return { name: attachmentName(record), source, type: 'application/json' };
        }),
      );
    },
  };
}

function attachmentName(record: EvidenceRecord): string {
  return `${record.direction} ${record.name} → ${record.status ?? 'no response'}`;
}
