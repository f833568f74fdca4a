import { countStatuses } from '../../src/verdicts/rollup.ts';
// A tiny builder for certification results: one protocol with every verdict, shared evidence, an expired waiver.
import type { Exchange } from '../../src/evidence/exchange.ts';
import { InMemoryWriter } from '../../src/projections/writer.ts';
import type {
  CertificationResult,
  CheckpointResult,
  CheckpointStatus,
  EvidenceRecord,
  ProtocolResult,
} from '../../src/result/types.ts';

export function checkpoint(
  id: string,
  status: CheckpointStatus,
  overrides: Partial<CheckpointResult> = {},
): CheckpointResult {
  return {
    id,
    title: `title of ${id}`,
    useCase: 'UC1',
    grade: 'F2',
    mode: 'automatic',
    requirements: [],
    status,
    steps: [{ keyword: 'Given ', text: 'the SUT is ready', status: 'passed', durationMs: 5 }],
    checks: [],
    evidence: [],
    durationMs: 10,
    ...overrides,
  };
}

export function protocol(
  checkpoints: CheckpointResult[],
  overrides: Partial<ProtocolResult> = {},
): ProtocolResult {
  const counts = countStatuses(checkpoints);
  return {
    id: 'laboratoriesvar',
    title: 'Laboratoriesvar',
    version: '1.2.0',
    standard: {
      name: 'MedCom Lab',
      packageId: 'medcom.fhir.dk.lab',
      version: '2.0.0',
      canonical: 'http://medcomfhir.dk/ig/lab',
    },
    approval: 'Ikke godkendt',
    counts,
    remarks: [],
    useCases: [
      { id: 'UC1', title: 'Send requisition', mandatory: true, applicable: true },
      { id: 'UC2', title: 'Cancel requisition', mandatory: false, applicable: false },
    ],
    checkpoints,
    ...overrides,
  };
}

export function evidence(id: string, overrides: Partial<EvidenceRecord> = {}): EvidenceRecord {
  return {
    id,
    kind: 'exchange',
    name: `action ${id}`,
    direction: 'outgoing',
    method: 'POST',
    url: 'http://sut.test/actions',
    status: 201,
    startedAt: '2026-03-01T10:00:00.000Z',
    durationMs: 3,
    file: `evidence/${id}.json`,
    sha256: '0'.repeat(64),
    ...overrides,
  };
}

export function result(
  protocols: ProtocolResult[],
  overrides: Partial<CertificationResult> = {},
): CertificationResult {
  return {
    schemaVersion: '1.0',
    certbench: { version: '0.1.0' },
    run: {
      id: 'run-2026-03-01-a',
      mode: 'certify',
      driver: 'http',
      strict: false,
      startedAt: '2026-03-01T10:00:00.000Z',
      finishedAt: '2026-03-01T10:00:05.000Z',
    },
    sut: { vendor: 'Lægehus Øst', system: 'Journal', version: '4.2', profileSha256: 'a'.repeat(64) },
    protocols,
    harnessErrors: [],
    evidence: [],
    outcome: { exitCode: 1, blocking: true, summary: 'blocking failures in laboratoriesvar' },
    ...overrides,
  };
}

