import { request } from 'undici';
import type { ReceivedRequest } from './journal.ts';
import { REPLAY_HEADER } from './manual-session.ts';

/** Headers that describe the old connection, not the request; undici sets its own. */
const CONNECTION_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'transfer-encoding',
  'keep-alive',
]);

/**
 * Sends a journalled request to the counterparts again, as the SUT sent it, marked as replayed (the mark is in the
 * exchange's evidence). Used when a manual run resumes and the system, which kept its state, will not send again.
 */
export function handOverTo(listenUrl: string, at: () => string): (r: ReceivedRequest) => Promise<void> {
  return async (received) => {
    const headers: Record<string, string> = { [REPLAY_HEADER]: at() };
    for (const [name, value] of Object.entries(received.headers))
      if (!CONNECTION_HEADERS.has(name)) headers[name] = value;
    const answer = await request(`${listenUrl}${received.url}`, {
      method: received.method as 'POST',
      headers,
      body: Buffer.from(received.bodyBase64, 'base64'),
    });
    await answer.body.dump();
  };
}
