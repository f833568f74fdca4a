import { Recipient } from './recipient.ts';

/**
 * The original sender's message handler, receiving the SUT's MedCom acknowledgements as messages of their own
 * (acknowledgement-send): the SUT POSTs each acknowledgement (`application/xml`) to `<prefix>/messages`, in its
 * VANSEnvelope (variant `message`) or, on EHMI, in its EHMI SBDH (variant `ehmi`). It keeps every submission as text
 * and answers that it arrived; envelope and acknowledgement are judged by the checkpoints
 * (src/rules/acknowledgement), so a wrong envelope fails a checkpoint with evidence instead of a refusal here. The
 * VANS network and EHMI's access points are out of scope: certbench receives the envelope over HTTP (provisional, as
 * the hospital referral's REF01).
 */
export function createAcknowledgementReceiver(): Recipient {
  return new Recipient({
    id: 'acknowledgement-receiver',
    sessionKey: 'acknowledgementReceiver',
    what: 'MedCom acknowledgement (VANSEnvelope or EHMI SBDH)',
    endpoint: '/messages',
    parse: (body) => body.toString('utf8'),
    refuse: () => undefined,
    // An acknowledgement is never acknowledged (addendum §D.4 item 3): the answer only says it arrived.
    accept: () => ({ status: 202, headers: { 'content-type': 'text/plain' }, body: 'modtaget' }),
  });
}
