import { randomUUID } from 'node:crypto';
import { fhirAnswer } from './counterpart.ts';
import { bundleOfType, Recipient } from './recipient.ts';

/**
 * National document sharing recipient, IHE MHD style: accepts a Provide Document Bundle (ITI-65), a FHIR
 * transaction posted to its FHIR base URL, and answers with a transaction-response.
 */
export function createDocumentSharingRecipient(): Recipient {
  return new Recipient({
    id: 'document-sharing',
    sessionKey: 'documentSharing',
    what: 'Provide Document Bundle (ITI-65)',
    refuse: (body) => bundleOfType(body, ['transaction']),
    accept: (body) => {
      const entries = (body as { entry?: unknown }).entry;
      return fhirAnswer(200, {
        resourceType: 'Bundle',
        id: randomUUID(),
        type: 'transaction-response',
        entry: Array.from({ length: Array.isArray(entries) ? entries.length : 0 }, () => ({
          response: { status: '201 Created' },
        })),
      });
    },
  });
}
