// A protocol with no run: the manifest as a result whose checkpoints are not yet tested, so the same template gives
// the empty test protocol (official protocols) or certbench's draft protocol (standards MedCom has none for).
import type { LoadedManifest } from '../../protocols/schema.ts';
import type { ProtocolResult } from '../../result/types.ts';
import { untestedCheckpoint } from '../../verdicts/verdicts.ts';

export function blankProtocol(manifest: LoadedManifest): ProtocolResult {
  return {
    id: manifest.id,
    title: manifest.title,
    version: manifest.version,
    standard: manifest.standard,
    ...(manifest.official ? { officialProtocol: manifest.official } : {}),
    approval: 'Ikke godkendt',
    counts: { passed: 0, failed: 0, waived: 0, pending: 0, 'not-applicable': 0, 'harness-error': 0 },
    remarks: [],
    useCases: manifest.useCases.map((u) => ({ ...u, applicable: true })),
    checkpoints: manifest.checkpoints.map(untestedCheckpoint),
  };
}