/** Every verdict once (plus an F4 failure), two checkpoints sharing one exchange, evidence seeded in a writer. */
export function sampleRun(): { result: CertificationResult; writer: InMemoryWriter } {
  const checkpoints = [
    checkpoint('LAB-01', 'passed', {
      grade: 'F1',
      evidence: ['ev-1'],
      requirements: [{ text: 'Requisition is sent as a FHIR message', url: 'https://medcom.test/req/1' }],
      checks: [{ description: 'status is 201', passed: true }],
    }),
    checkpoint('LAB-02', 'failed', {
      title: 'Reply <&"quoted">',
      grade: 'F1',
      message: 'Expected status 201 but got 500 <&">\nstack line',
      evidence: ['ev-1', 'ev-2'],
      steps: [
        { keyword: 'When ', text: 'the GP sends a requisition', status: 'passed', durationMs: 4 },
        {
          keyword: 'Then ',
          text: 'it is accepted',
          status: 'failed',
          durationMs: 2,
          error: 'boom\nat line 2',
        },
      ],
      checks: [
        {
          description: 'status is 201',
          passed: false,
          expected: '201',
          actual: '500',
          location: 'steps/lab.ts:10',
        },
      ],
    }),
    checkpoint('LAB-03', 'failed', { grade: 'F4', message: 'Display text differs' }),
    checkpoint('LAB-04', 'waived', {
      grade: 'F1',
      waiver: {
        id: 'W-7',
        reason: 'refused-consent dispensation',
        approvedBy: 'MedCom',
        expires: '2027-01-01',
        underlyingFailure: 'refused consent was ignored',
      },
    }),
    checkpoint('LAB-05', 'pending', { mode: 'manual', message: 'awaiting the assessor' }),
    checkpoint('LAB-06', 'not-applicable', {
      useCase: 'UC2',
      message: 'use case UC2 is not claimed by the SUT profile',
      provisional: { source: 'draft 0.9' },
    }),
    checkpoint('LAB-07', 'harness-error', {
      message: 'Undefined step: the bench frobs',
      steps: [{ keyword: 'Given ', text: 'the bench frobs', status: 'undefined', durationMs: 0 }],
    }),
  ];
  const built = result([protocol(checkpoints)], {
    evidence: [
      evidence('ev-1', { step: '3.3.1.2 register the diagnosis' }),
      evidence('ev-2', {
        direction: 'incoming',
        name: 'document-sharing ITI-65',
        status: undefined,
        step: '3.3.1.3 share the card',
      }),
    ],
    harnessErrors: [
      { checkpointId: 'LAB-07', kind: 'undefined-step', message: 'Undefined step: the bench frobs' },
    ],
    waiverRegister: {
      file: 'waivers.yaml',
      waivers: [
        {
          id: 'W-1',
          state: 'expired',
          checkpoints: ['LAB-02'],
          reason: 'old dispensation',
          approvedBy: 'MedCom',
          granted: '2024-01-01',
          expires: '2025-06-30',
          run: true,
          appliedTo: [],
          wouldHaveCovered: ['LAB-02'],
        },
      ],
    },
  });
  const writer = new InMemoryWriter();
  for (const record of built.evidence) {
    const exchange: Exchange = {
      id: record.id,
      direction: record.direction,
      name: record.name,
      startedAt: record.startedAt,
      durationMs: record.durationMs,
      request: {
        method: record.method,
        url: record.url,
        headers: {
          authorization: '[redacted]',
          ...(BODIES[record.id] ? { 'content-type': 'application/fhir+json' } : {}),
        },
        ...(BODIES[record.id] ? { body: body(BODIES[record.id] ?? '') } : {}),
      },
      ...(record.status
        ? {
            response: {
              status: record.status,
              headers: { 'content-type': 'application/json' },
              body: body('{"ok":true}'),
            },
          }
        : {}),
    };
    writer.files.set(record.file, Buffer.from(JSON.stringify(exchange)));
  }
  return { result: built, writer };
}

/** The ConditionList document an ITI-65 bundle carries, base64 in its Binary. */
export const CARRIED_DOCUMENT = {
  resourceType: 'Bundle',
  type: 'document',
  entry: [{ resource: { resourceType: 'Composition', title: 'Diagnosekort' } }],
};

const BODIES: Record<string, string> = {
  'ev-2': JSON.stringify({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { resource: { resourceType: 'DocumentReference', status: 'current' } },
      {
        resource: {
          resourceType: 'Binary',
          contentType: 'application/fhir+json',
          data: Buffer.from(JSON.stringify(CARRIED_DOCUMENT)).toString('base64'),
        },
      },
    ],
  }),
};

function body(text: string): NonNullable<Exchange['request']['body']> {
  return { size: Buffer.byteLength(text), sha256: '0'.repeat(64), text, truncated: false };
}
