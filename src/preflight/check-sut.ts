// Before any checkpoint: can this SUT be tested from here? Every failure is a ConnectionError that names the URL
// and what to fix, so a wrong address, token or firewall is not reported as failed checkpoints.
import type { SessionConfig } from '../driver/types.ts';
import { AUTOMATION_PREFIX } from '../driver/http-driver.ts';
import { ConnectionError } from '../errors/index.ts';
import type { Exchange } from '../evidence/exchange.ts';
import { EvidenceClient, type HttpOutcome } from '../evidence/http-client.ts';
import type { Redactor } from '../evidence/redact.ts';
import type { SutProfile } from '../profile/schema.ts';
import type { PingCounterpart } from './ping-counterpart.ts';

/** The automation API version this certbench speaks (`Info.automationApiVersion`). */
export const AUTOMATION_API_VERSION = '1';

export interface SutCheckOptions {
  profile: SutProfile;
  baseUrl: string;
  /** Where `baseUrl` came from, for the fix hint: the profile, or --sut-url. */
  baseUrlSource: string;
  token: string | undefined;
  redactor: Redactor;
  session: SessionConfig;
  /** The ping counterpart and its address as the SUT is told it. */
  ping: { counterpart: PingCounterpart; url: string };
  record?: (exchange: Exchange) => void;
}

/** One passed check, in words, for `certbench check`. */
export type SutCheckLine = string;

/** Runs the checks in order and returns what passed; throws ConnectionError at the first that fails. */
export async function checkSut(options: SutCheckOptions): Promise<SutCheckLine[]> {
  try {
    return await runChecks(options);
  } catch (error) {
    // An answer excerpt in a message could echo the token back.
    if (error instanceof ConnectionError) throw new ConnectionError(options.redactor.text(error.message));
    throw error;
  }
}

async function runChecks(options: SutCheckOptions): Promise<SutCheckLine[]> {
  const { profile, baseUrl, token } = options;
  const client = new EvidenceClient({
    redactor: options.redactor,
    timeoutMs: profile.automation.timeoutMs,
    maxBodyBytes: profile.automation.maxBodyBytes,
    record: (e) => options.record?.(e),
  });
  const url = (path: string) => `${baseUrl.replace(/\/$/, '')}${AUTOMATION_PREFIX}${path}`;
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const passed: SutCheckLine[] = [];

  const infoUrl = url('/info');
  const info = await client.call({ name: 'check info', method: 'GET', url: infoUrl, headers });
  const identity = expectJson(info, 'GET', infoUrl, options) as Record<string, unknown>;
  const missing = ['vendor', 'system', 'version'].filter((k) => typeof identity[k] !== 'string');
  if (missing.length > 0)
    throw new ConnectionError(
      `GET ${infoUrl} answered without ${missing.join(', ')}: not certbench's automation API info. ` +
        `Fix: answer { vendor, system, version, automationApiVersion } as api/automation-api.openapi.yaml (Info) says.`,
    );
  if (identity['automationApiVersion'] !== AUTOMATION_API_VERSION) {
    throw new ConnectionError(
      `GET ${infoUrl} answered automationApiVersion ${JSON.stringify(identity['automationApiVersion'])}; ` +
        `this certbench speaks version "${AUTOMATION_API_VERSION}" (api/automation-api.openapi.yaml). ` +
        `Fix: implement automation API version ${AUTOMATION_API_VERSION}, or use the certbench release that speaks the SUT's version.`,
    );
  }
  passed.push(
    `info: ${String(identity['vendor'])} ${String(identity['system'])} ${String(identity['version'])}, automation API ${AUTOMATION_API_VERSION} (${infoUrl})`,
  );
  const mismatch = (['vendor', 'system', 'version'] as const).filter((k) => identity[k] !== profile[k]);
  if (mismatch.length > 0)
    passed.push(
      `note: the SUT's ${mismatch.join(', ')} differ from the profile's (${mismatch.map((k) => `${k} "${profile[k]}"`).join(', ')}); the record names the profile's`,
    );
  passed.push(token ? 'token: accepted' : 'token: none configured (automation.auth not set)');

  const sessionUrl = url('/session');
  const session = await client.call({
    name: 'check session',
    method: 'PUT',
    url: sessionUrl,
    headers,
    body: JSON.stringify(options.session),
  });
  expectJson(session, 'PUT', sessionUrl, options);
  passed.push(`session: accepted (${sessionUrl})`);

  const pingUrl = url('/session/ping');
  const before = options.ping.counterpart.received;
  const ping = await client.call({
    name: 'check counterparts ping',
    method: 'POST',
    url: pingUrl,
    headers,
    body: JSON.stringify({ url: options.ping.url }),
  });
  const said = expectJson(ping, 'POST', pingUrl, options) as { reached?: unknown; error?: unknown };
  if (options.ping.counterpart.received === before) {
    const why = typeof said.error === 'string' ? ` (the SUT says: ${said.error})` : '';
    throw new ConnectionError(
      `the SUT cannot reach certbench's counterparts: it was asked to call ${options.ping.url} and the call never arrived${why}. ` +
        `Fix: the SUT must reach this machine at ${new URL(options.ping.url).origin}. Set counterparts.advertisedBaseUrl in ${profile.file} ` +
        `to an address the SUT can reach (with counterparts.bindHost 0.0.0.0 and a fixed counterparts.bindPort), open that port ` +
        `in firewalls between the SUT and certbench, or run certbench inside the SUT's network (README: CI set-ups).`,
    );
  }
  passed.push(`counterparts: the SUT reached ${options.ping.url}`);
  return passed;
}

