// Test helpers: a capturing document sharing recipient and a small automation API client.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { startReferenceGp } from '../../reference-gp/index.ts';

export interface Recipient {
  /** FHIR base URL to give the reference GP as counterparts.documentSharing. */
  url: string;
  /** Every POSTed body, parsed. */
  received: fhir4.Bundle<fhir4.FhirResource>[];
  requests: Array<{ method: string; path: string; contentType: string }>;
  stop(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startRecipient(status = 200): Promise<Recipient> {
  const received: Recipient['received'] = [];
  const requests: Recipient['requests'] = [];
  const server = createServer((request, response) => {
    void bodyOf(request).then((text) => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        contentType: request.headers['content-type'] ?? '',
      });
      received.push(JSON.parse(text) as fhir4.Bundle<fhir4.FhirResource>);
      response.writeHead(status, { 'content-type': 'application/fhir+json' });
      response.end(JSON.stringify({ resourceType: 'Bundle', type: 'transaction-response', entry: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/document-sharing/fhir`,
    received,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface Answer {
  status: number;
  contentType: string;
  body: Record<string, unknown>;
}

export class Client {
  readonly baseUrl: string;
  readonly token: string | undefined;

  constructor(baseUrl: string, token?: string) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  async call(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    const response = await request(`${this.baseUrl}/certbench/v1${path}`, {
      method: method as 'GET' | 'PUT' | 'POST',
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.body.text();
    return {
      status: response.statusCode,
      contentType: String(response.headers['content-type'] ?? ''),
      body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    };
  }

  session(documentSharing: string): Promise<Answer> {
    return this.call('PUT', '/session', { runId: 'test-run', counterparts: { documentSharing } });
  }

  act(action: string, input: Record<string, unknown>): Promise<Answer> {
    return this.call('POST', `/actions/${action}`, { input });
  }

  /** Performs an action that must succeed and returns its output. */
  async done(action: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await this.act(action, input);
    if (answer.status !== 200)
      throw new Error(`${action}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body['output'] as Record<string, unknown>;
  }
}

export const ELMER = '2509479989';
export const SKS_D = 'urn:oid:1.2.208.176.2.4.12';
export const ICPC_2 = 'urn:oid:1.2.208.176.2.31';

export const sks = (code?: string, display?: string) => codeEntry(SKS_D, code, display);
export const icpc = (code?: string, display?: string) => codeEntry(ICPC_2, code, display);
function codeEntry(system: string, code?: string, display?: string) {
  return { system, ...(code === undefined ? {} : { code }), ...(display === undefined ? {} : { display }) };
}

export const DIAGNOSES = {
  diabetes: {
    codes: [sks('DE119', 'Type 2-diabetes uden komplikationer'), icpc('T90')],
    type: 'problem-list-item',
    status: 'current',
    onset: '2019-03-01',
  },
  kol: {
    codes: [sks('DJ449', 'Kronisk obstruktiv lungesygdom'), icpc('R95')],
    type: 'problem-list-item',
    status: 'current',
    note: 'Ryger 20 cigaretter dagligt <trods råd>',
  },
  hypertension: {
    codes: [sks('DI109', 'Essentiel hypertension'), icpc('K86')],
    type: 'problem-list-item',
    status: 'current',
  },
  depression: {
    codes: [sks('DF329', 'Depression'), icpc('P76')],
    type: 'encounter-diagnosis',
    status: 'resolved',
    onset: '2022-01-10',
    abatement: '2023-06-30',
  },
} as const;

export type DiagnosisName = keyof typeof DIAGNOSES;

/** A reference GP (optionally with faults) wired to a fresh recipient, with a session configured. */
export async function startBench(options: { faults?: string[]; token?: string; now?: () => Date } = {}) {
  const recipient = await startRecipient();
  const gp = await startReferenceGp(options);
  const client = new Client(gp.url, options.token);
  await client.session(recipient.url);
  return {
    gp,
    recipient,
    client,
    async register(name: DiagnosisName, patient = ELMER): Promise<string> {
      const output = await client.done('diagnosekort.register-diagnosis', { patient, ...DIAGNOSES[name] });
      return output['diagnosisId'] as string;
    },
    async stop() {
      await gp.stop();
      await recipient.stop();
    },
  };
}
