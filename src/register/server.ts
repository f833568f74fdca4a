// `certbench register serve`: MedCom's register over HTTP. Vendors' CI submits self-tests, testcamps submit
// certifications, each as the run's evidence package (ZIP) with the submitter's token; the status report is served
// live from the same database. A submission is one transaction: the run, its verdicts and its package, or nothing.
import type { X509Certificate } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Clock } from '../environment/environment.ts';
import { storedSignatureOf } from '../signing/check.ts';
import { checkPackageIntegrity } from '../signing/verify.ts';
import { dayOf } from '../status/dates.ts';
import { buildStatusModel } from '../status/model.ts';
import { renderStatusFiles } from '../status/report.ts';
import { PackageError, readSubmittedPackage, type PackageLimits } from './package.ts';
import { registerRecord, RegisterConflictError } from './record.ts';
import type { Register } from './open.ts';
import { loadRegisterResults } from './status-source.ts';
import { submissionRefusal, submitterOf, type Submitter } from './submitters.ts';

export interface RegisterServerOptions {
  register: Register;
  submitters: readonly Submitter[];
  host: string;
  port: number;
  clock: Clock;
  /** Footer of the status pages, e.g. "certbench 0.1.0". */
  generator: string;
  /** Largest package accepted. @default 100 MiB */
  maxPackageBytes?: number;
  limits?: PackageLimits;
  /** Trust anchors the live status page checks signers against (--trust); without them they are not checked. */
  anchors?: readonly X509Certificate[];
}

export interface RunningRegisterServer {
  url: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_PACKAGE_BYTES = 100 * 2 ** 20;
const DEFAULT_LIMITS: PackageLimits = { maxInflatedBytes: 1024 * 2 ** 20, maxFiles: 20_000 };
const STATUS_PAGES: Record<string, { file: string; type: string }> = {
  '/status': { file: 'status.da.html', type: 'text/html; charset=utf-8' },
  '/status.da.html': { file: 'status.da.html', type: 'text/html; charset=utf-8' },
  '/status.en.html': { file: 'status.en.html', type: 'text/html; charset=utf-8' },
  '/status.md': { file: 'status.md', type: 'text/markdown; charset=utf-8' },
};

export async function startRegisterServer(options: RegisterServerOptions): Promise<RunningRegisterServer> {
  const { register, submitters } = options;
  const maxPackageBytes = options.maxPackageBytes ?? DEFAULT_MAX_PACKAGE_BYTES;
  // No request logging: a request line could carry what a submitter should not see in a log.
  const app = Fastify({ logger: false, bodyLimit: maxPackageBytes });
  app.addContentTypeParser(
    ['application/zip', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );

  /** The submitter of the request's token (Bearer, or Basic with the token as password), or a 401 sent. */
  const authenticate = (request: FastifyRequest, reply: FastifyReply): Submitter | undefined => {
    const token = tokenOf(request.headers.authorization);
    const submitter = token === undefined ? undefined : submitterOf(token, submitters);
    if (!submitter)
      void reply
        .code(401)
        .header('www-authenticate', 'Basic realm="certbench register", charset="UTF-8"')
        .send({ error: 'a valid token is needed (Authorization: Bearer <token>)' });
    return submitter;
  };

  app.post('/api/v1/submissions', async (request, reply) => {
    const submitter = authenticate(request, reply);
    if (!submitter) return reply;
    if (!Buffer.isBuffer(request.body))
      return reply.code(415).send({ error: 'send the evidence package as application/zip' });
    let submitted;
    try {
      submitted = readSubmittedPackage(request.body, options.limits ?? DEFAULT_LIMITS);
    } catch (error) {
      if (error instanceof PackageError)
        return reply.code(400).send({ error: `the package is refused: ${error.message}` });
      throw error;
    }
    const { run, sut } = submitted.result;
    const refusal = submissionRefusal(submitter, { mode: run.mode, vendor: sut.vendor, system: sut.system });
    if (refusal) return reply.code(403).send({ error: refusal });
    try {
      const outcome = await registerRecord(register.db, {
        bytes: submitted.recordBytes,
        result: submitted.result,
        location: `register:${run.id}`,
        submittedBy: submitter.name,
        package: request.body,
        signature: storedSignatureOf(await checkPackageIntegrity(submitted.files, `register:${run.id}`)),
      });
      return reply.code(outcome === 'added' ? 201 : 200).send({ status: outcome, runId: run.id });
    } catch (error) {
      if (error instanceof RegisterConflictError) return reply.code(409).send({ error: error.message });
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('23'))
        return reply
          .code(400)
          .send({ error: `the record cannot be registered: ${(error as Error).message}` });
      throw error;
    }
  });

  app.get('/api/v1/runs/:runId/package', async (request, reply) => {
    const submitter = authenticate(request, reply);
    if (!submitter) return reply;
    if (submitter.role !== 'medcom') return reply.code(403).send({ error: 'only MedCom reads packages' });
    const { runId } = request.params as { runId: string };
    const row = await register.db
      .selectFrom('packages')
      .innerJoin('records', 'records.record_sha256', 'packages.record_sha256')
      .select(['packages.bytes'])
      .where('records.run_id', '=', runId)
      .executeTakeFirst();
    if (!row) return reply.code(404).send({ error: `no package for run ${runId}` });
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${runId.replace(/[^\w.-]/g, '_')}-evidence.zip"`)
      .send(Buffer.from(row.bytes));
  });

  for (const [path, page] of Object.entries(STATUS_PAGES))
    app.get(path, async (request, reply) => {
      const submitter = authenticate(request, reply);
      if (!submitter) return reply;
      if (submitter.role === 'vendor')
        return reply.code(403).send({ error: "the status report is MedCom's and the steering group's" });
      // Links to Allure reports are paths on the machine that ran; a page served to others shows none.
      const asOf = dayOf(options.clock.now());
      const results = (await loadRegisterResults(register.db, { asOf }, options.anchors)).map(
        ({ file, result, signature }) => ({ file, result, ...(signature ? { signature } : {}) }),
      );
      const model = buildStatusModel(results, {
        asOf,
        signaturesChecked: options.anchors !== undefined,
        outDir: '/',
        generator: options.generator,
      });
      const file = renderStatusFiles(model, ['da', 'en']).find((f) => f.path === page.file);
      return reply.header('content-type', page.type).send(file?.content ?? '');
    });

  // Errors the handlers did not expect: the submitter gets a plain 500, never a stack or a database message.
  app.setErrorHandler((error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413)
      return reply.code(413).send({ error: `the package is larger than ${maxPackageBytes} bytes` });
    if (status !== undefined && status >= 400 && status < 500)
      return reply.code(status).send({ error: (error as Error).message });
    return reply.code(500).send({ error: 'the register could not take the submission; nothing was stored' });
  });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () => app.close(),
  };
}

function tokenOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  if (!value) return undefined;
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : decoded.slice(colon + 1);
  }
  return undefined;
}
