// How the reference GP sends to certbench's counterparts: one POST with a timeout; an unreachable recipient is a
// 502 problem for the action that sent, any answer is returned for the caller to judge.
import { request, type Dispatcher } from 'undici';
import { HttpProblem } from './problem.ts';

const TIMEOUT_MS = 30_000;

export interface Sending {
  /** Who receives, for the error message, e.g. `document sharing recipient`. */
  recipient: string;
  url: string;
  contentType: string;
  body: string;
}

export async function postTo(
  dispatcher: Dispatcher,
  sending: Sending,
): Promise<{ status: number; text: string }> {
  try {
    const response = await request(sending.url, {
      method: 'POST',
      dispatcher,
      headers: { 'content-type': sending.contentType, accept: sending.contentType },
      body: sending.body,
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
    });
    return { status: response.statusCode, text: await response.body.text() };
  } catch (error) {
    throw new HttpProblem(
      502,
      `${sending.recipient} at ${sending.url} could not be reached: ${(error as Error).message}`,
    );
  }
}

/** Like `postTo`, but an answer other than 2xx is a 502 problem too. */
export async function deliverTo(dispatcher: Dispatcher, sending: Sending): Promise<void> {
  const { status, text } = await postTo(dispatcher, sending);
  if (status < 200 || status > 299)
    throw new HttpProblem(502, `${sending.recipient} answered HTTP ${status}: ${text.slice(0, 300)}`);
}
