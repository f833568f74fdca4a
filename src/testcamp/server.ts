// The testcamp console: one web server for every vendor run of the camp. Operators and assessors log in with the
// token of their role and run (from the testcamp file) and see that run only.
//
// Cross-site requests: the session cookie is SameSite=Strict (a browser sends it on no request another site starts)
// and every POST must carry an Origin (or, failing that, a Referer) of this console. Both hold for plain HTML forms
// with no token in the page, also for the multipart upload form, and keep no state; OWASP's CSRF cheat sheet names
// the pair as a defence for same-origin applications without a synchronizer token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { TestcampConfig } from './config.ts';
import type { AssessmentAnswer, Role } from './console-operator.ts';
import { loginPage, runPage } from './pages.ts';
import type { RunSlot } from './run-slot.ts';

const COOKIE = 'certbench_testcamp';
const DECISIONS = new Set(['OK', 'F1', 'F2', 'F3', 'F4', 'NR']);

interface Login {
  runId: string;
  role: Role;
}

/** What each accepted type's content starts with: the browser's declared type alone is not believed. */
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'text/plain': (b) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b),
};

export async function createConsole(
  config: TestcampConfig,
  slots: Map<string, RunSlot>,
): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: 64 * 1024, logger: false });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, {
    limits: { fileSize: config.uploads.maxBytes, files: 1, fields: 10, fieldSize: 20_000, parts: 12 },
  });
  const sessions = new Map<string, Login>();
  const tokens = config.runs.flatMap((r) =>
    (['operator', 'assessor'] as const).map((role) => ({
      digest: sha256(r.tokens[role]),
      login: { runId: r.id, role },
    })),
  );

  app.addHook('onSend', (_request, reply, payload, done) => {
    void reply.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'POST' && !sameOrigin(request)) {
      void reply.code(403).type('text/plain').send('cross-site request refused');
      return;
    }
    done();
  });

  const login = (request: FastifyRequest): Login | undefined => {
    const sid = request.cookies[COOKIE];
    return sid ? sessions.get(sid) : undefined;
  };
  /** The run of the URL when the login is for it, else the answer (login page or 403) is sent. */
  const slotFor = (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const who = login(request);
    if (!who) {
      void reply.code(401).type('text/html').send(loginPage('Log ind først / log in first'));
      return undefined;
    }
    const slot = slots.get(request.params.id);
    if (!slot || who.runId !== request.params.id) {
      void reply.code(403).type('text/html').send(loginPage('Ikke din kørsel / not your run'));
      return undefined;
    }
    return { slot, role: who.role };
  };
  /** The run's page; with a message, the form was not accepted (409, or the status given). */
  const show = (reply: FastifyReply, slot: RunSlot, role: Role, message?: string, status = 409) =>
    reply
      .code(message ? status : 200)
      .type('text/html')
      .send(runPage(slot, role, config.uploads.maxBytes, config.uploads.types, message));
  const back = (reply: FastifyReply, id: string) => reply.redirect(`/runs/${id}`, 303);

  app.get('/', (request, reply) => {
    const who = login(request);
    if (who) return back(reply, who.runId);
    return reply.type('text/html').send(loginPage());
  });

  app.post<{ Body: { token?: string } }>('/login', (request, reply) => {
    const given = sha256(String(request.body?.token ?? ''));
    // Every token is compared, in constant time, so the answer's timing tells nothing about the tokens.
    let found: Login | undefined;
    for (const t of tokens) if (timingSafeEqual(t.digest, given)) found = t.login;
    if (!found)
      return reply.code(401).type('text/html').send(loginPage('Ukendt adgangskode / unknown token'));
    const sid = randomBytes(32).toString('base64url');
    sessions.set(sid, found);
    void reply.setCookie(COOKIE, sid, { httpOnly: true, sameSite: 'strict', path: '/' });
    return back(reply, found.runId);
  });

  app.post('/logout', (request, reply) => {
    const sid = request.cookies[COOKIE];
    if (sid) sessions.delete(sid);
    void reply.clearCookie(COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });

  app.get<{ Params: { id: string } }>('/runs/:id', (request, reply) => {
    const found = slotFor(request, reply);
    if (found) return show(reply, found.slot, found.role);
    return reply;
  });

  app.post<{ Params: { id: string }; Body: { step?: string; answer?: string; comment?: string } }>(
    '/runs/:id/step',
    async (request, reply) => {
      const found = slotFor(request, reply);
      if (!found) return reply;
      const { slot, role } = found;
      if (role !== 'operator')
        return show(reply, slot, role, 'Kun operatøren udfører trin / only the operator performs steps');
      const body = request.body ?? {};
      const comment = String(body.comment ?? '').trim();
      if (body.answer === 'fejl' && !comment)
        return show(reply, slot, role, 'Skriv hvad der gik galt / say what went wrong');
      const problem = await slot.operator.answerStep(
        Number(body.step),
        body.answer === 'fejl' ? { done: false, comment } : { done: true },
      );
      return problem ? show(reply, slot, role, problem) : back(reply, slot.config.id);
    },
  );

  app.post<{ Params: { id: string }; Body: { step?: string; decision?: string } }>(
    '/runs/:id/fejl',
    async (request, reply) => {
      const found = slotFor(request, reply);
      if (!found) return reply;
      const { slot, role } = found;
      const decision = request.body?.decision === 'confirm' ? 'confirm' : 'correct';
      const problem = await slot.operator.settleFejl(Number(request.body?.step), role, decision);
      return problem ? show(reply, slot, role, problem) : back(reply, slot.config.id);
    },
  );

  app.post<{ Params: { id: string } }>('/runs/:id/assess', async (request, reply) => {
    const found = slotFor(request, reply);
    if (!found) return reply;
    const { slot, role } = found;
    if (role !== 'assessor')
      return show(reply, slot, role, 'Kun bedømmeren bedømmer / only the assessor assesses');
    if (!request.isMultipart())
      return show(reply, slot, role, 'forventede en formular med bilag / expected a form with a file');
    const fields: Record<string, string> = {};
    let upload: { name: string; type: string; bytes: Buffer } | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.filename && bytes.length > 0) upload = { name: part.filename, type: part.mimetype, bytes };
        } else fields[part.fieldname] = String(part.value);
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      const message =
        code === 'FST_REQ_FILE_TOO_LARGE'
          ? `Bilaget er større end / the file is larger than ${Math.round(config.uploads.maxBytes / 1024)} KiB`
          : `Formularen kunne ikke læses / the form could not be read (${code ?? 'error'})`;
      return show(reply, slot, role, message, 413);
    }
    const decision = fields['decision'] ?? '';
    const comment = (fields['comment'] ?? '').trim();
    if (!DECISIONS.has(decision)) return show(reply, slot, role, 'Vælg en vurdering / choose an assessment');
    if (decision !== 'OK' && !comment)
      return show(reply, slot, role, 'Skriv en kommentar / give a comment (F1–F4, Ikke relevant)');
    const evidenceFiles: string[] = [];
    if (upload) {
      if (!config.uploads.types.includes(upload.type) || !(SIGNATURES[upload.type]?.(upload.bytes) ?? true))
        return show(
          reply,
          slot,
          role,
          `Bilagets type er ikke tilladt / the file's type is not accepted (${upload.type}; accepted: ${config.uploads.types.join(', ')})`,
        );
      // Written into the run folder now; the manual session keeps it under its hash and journals it.
      const folder = join(slot.config.out, 'manual-uploads', 'incoming', randomBytes(8).toString('hex'));
      await mkdir(folder, { recursive: true });
      const file = join(folder, basename(upload.name).replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'bilag');
      await writeFile(file, upload.bytes);
      evidenceFiles.push(file);
    }
    const answer: AssessmentAnswer = {
      decision: decision as AssessmentAnswer['decision'],
      ...(comment ? { comment } : {}),
      evidenceFiles,
    };
    const problem = slot.operator.answerAssessment(fields['checkpoint'] ?? '', answer);
    return problem ? show(reply, slot, role, problem) : back(reply, slot.config.id);
  });

  return app;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The request comes from a page of this console (its Origin, or its Referer when a browser sends no Origin). */
function sameOrigin(request: FastifyRequest): boolean {
  const host = request.headers.host;
  if (!host) return false;
  const expected = `${request.protocol}://${host}`;
  const origin = request.headers.origin;
  if (origin) return origin === expected;
  const referer = request.headers.referer;
  return typeof referer === 'string' && (referer === expected || referer.startsWith(`${expected}/`));
}
