import type { CertificationResult, CheckpointResult, EvidenceRecord } from '../../result/types.ts';
import type { Writer } from '../types.ts';
import { nameBasedUuid } from './ids.ts';
import type { Attachment } from './model.ts';

export interface CheckpointAttachments {
  attachments: Attachment[];
  /** Settles when the attachment files are in the results folder. */
  written: Promise<void>;
}

export interface EvidenceAttachments {
  /** The checkpoint's exchanges as Allure attachments, and their copying into the results folder. */
  forCheckpoint(protocolId: string, checkpoint: CheckpointResult): CheckpointAttachments;
}

export function evidenceAttachments(
  result: CertificationResult,
  writer: Writer,
  resultsDir: string,
): EvidenceAttachments {
  const records = new Map(result.evidence.map((record) => [record.id, record]));

  return {
    forCheckpoint(protocolId, checkpoint) {
      const copies = checkpoint.evidence.map((id) => {
        const record = records.get(id);
        // An id without a record means the result is inconsistent; losing evidence silently is worse.
        if (!record)
          throw new Error(`checkpoint ${checkpoint.id} cites evidence ${id}, which the result lacks`);
        // One file per citation, not per exchange: Allure 3 links an attachment file to the first test
        // that names it and shows it as missing in every other (@allurereport/core processAttachmentLink).
        const source = `${nameBasedUuid(result.run.id, protocolId, checkpoint.id, 'evidence', id)}-attachment.json`;
        return { record, source };
      });
      return {
        attachments: copies.map(({ record, source }) => ({
          name: attachmentName(record),
          source,
          type: 'application/json',
        })),
        written: Promise.all(
          copies.map(({ record, source }) =>
            writer.copy(record.file, `${resultsDir}/${source}`).catch((error: unknown) => {
              throw new Error(`cannot copy evidence ${record.id} from ${record.file}`, { cause: error });
            }),
          ),
        ).then(() => undefined),
      };
    },
  };
}

function attachmentName(record: EvidenceRecord): string {
  return `${record.direction} ${record.name} → ${record.status ?? 'no response'}`;
}
