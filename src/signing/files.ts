/** The signature files beside a signed record (kept apart so projections need not load the signing libraries). */
export const SIGNATURE_FILE = 'certification-result.jws';
export const SIGNER_FILE = 'signer.pem';
