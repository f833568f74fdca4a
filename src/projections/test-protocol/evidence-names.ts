// MedCom's names for evidence files: "<Standard>_<test step>_<letter>.<ext>" (test protocols, sections 1.3 and 3.1,
// e.g. ConditionList_3.4_A.xml). An exchange is named by the official step whose set-up made it, else by the first
// checkpoint that cites it; an assessor's file by its checkpoint's step. Letters run A, B, … per step.
import type { CheckpointResult, EvidenceRecord, ProtocolResult } from '../../result/types.ts';

export interface NamedFile {
  /** MedCom's name in the evidence package. */
  name: string;
  step: string;
  /** Where the file is in the run folder. */
  source: string;
  sha256?: string;
}

/** The standard's name as MedCom writes it in file names (ConditionList, HomeCareObservation). */
export function standardFileName(protocol: ProtocolResult): string {
  const name = protocol.officialProtocol?.standard.en ?? protocol.id;
  return name.replace(/[^A-Za-z0-9-]+/g, '');
}

function letters(n: number): string {
  let out = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) out = String.fromCharCode(65 + (i % 26)) + out;
  return out;
}

function stepOf(checkpoint: CheckpointResult): string {
  return checkpoint.officialSteps?.[0] ?? checkpoint.id;
}

export function evidenceNames(protocol: ProtocolResult, evidence: EvidenceRecord[]): NamedFile[] {
  const byId = new Map(evidence.map((e) => [e.id, e]));
  const steps = new Set(protocol.officialProtocol?.steps.map((s) => s.number) ?? []);
  const assigned = new Map<string, { step: string; record: EvidenceRecord }>();
  for (const checkpoint of protocol.checkpoints) {
    for (const id of checkpoint.evidence) {
      const record = byId.get(id);
      if (!record || assigned.has(id)) continue;
      const made = /^(\d+(?:\.\d+)+) /.exec(record.step ?? '')?.[1];
      assigned.set(id, { step: made && steps.has(made) ? made : stepOf(checkpoint), record });
    }
  }
  const perStep = new Map<string, NamedFile[]>();
  const add = (step: string, file: Omit<NamedFile, 'name' | 'step'>, extension: string) => {
    const list = perStep.get(step) ?? [];
    list.push({
      name: `${standardFileName(protocol)}_${step}_${letters(list.length)}.${extension}`,
      step,
      ...file,
    });
    perStep.set(step, list);
  };
  const ordered = [...assigned.values()].sort((a, b) => a.record.startedAt.localeCompare(b.record.startedAt));
  for (const { step, record } of ordered) add(step, { source: record.file, sha256: record.sha256 }, 'json');
  for (const checkpoint of protocol.checkpoints)
    for (const file of checkpoint.assessment?.evidenceFiles ?? [])
      if (file.file)
        add(
          stepOf(checkpoint),
          { source: file.file, ...(file.sha256 ? { sha256: file.sha256 } : {}) },
          extensionOf(file.name),
        );
  return [...perStep.values()].flat();
}

function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(name);
  return match?.[1]?.toLowerCase() ?? 'bin';
}
