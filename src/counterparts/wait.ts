import type { Recipient } from './recipient.ts';

/**
 * Waits until the recipients together received `expected` submissions after the given counts, or the time is up.
 * Never fails: what arrived is judged by the checkpoints, so a message sent to the wrong recipient is seen at once.
 */
export async function waitForSubmissions(
  recipients: { recipient: Recipient; after: number }[],
  expected: number,
  timeoutMs: number,
): Promise<void> {
  const arrived = () => recipients.reduce((sum, r) => sum + r.recipient.count - r.after, 0);
  if (arrived() >= expected) return;
  await new Promise<void>((resolve) => {
    const unsubscribe: (() => void)[] = [];
    const done = () => {
      clearTimeout(timer);
      for (const u of unsubscribe) u();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    for (const { recipient } of recipients)
      unsubscribe.push(
        recipient.subscribe(() => {
          if (arrived() >= expected) done();
        }),
      );
  });
}
