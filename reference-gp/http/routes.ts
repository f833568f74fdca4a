// Routes of the automation API (/certbench/v1): info, session, actions and observations, behind bearer auth.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACTIONS, SHARE_ACTION } from '../actions.ts';
import type { GpContext } from '../context.ts';
import { automationFault, sendBrokenAnswer } from '../faults/automation.ts';
import { INBOUND } from '../inbound.ts';
import { OBSERVATIONS } from '../observations.ts';
import { asObject, requiredString } from '../input.ts';
import { readBody, readJson, sendJson, sendProblem } from './io.ts';
import { HttpProblem, invalid } from './problem.ts';

export const PREFIX = '/certbench/v1';
/** MedCom's limit for a whole HomeCareObservation message is 100 MB. */
const MAX_INBOUND_BYTES = 100 * 1024 * 1024;

export const INFO = {
  vendor: 'MedCom (certbench)',
  system: 'certbench reference GP system',
  version: '1.0.0',
  automationApiVersion: '1',
} as const;

function authorised(request: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function requireMethod(request: IncomingMessage, method: string): void {
  if (request.method !== method) throw new HttpProblem(405, `use ${method} for ${request.url ?? ''}`);
}

async function configureSession(ctx: GpContext, request: IncomingMessage): Promise<void> {
  const body = asObject(await readJson(request), 'session');
  const runId = requiredString(body, 'runId');
  const given = asObject(body['counterparts'], 'counterparts');
  const counterparts: Record<string, string> = {};
  for (const key of Object.keys(given)) {
    const address = requiredString(given, key);
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      throw invalid(`counterparts.${key} is not a URL: ${address}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw invalid(`counterparts.${key} must be http(s)`);
    counterparts[key] = address;
  }
  const variants = body['variants'] === undefined ? undefined : asObject(body['variants'], 'variants');
  ctx.session = {
    runId,
    counterparts,
    ...(variants
      ? { variants: Object.fromEntries(Object.keys(variants).map((k) => [k, requiredString(variants, k)])) }
      : {}),
  };
}

async function performAction(
  ctx: GpContext,
  name: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
  if (!action)
    throw new HttpProblem(404, `unknown action ${name}; known: ${Object.keys(ACTIONS).join(', ')}`);
  // A system without the feature refuses the action, as the automation API asks (422).
  if (ctx.lacks?.has(name)) throw new HttpProblem(422, `this system cannot ${name}`);
  const body = asObject(await readJson(request), 'request body');
  const output = await action(ctx, asObject(body['input'], 'input'));
  const answer = { action: name, status: 'done', output };
  const fault = name === SHARE_ACTION ? automationFault(ctx.faults) : undefined;
  if (fault) sendBrokenAnswer(fault, response, answer);
  else sendJson(response, 200, answer);
}

async function route(ctx: GpContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://reference-gp');
  const path = url.pathname.startsWith(`${PREFIX}/`) ? url.pathname.slice(PREFIX.length) : undefined;
  if (path === '/info') {
    requireMethod(request, 'GET');
    sendJson(response, 200, INFO);
  } else if (path === '/session') {
    requireMethod(request, 'PUT');
    await configureSession(ctx, request);
    response.writeHead(204).end();
  } else if (path?.startsWith('/actions/')) {
    requireMethod(request, 'POST');
    await performAction(ctx, decodeURIComponent(path.slice('/actions/'.length)), request, response);
  } else if (path?.startsWith('/inbound/')) {
    requireMethod(request, 'POST');
    const channel = decodeURIComponent(path.slice('/inbound/'.length));
    const receive = Object.hasOwn(INBOUND, channel) ? INBOUND[channel] : undefined;
    if (!receive)
      throw new HttpProblem(404, `unknown channel ${channel}; known: ${Object.keys(INBOUND).join(', ')}`);
    const answer = await receive(ctx, {
      contentType: request.headers['content-type'] ?? '',
      body: await readBody(request, MAX_INBOUND_BYTES),
    });
    response.writeHead(answer.status, {
      'content-type': answer.contentType,
      'content-length': Buffer.byteLength(answer.body),
    });
    response.end(answer.body);
  } else if (path?.startsWith('/observations/')) {
    requireMethod(request, 'GET');
    const name = decodeURIComponent(path.slice('/observations/'.length));
    const observe = Object.hasOwn(OBSERVATIONS, name) ? OBSERVATIONS[name] : undefined;
    if (!observe) throw new HttpProblem(404, `unknown observation ${name}`);
    if (ctx.lacks?.has(name)) throw new HttpProblem(422, `this system has no ${name}`);
    sendJson(response, 200, { observation: name, value: observe(ctx, url.searchParams) });
  } else {
    throw new HttpProblem(404, `no such endpoint: ${url.pathname}`);
  }
}

export async function handleRequest(
  ctx: GpContext,
  token: string | undefined,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    if (!authorised(request, token)) {
      response.setHeader('www-authenticate', 'Bearer');
      throw new HttpProblem(401, 'missing or wrong bearer token');
    }
    await route(ctx, request, response);
  } catch (error) {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const status = error instanceof HttpProblem ? error.status : 500;
    sendProblem(response, status, error instanceof Error ? error.message : String(error));
  }
}
