// Sends the ITI-65 transaction to the document sharing recipient and waits for its acceptance.
import type { Dispatcher } from 'undici';
import { deliverTo } from '../http/post.ts';

export function submitTransaction(dispatcher: Dispatcher, url: string, body: string): Promise<void> {
  return deliverTo(dispatcher, {
    recipient: 'document sharing recipient',
    url,
    contentType: 'application/fhir+json',
    body,
  });
}
