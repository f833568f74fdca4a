import { readInterchange } from '../rules/dsj/ref01.ts';
import { Recipient } from './recipient.ts';

/**
 * The birthplace's visitation as a receiver of REF01 sygehushenvisninger in MedCom XML: the SUT POSTs one Emessage
 * (HospitalReferral with its BinaryLetter attachments) to `<prefix>/xml`. It keeps every interchange as read;
 * content is judged by the dsj-gmv2 checkpoints. The VANS/EDIFACT transport itself is out of scope (certbench
 * receives the XML form over HTTP, provisional).
 */
export function createHospitalReferralRecipient(): Recipient {
  return new Recipient({
    id: 'hospital-referral',
    sessionKey: 'hospitalReferral',
    what: 'REF01 sygehushenvisning (MedCom XML)',
    endpoint: '/xml',
    parse: (body) => readInterchange(body.toString('utf8')),
    refuse: () => undefined,
    accept: () => ({ status: 202, headers: { 'content-type': 'text/plain' }, body: 'modtaget' }),
  });
}