/** The answer as JSON, or a ConnectionError that says what is wrong with it and what to fix. */
function expectJson(outcome: HttpOutcome, method: string, url: string, options: SutCheckOptions): unknown {
  const { profile } = options;
  if (outcome.status === undefined || outcome.body === undefined) {
    throw new ConnectionError(
      `cannot reach the SUT's automation API: ${method} ${url}: ${outcome.exchange.error ?? 'no answer'}. ` +
        `Fix: check ${options.baseUrlSource} (now ${options.baseUrl}), that the SUT's test environment is running, ` +
        `and that this machine can reach it (proxy, firewall, VPN).`,
    );
  }
  if (outcome.status === 401 || outcome.status === 403) {
    const auth = profile.automation.auth;
    throw new ConnectionError(
      `the SUT refused the token: ${method} ${url} answered HTTP ${outcome.status}. ` +
        (auth
          ? `Fix: set the environment variable ${auth.tokenEnv} to the bearer token of the SUT's test environment.`
          : `Fix: the profile ${profile.file} sets no automation.auth; add auth: { type: bearer, tokenEnv: CERTBENCH_SUT_TOKEN } and set that variable.`),
    );
  }
  if (outcome.status === 404 || outcome.status === 405) {
    throw new ConnectionError(
      `${method} ${url} answered HTTP ${outcome.status}: this is not certbench's automation API ${AUTOMATION_API_VERSION}, or the SUT does not implement ${new URL(url).pathname}. ` +
        `Fix: ${options.baseUrlSource} must be the address under which ${AUTOMATION_PREFIX} lives, and the SUT must implement every path of api/automation-api.openapi.yaml.`,
    );
  }
  if (outcome.status < 200 || outcome.status > 299) {
    throw new ConnectionError(
      `${method} ${url} answered HTTP ${outcome.status}: ${outcome.body.subarray(0, 300).toString('utf8')}. ` +
        `Fix: the SUT's automation API must answer as api/automation-api.openapi.yaml describes.`,
    );
  }
  if (outcome.status === 204 || outcome.body.length === 0) return {};
  try {
    const value = JSON.parse(outcome.body.toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value;
  } catch (error) {
    throw new ConnectionError(
      `${method} ${url} did not answer a JSON object (${(error as Error).message}; content type ${outcome.headers['content-type'] ?? 'none'}). ` +
        `Fix: ${options.baseUrlSource} must point at the SUT's automation API, not a web page or proxy.`,
    );
  }
}
