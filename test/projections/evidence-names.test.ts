// MedCom's file names for the evidence package: by the official step that made an exchange, else by the first
// checkpoint citing it; an assessor's screenshot by its checkpoint's step; letters A, B, … per step.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evidenceNames } from '../../src/projections/test-protocol/evidence-names.ts';
import type { CheckpointResult, EvidenceRecord, ProtocolResult } from '../../src/result/types.ts';

const exchange = (id: string, startedAt: string, step?: string): EvidenceRecord => ({
  id,
  kind: 'exchange',
  name: 'action x',
  ...(step ? { step } : {}),
  direction: 'outgoing',
  method: 'POST',
  url: 'http://127.0.0.1/x',
  startedAt,
  durationMs: 1,
  file: `evidence/${id}.json`,
  sha256: id.repeat(8),
});

const checkpoint = (id: string, extra: Partial<CheckpointResult>): CheckpointResult => ({
  id,
  title: id,
  useCase: 'S1-1',
  grade: 'F2',
  mode: 'manual',
  requirements: [{ text: 'r' }],
  status: 'passed',
  steps: [],
  checks: [],
  evidence: [],
  durationMs: 0,
  ...extra,
});

test('exchanges are named by the official step that made them, screenshots by their checkpoint', () => {
  const protocol = {
    id: 'diagnosekort',
    officialProtocol: {
      standard: { en: 'ConditionList', da: 'Diagnoseoversigt', version: '1.0.1', type: 'HL7 FHIR' },
      steps: [{ number: '3.3.1.3' }, { number: '3.3.1.5' }],
    },
    checkpoints: [
      checkpoint('DK-3.3.1.5', { officialSteps: ['3.3.1.5'], evidence: ['b', 'a', 'c'] }),
      checkpoint('DK-XDS-1', {
        evidence: ['d'],
        assessment: {
          decision: 'OK',
          assessor: 'Anne',
          at: '2026-12-02T10:00:00Z',
          evidenceFiles: [
            { name: 'skaerm.PNG', file: 'evidence/files/1-skaerm.PNG', sha256: 'f'.repeat(64) },
          ],
        },
      }),
    ],
  } as unknown as ProtocolResult;
  const names = evidenceNames(protocol, [
    exchange('a', '2026-12-02T10:00:01Z', '3.3.1.3 create the ConditionList'),
    exchange('b', '2026-12-02T10:00:02Z', '3.3.1.5 create the ConditionList'),
    exchange('c', '2026-12-02T10:00:03Z', '3.3.1.5 view the Diagnosekort'),
    exchange('d', '2026-12-02T10:00:04Z'),
  ]);
  assert.deepEqual(
    names.map((n) => [n.name, n.source]),
    [
      ['ConditionList_3.3.1.3_A.json', 'evidence/a.json'],
      ['ConditionList_3.3.1.5_A.json', 'evidence/b.json'],
      ['ConditionList_3.3.1.5_B.json', 'evidence/c.json'],
      ['ConditionList_DK-XDS-1_A.json', 'evidence/d.json'],
      ['ConditionList_DK-XDS-1_B.png', 'evidence/files/1-skaerm.PNG'],
    ],
  );
});
