import type { Envelope, TestStepResultStatus } from '@cucumber/messages';
import { CHECK_MEDIA_TYPE, EXCHANGE_MEDIA_TYPE } from '../../src/checks/media-types.ts';
import type { LoadedManifest } from '../../src/protocols/schema.ts';
import type { SutProfile } from '../../src/profile/schema.ts';
import { MessageIndex } from '../../src/verdicts/message-index.ts';

/** Tiny builder for cucumber message streams: one scenario per checkpoint, with given step outcomes. */
export class StreamBuilder {
  readonly envelopes: Envelope[] = [];
  private n = 0;

  scenario(
    checkpoint: string,
    steps: { status: `${TestStepResultStatus}`; exceptionType?: string; message?: string }[],
    options: { attempt?: number; attachments?: { mediaType: string; body: string }[] } = {},
  ): this {
    const id = `${checkpoint}-${++this.n}`;
    const pickleSteps = steps.map((_, i) => ({
      id: `${id}-ps${i}`,
      text: `step ${i}`,
      astNodeIds: [`${id}-ast${i}`],
    }));
    this.envelopes.push({
      pickle: {
        id: `${id}-p`,
        uri: 'features/x.feature',
        name: checkpoint,
        language: 'en',
        steps: pickleSteps,
        tags: [{ name: `@cp:${checkpoint}`, astNodeId: 'x' }],
        astNodeIds: [],
        location: { line: 3 },
      },
    });
    this.envelopes.push({
      testCase: {
        id: `${id}-tc`,
        pickleId: `${id}-p`,
        testSteps: pickleSteps.map((ps, i) => ({
          id: `${id}-ts${i}`,
          pickleStepId: ps.id,
          stepDefinitionIds: [],
        })),
      },
    });
    this.envelopes.push({
      testCaseStarted: {
        id: `${id}-start`,
        testCaseId: `${id}-tc`,
        attempt: options.attempt ?? 0,
        timestamp: { seconds: 0, nanos: 0 },
      },
    });
    for (const a of options.attachments ?? []) {
      this.envelopes.push({
        attachment: { ...a, contentEncoding: 'IDENTITY', testCaseStartedId: `${id}-start` },
      } as unknown as Envelope);
    }
    steps.forEach((s, i) => {
      this.envelopes.push({
        testStepFinished: {
          testCaseStartedId: `${id}-start`,
          testStepId: `${id}-ts${i}`,
          timestamp: { seconds: 0, nanos: 0 },
          testStepResult: {
            status: s.status as TestStepResultStatus,
            duration: { seconds: 0, nanos: 2_000_000 },
            ...(s.message ? { message: s.message } : {}),
            ...(s.exceptionType
              ? { exception: { type: s.exceptionType, message: s.message ?? 'boom' } }
              : {}),
          },
        },
      });
    });
    return this;
  }

  index(): MessageIndex {
    const index = new MessageIndex();
    for (const e of this.envelopes) index.update(e);
    return index;
  }
}

export function exchangeAttachment(id: string): { mediaType: string; body: string } {
  return {
    mediaType: EXCHANGE_MEDIA_TYPE,
    body: JSON.stringify({
      id,
      direction: 'outgoing',
      name: 'action x',
      startedAt: '2026-11-25T10:00:00Z',
      durationMs: 3,
      request: { method: 'POST', url: 'http://sut/x', headers: {} },
      response: { status: 200, headers: {} },
    }),
  };
}

export function checkAttachment(description: string, passed: boolean): { mediaType: string; body: string } {
  return { mediaType: CHECK_MEDIA_TYPE, body: JSON.stringify({ description, passed }) };
}

export function manifest(
  checkpoints: { id: string; grade?: 'F1' | 'F2' | 'F3' | 'F4'; useCase?: string; notTestable?: string }[],
): LoadedManifest {
  return {
    file: 'protocols/t.yaml',
    sha256: '0'.repeat(64),
    id: 't',
    title: 'Test protocol',
    version: '1.0.0',
    standard: { name: 'T', packageId: 't', version: '1', canonical: 'http://t' },
    channel: 'send',
    features: 'features/t',
    useCases: [
      { id: 'S1', title: 'main', mandatory: true },
      { id: 'S1.A1', title: 'optional', mandatory: false },
    ],
    checkpoints: checkpoints.map((c) => ({
      id: c.id,
      title: `title ${c.id}`,
      useCase: c.useCase ?? 'S1',
      grade: c.grade ?? 'F1',
      mode: 'automatic' as const,
      requirements: [{ text: 'req' }],
      ...(c.notTestable ? { notTestable: c.notTestable } : {}),
    })),
  };
}

export function profile(useCases: string[] = []): SutProfile {
  return {
    file: 'p.yaml',
    sha256: 'x',
    vendor: 'EG A/S',
    system: 'Clinea',
    version: '4.2.1',
    driver: 'http',
    automation: { baseUrl: 'http://sut', timeoutMs: 1000, maxBodyBytes: 1000, inboundUrls: {} },
    counterparts: { bindHost: '127.0.0.1', bindPort: 0, waitTimeoutMs: 1000, maxBodyBytes: 1000 },
    clockToleranceMs: 1000,
    protocols: { t: { useCases } },
  };
}
