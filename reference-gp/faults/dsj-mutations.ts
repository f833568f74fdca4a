// Content faults of the REF01 referral: each active one mutates the referral once, before it is serialised. The
// compiler checks that every DSJ content fault has a mutation.
import type { OutgoingReferral } from '../dsj/referral.ts';
import type { FaultName } from './catalogue.ts';
import type { DsjContentFault } from './dsj-catalogue.ts';

const MUTATIONS: Record<DsjContentFault, (referral: OutgoingReferral) => void> = {
  'dsj-referral-wrong-birthplace': (r) => {
    r.receiver = {
      ean: '5790001382445',
      identifier: '1301011',
      identifierCode: 'sygehusafdelingsnummer',
      name: 'Testhospital Nord (certbench)',
      department: 'Medicinsk visitation',
    };
  },
  'dsj-referral-wrong-version-code': (r) => {
    r.letter.versionCode = 'XH0230R';
  },
  'dsj-binary-letter-referral-codes': (r) => {
    r.binaryLetter = { identifier: r.identifier, ...r.letter };
  },
  'dsj-envelope-without-acknowledgement-code': (r) => {
    r.acknowledgementCode = '';
  },
  'dsj-referral-given-names-run-together': (r) => {
    r.patient.given = r.patient.given.replace(/\s+/g, '');
  },
  'dsj-referral-sender-sor': (r) => {
    r.sender.identifier = '73091000016008';
    r.sender.identifierCode = 'sorkode';
  },
  'dsj-referral-without-diagnosis': (r) => {
    delete r.diagnosis;
  },
  'dsj-attachment-long-description': (r) => {
    for (const a of r.attachments)
      a.description = `${a.description} – udfyldt i Digital Svangrejournal ved første graviditetskonsultation`;
  },
  'dsj-attachment-size-in-kilobytes': (r) => {
    for (const a of r.attachments) a.size = String(Math.ceil(a.bytes.length / 1024));
  },
  'dsj-attachment-binary-missing': (r) => {
    r.binaries = r.binaries.slice(0, -1);
  },
};

export function applyDsjContentFaults(referral: OutgoingReferral, faults: ReadonlySet<FaultName>): void {
  for (const fault of faults)
    if (Object.hasOwn(MUTATIONS, fault)) MUTATIONS[fault as DsjContentFault](referral);
}
