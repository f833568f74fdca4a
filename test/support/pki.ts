// A throw-away PKI for signing tests, made with node-forge (RSA keys come from Node's own generator): a root that
// plays MedCom's certificate, and certificates it issues, valid now or expired.
import forge from 'node-forge';

export interface TestIdentity {
  keyPem: string;
  certPem: string;
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

let serial = 1;

function certificate(
  subject: string,
  publicKey: forge.pki.rsa.PublicKey,
  issuer: { cert?: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey; name: string },
  validity: { from: Date; to: Date },
  ca: boolean,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  serial += 1;
  // No leading zero byte: OpenSSL 3 refuses a padded DER integer.
  cert.serialNumber = (0x10000000 + serial).toString(16);
  cert.validity.notBefore = validity.from;
  cert.validity.notAfter = validity.to;
  cert.setSubject([
    { name: 'commonName', value: subject },
    { name: 'organizationName', value: 'certbench test' },
  ]);
  cert.setIssuer([
    { name: 'commonName', value: issuer.name },
    { name: 'organizationName', value: 'certbench test' },
  ]);
  cert.setExtensions([
    { name: 'basicConstraints', cA: ca },
    { name: 'keyUsage', keyCertSign: ca, digitalSignature: true },
  ]);
  cert.sign(issuer.key, forge.md.sha256.create());
  return cert;
}

const YEAR_MS = 365 * 86_400_000;

export function rootCa(name: string): TestIdentity {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = certificate(
    name,
    keys.publicKey,
    { key: keys.privateKey, name },
    { from: new Date(Date.now() - YEAR_MS), to: new Date(Date.now() + 10 * YEAR_MS) },
    true,
  );
  return identity(cert, keys.privateKey);
}

export function issued(ca: TestIdentity, name: string, validity?: { from: Date; to: Date }): TestIdentity {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = certificate(
    name,
    keys.publicKey,
    {
      cert: ca.cert,
      key: ca.key,
      name: String((ca.cert.subject.getField('CN') as { value: unknown }).value),
    },
    validity ?? { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + YEAR_MS) },
    false,
  );
  return identity(cert, keys.privateKey);
}

/** The key encrypted with a passphrase (PKCS#8), as a signer keeps it. */
export function encryptedKeyPem(id: TestIdentity, passphrase: string): string {
  return forge.pki.encryptRsaPrivateKey(id.key, passphrase, { algorithm: 'aes256' });
}

/** Key and chain in one PKCS#12 file, protected by a passphrase. */
export function pkcs12(id: TestIdentity, chain: forge.pki.Certificate[], passphrase: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(id.key, [id.cert, ...chain], passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function identity(cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey): TestIdentity {
  return { keyPem: forge.pki.privateKeyToPem(key), certPem: forge.pki.certificateToPem(cert), cert, key };
}
