import { Recipient } from './recipient.ts';

/**
 * The original sender's message handler, receiving the SUT's MedCom acknowledgements as messages of their own
 * (acknowledgement-send): the SUT POSTs each acknowledgement, in its VANSEnvelope (`application/xml`), to
 * `<prefix>/vans`. It keeps every submission as text; envelope and acknowledgement are judged by the checkpoints
 * (src/rules/acknowledgement). The VANS network itself is out of scope: certbench receives the envelope over HTTP
 * (provisional, as the hospital referral's REF01).
 */
export function createAcknowledgementReceiver(): Recipient {
  return new Recipient({
    id: 'acknowledgement-receiver',
    sessionKey: 'acknowledgementReceiver',
    what: 'MedCom acknowledgement (VANSEnvelope)',
    endpoint: '/vans',
    parse: (body) => body.toString('utf8'),
    refuse: () => undefined,
    // An acknowledgement is never acknowledged (addendum §D.4 item 3): the answer only says it arrived.
    accept: () => ({ status: 202, headers: { 'content-type': 'text/plain' }, body: 'modtaget' }),
  });
}
