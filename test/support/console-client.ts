// A person at the testcamp console, over HTTP: logs in with a token, keeps the session cookie, sends the forms as
// a browser would (same Origin), and reads the pages.
import { readFileSync } from 'node:fs';
import { request, FormData } from 'undici';
import { fastReferenceProfile } from './run.ts';
import { tempDir, writeTemp } from './temp.ts';

export class ConsoleClient {
  private cookie = '';
  readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  async login(token: string): Promise<{ status: number; location?: string }> {
    const answer = await this.post('/login', new URLSearchParams({ token }));
    const set = answer.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    if (first) this.cookie = first.split(';')[0] ?? '';
    return {
      status: answer.statusCode,
      ...(typeof answer.headers.location === 'string' ? { location: answer.headers.location } : {}),
    };
  }

  async page(path: string): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
    const answer = await request(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    return { status: answer.statusCode, text: await answer.body.text(), headers: answer.headers };
  }

  /** Posts a form; returns the status and the page (a redirect is not followed). */
  async form(
    path: string,
    fields: Record<string, string> | FormData,
    origin: string | null = this.base,
  ): Promise<{ status: number; text: string }> {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
    const answer = await this.post(path, body, origin);
    return { status: answer.statusCode, text: await answer.body.text() };
  }

  private post(path: string, body: URLSearchParams | FormData, origin: string | null = this.base) {
    return request(`${this.base}${path}`, {
      method: 'POST',
      headers: {
        cookie: this.cookie,
        ...(origin ? { origin } : {}),
        ...(body instanceof URLSearchParams ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: body instanceof URLSearchParams ? body.toString() : body,
    });
  }
}

/** A hidden field's value in a page's form posting to `action`, e.g. the step number of the operator's form. */
export function formField(page: string, action: string, field: string): string | undefined {
  const at = page.indexOf(`action="${action}"`);
  if (at < 0) return undefined;
  const form = page.slice(at, page.indexOf('</form>', at));
  return new RegExp(`name="${field}" value="([^"]*)"`).exec(form)?.[1];
}

export interface RehearsalScript {
  /** The operator answers "fejl" at this step first, then takes it back. */
  fejlAt?: number;
  /** Called before the operator answers a step; resolve `false` to stop driving (e.g. to restart the console). */
  beforeStep?: (step: number) => Promise<boolean> | boolean;
  /** The assessor's form for a checkpoint (default: OK without a file). */
  assessment?: (checkpointId: string) => FormData;
}

/**
 * Drives a run through its pages as its operator and assessor would: whatever form a page shows is filled in.
 * Resolves when the run's page says it is finished (true) or `beforeStep` stopped the driving (false).
 */
export async function rehearse(
  id: string,
  operator: ConsoleClient,
  assessor: ConsoleClient,
  script: RehearsalScript = {},
): Promise<boolean> {
  const deadline = Date.now() + 600_000;
  let fejlDone = false;
  while (Date.now() < deadline) {
    const asOperator = (await operator.page(`/runs/${id}`)).text;
    if (/Kørslen er færdig/.test(asOperator)) return true;
    if (/Kørslen kunne ikke fortsætte/.test(asOperator)) throw new Error(`run ${id} failed: ${asOperator}`);
    // The reference GP refused a step (some protocol steps allow a refusal): the assessor confirms it.
    const refused = formField(asOperator, `/runs/${id}/fejl`, 'step');
    if (refused) {
      const confirmed = await assessor.form(`/runs/${id}/fejl`, { step: refused, decision: 'confirm' });
      if (confirmed.status !== 303) throw new Error(`the assessor could not confirm: ${confirmed.text}`);
      continue;
    }
    const step = formField(asOperator, `/runs/${id}/step`, 'step');
    if (step) {
      if (script.beforeStep && !(await script.beforeStep(Number(step)))) return false;
      if (Number(step) === script.fejlAt && !fejlDone) {
        fejlDone = true;
        await operator.form(`/runs/${id}/step`, {
          step,
          answer: 'fejl',
          comment: 'tastefejl: forkert patient',
        });
        const corrected = await operator.form(`/runs/${id}/fejl`, { step, decision: 'correct' });
        if (corrected.status !== 303)
          throw new Error(`the operator could not take the fejl back: ${corrected.text}`);
      } else await operator.form(`/runs/${id}/step`, { step, answer: 'done' });
      continue;
    }
    const asAssessor = (await assessor.page(`/runs/${id}`)).text;
    const checkpoint = formField(asAssessor, `/runs/${id}/assess`, 'checkpoint');
    if (checkpoint) {
      const form = script.assessment?.(checkpoint) ?? okForm();
      form.append('checkpoint', checkpoint);
      const saved = await assessor.form(`/runs/${id}/assess`, form);
      if (saved.status !== 303) throw new Error(`the assessment was not saved: ${saved.text}`);
      continue;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`run ${id} did not finish in time`);
}

function okForm(): FormData {
  const form = new FormData();
  form.append('decision', 'OK');
  return form;
}

/** A testcamp file with a Diagnosekort rehearsal (reference GP) per id; tokens `operator-token-<id>-0123456789`. */
export async function rehearsalConfig(ids: string[], extra = '', generous = false): Promise<string> {
  const dir = await tempDir('certbench-testcamp-');
  let profile = await fastReferenceProfile();
  // Many runs at once on a small machine: waits that leave room for load (no test depends on speed).
  if (generous)
    profile = await writeTemp(
      dir,
      'generous.yaml',
      readFileSync(profile, 'utf8')
        .replace('timeoutMs: 2000', 'timeoutMs: 30000')
        .replace('waitTimeoutMs: 400', 'waitTimeoutMs: 10000'),
    );
  const runs = ids
    .map(
      (id) => `  - id: ${id}
    title: Prøve ${id}
    profile: ${profile}
    referenceGp: true
    protocols: [diagnosekort]
    out: out/${id}
    assessor: Anne Assessor
    tokens: { operator: operator-token-${id}-0123456789, assessor: assessor-token-${id}-0123456789 }
`,
    )
    .join('');
  return writeTemp(dir, 'testcamp.yaml', `testcamp: 1\nlisten: { port: 0 }\n${extra}runs:\n${runs}`);
}
