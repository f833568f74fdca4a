import { exchangeExcerpt } from '../../evidence/bound.ts';
import type { Exchange } from '../../evidence/exchange.ts';
import type { CertificationResult, CheckpointResult, EvidenceRecord } from '../../result/types.ts';
import type { Writer } from '../types.ts';
import { nameBasedUuid } from './ids.ts';
import type { Attachment } from './model.ts';

/** One attachment file to make from an evidence file of the run (paths run-relative). */
export interface EvidenceCopy {
  id: string;
  from: string;
  to: string;
}

export interface CheckpointAttachments {
  attachments: Attachment[];
  /** The attachment files to make in the results folder. */
  copies: EvidenceCopy[];
}

export interface EvidenceAttachments {
  /** The checkpoint's exchanges as Allure attachments, and the files to copy for them (no I/O yet). */
  forCheckpoint(protocolId: string, checkpoint: CheckpointResult): CheckpointAttachments;
  /** Makes the attachment files; an error names the evidence. */
  copy(writer: Writer, copy: EvidenceCopy): Promise<void>;
}

export function evidenceAttachments(result: CertificationResult, resultsDir: string): EvidenceAttachments {
  const records = new Map(result.evidence.map((record) => [record.id, record]));
  const excerpts = new Map<string, Promise<string | undefined>>();

  return {
    forCheckpoint(protocolId, checkpoint) {
      const cited = checkpoint.evidence.map((id) => {
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
        attachments: cited.map(({ record, source }) => ({
          name: attachmentName(record),
          source,
          type: 'application/json',
        })),
        copies: cited.map(({ record, source }) => ({
          id: record.id,
          from: record.file,
          to: `${resultsDir}/${source}`,
        })),
      };
    },
    // A large exchange becomes an excerpt, not a copy: the HTML report embeds every attachment, so a large body
    // cited by many checkpoints would multiply (bounded outputs); the evidence file keeps the body and its hash.
    // Each evidence file is read once; one without a large body is linked as before (costs no space).
    copy(writer, { id, from, to }) {
      let excerpt = excerpts.get(from);
      if (!excerpt) {
        excerpt = writer.read(from).then((bytes) => {
          const exchange = JSON.parse(bytes.toString('utf8')) as Exchange;
          const cut = exchangeExcerpt(exchange, from);
          return cut === exchange ? undefined : JSON.stringify(cut, null, 2);
        });
        excerpts.set(from, excerpt);
      }
      return excerpt
        .then((text) => (text === undefined ? writer.copy(from, to) : writer.write(to, text)))
        .catch((error: unknown) => {
          throw new Error(`cannot copy evidence ${id} from ${from}`, { cause: error });
        });
    },
  };
}

function attachmentName(record: EvidenceRecord): string {
  return `${record.direction} ${record.name} → ${record.status ?? 'no response'}`;
}
