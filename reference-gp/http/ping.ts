// `POST /session/ping`: the reference GP calls certbench's counterpart ping the way it sends its messages (the same
// HTTP client), so a counterpart host it cannot reach shows before any checkpoint.
import { request } from 'undici';
import type { GpContext } from '../context.ts';
import { requiredString, type Input } from '../input.ts';
import { invalid } from './problem.ts';

const PING_TIMEOUT_MS = 5_000;

export async function pingCounterparts(
  ctx: GpContext,
  body: Input,
): Promise<{ reached: boolean; status?: number; error?: string }> {
  const url = requiredString(body, 'url');
  if (!/^https?:\/\//.test(url)) throw invalid(`url must be http(s): ${url}`);
  try {
    const answer = await request(url, {
      method: 'GET',
      dispatcher: ctx.dispatcher,
      headersTimeout: PING_TIMEOUT_MS,
      bodyTimeout: PING_TIMEOUT_MS,
    });
    await answer.body.dump();
    return { reached: true, status: answer.statusCode };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { reached: false, error: cause ?? (error as Error).message };
  }
}
