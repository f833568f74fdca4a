// The exchanges as Allure shows them: each one attached once, under a step named by the set-up step that made it, in
// the first checkpoint (in the record's order) that cites it; every other checkpoint citing it gets the same step
// without files, saying where the exchange is attached and which evidence file holds it, or, when none of a set-up
// step's exchanges is attached there, only that set-up step, saying where they are.
import type { Exchange } from '../../evidence/exchange.ts';
import type { CertificationResult, CheckpointResult, EvidenceRecord } from '../../result/types.ts';
import type { Writer } from '../types.ts';
import { exchangeView } from './exchange-files.ts';
import { nameBasedUuid } from './ids.ts';
import type { Attachment, Parameter, StepResult } from './model.ts';

/** A file to write into the results folder. */
export interface AttachmentFile {
  path: string;
  content: string | Buffer;
}

export interface CheckpointEvidence {
  /** One step per set-up step that made the cited exchanges, each exchange a step inside it. */
  steps: StepResult[];
  files: AttachmentFile[];
}

/** How one exchange is shown in its step: its files and its parameters (request line, status, headers). */
export interface AttachedExchange {
  attachments: Attachment[];
  parameters: Parameter[];
}

export interface EvidenceAttachments {
  forCheckpoint(protocolId: string, checkpoint: CheckpointResult, at: number): CheckpointEvidence;
}

/**
 * Reads every cited exchange (an error names the evidence) and decides where each is attached. `attachedAhead`: the
 * attachments of exchanges whose files the run already wrote as it went (by evidence id); they are cited, not made
 * again.
 */
export async function evidenceAttachments(
  result: CertificationResult,
  writer: Writer,
  resultsDir: string,
  attachedAhead?: ReadonlyMap<string, AttachedExchange>,
): Promise<EvidenceAttachments> {
  const records = new Map(result.evidence.map((record) => [record.id, record]));
  // Attached where a reader needs it: the first failed checkpoint citing it, else the first citing it.
  const owner = new Map<string, string>();
  for (const failedOnly of [true, false])
    for (const protocol of result.protocols)
      for (const checkpoint of protocol.checkpoints) {
        if (failedOnly && checkpoint.status !== 'failed') continue;
        for (const id of checkpoint.evidence) {
          // An id without a record means the result is inconsistent; losing evidence silently is worse.
          if (!records.has(id))
            throw new Error(`checkpoint ${checkpoint.id} cites evidence ${id}, which the result lacks`);
          if (!owner.has(id)) owner.set(id, `${protocol.id}\u0000${checkpoint.id}`);
        }
      }
  const exchanges = new Map<string, Exchange>();
  await Promise.all(
    // An exchange whose files were written during the run is not read again.
    [...owner.keys()]
      .filter((id) => !attachedAhead?.has(id))
      .map(async (id) => {
        const record = records.get(id) as EvidenceRecord;
        try {
          exchanges.set(id, JSON.parse((await writer.read(record.file)).toString('utf8')) as Exchange);
        } catch (error) {
          throw new Error(`cannot read evidence ${id} from ${record.file}`, { cause: error });
        }
      }),
  );

  return {
    forCheckpoint(protocolId, checkpoint, at) {
      const files: AttachmentFile[] = [];
      const groups = new Map<string, StepResult>();
      for (const id of checkpoint.evidence) {
        const record = records.get(id) as EvidenceRecord;
        const owned = owner.get(id) === `${protocolId}\u0000${checkpoint.id}`;
        let shown: AttachedExchange = { attachments: [], parameters: [] };
        if (owned) {
          const ahead = attachedAhead?.get(id);
          if (ahead) shown = ahead;
          else {
            const made = exchangeAttachments(result.run.id, id, exchanges.get(id) as Exchange, resultsDir);
            shown = made;
            files.push(...made.files);
          }
        }
        const attachedAt = owner.get(id)?.split('\u0000')[1] ?? '';
        const step: StepResult = {
          name: `${exchangeTitle(record)}${owned ? '' : ` (attached at ${attachedAt})`}`,
          // Informational: what the SUT answered is judged by the checks, not by this step.
          status: 'passed',
          stage: 'finished',
          start: at,
          stop: at + record.durationMs,
          steps: [],
          attachments: shown.attachments,
          parameters: [
            ...shown.parameters,
            { name: 'evidence', value: record.file },
            { name: 'sha256', value: record.sha256 },
            ...(owned ? [] : [{ name: 'attached at', value: attachedAt }]),
          ],
        };
        const group = record.step ?? 'exchanges of the checks';
        const parent = groups.get(group) ?? {
          name: `Set-up: ${group}`,
          status: 'passed' as const,
          stage: 'finished' as const,
          start: at,
          stop: at,
          steps: [],
          attachments: [],
          parameters: [],
        };
        parent.steps.push(step);
        parent.stop = Math.max(parent.stop, step.stop);
        groups.set(group, parent);
      }
      return { steps: [...groups.values()].map(collapsedWhenAttachedElsewhere), files };
    },
  };
}

/**
 * A set-up step none of whose exchanges is attached here, as one step naming where they are: a checkpoint late in a
 * protocol cites every exchange of the set-up before it, and listing each again (Diagnosekort's checkpoints did so
 * about 10,000 times) made most of the report's steps and of Allure's time without showing anything new.
 */
function collapsedWhenAttachedElsewhere(group: StepResult): StepResult {
  const elsewhere = group.steps.map((step) => step.parameters.find((p) => p.name === 'attached at')?.value);
  if (elsewhere.some((at) => at === undefined)) return group;
  const at = [...new Set(elsewhere)].join(', ');
  const count = `${group.steps.length} exchange${group.steps.length === 1 ? '' : 's'}`;
  return {
    ...group,
    name: `${group.name} (${count}, attached at ${at})`,
    steps: [],
    parameters: [{ name: 'attached at', value: at }],
  };
}

/**
 * The attachments of one exchange (its parts, see exchange-files.ts), the files they are read from, and its
 * parameters. The names depend only on the run and the exchange, so they can be written while the run goes on
 * (src/evidence/ahead).
 */
export function exchangeAttachments(
  runId: string,
  evidenceId: string,
  exchange: Exchange,
  resultsDir: string,
): AttachedExchange & { files: AttachmentFile[] } {
  const attachments: Attachment[] = [];
  const files: AttachmentFile[] = [];
  const { parameters, parts } = exchangeView(exchange);
  parts.forEach((part, i) => {
    const source = `${nameBasedUuid(runId, 'evidence', evidenceId, String(i))}-attachment.${part.extension}`;
    attachments.push({ name: part.name, source, type: part.type });
    files.push({ path: `${resultsDir}/${source}`, content: part.content });
  });
  return { attachments, files, parameters };
}

function exchangeTitle(record: EvidenceRecord): string {
  const arrow = record.direction === 'outgoing' ? '→ SUT' : '← SUT';
  const path = pathOf(record.url);
  // Counterparts name their exchanges by method and path already ("document-sharing POST /document-sharing/fhir").
  const what = record.name.includes(path) ? record.name : `${record.name}: ${record.method} ${path}`;
  return `${arrow} ${what} → ${record.status ?? 'no answer'}`;
}

/** The path of a URL (the host is the run's local port, noise in a title). */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
