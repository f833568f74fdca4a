// Why a signed run does not verify, in the reader's language: one text per failure code, used by the approvals list
// and the status pages (the technical detail beside it stays English, as `certbench verify` prints it).
import type { VerifyFailure } from './verify.ts';

export type SignatureLanguage = 'da' | 'en';

export const VERIFY_FAILURE_TEXTS: Record<SignatureLanguage, Record<VerifyFailure, string>> = {
  da: {
    unsigned: 'kørslen er ikke signeret',
    'record-changed': 'resultatet er ændret efter signeringen',
    'signature-invalid': 'signaturen er ugyldig',
    untrusted: 'underskriverens certifikat er ikke udstedt af tillidsankeret (MedCom)',
    expired: 'underskriverens certifikat var ikke gyldigt, da der blev signeret',
    'evidence-changed': 'en bevisfil er ændret, mangler eller er tilføjet efter signeringen',
    unreadable: 'resultatet kan ikke læses',
  },
  en: {
    unsigned: 'the run is not signed',
    'record-changed': 'the result was changed after it was signed',
    'signature-invalid': 'the signature is invalid',
    untrusted: "the signer's certificate is not issued by the trust anchor (MedCom)",
    expired: "the signer's certificate was not valid when it signed",
    'evidence-changed': 'an evidence file was changed, removed or added after signing',
    unreadable: 'the result cannot be read',
  },
};
