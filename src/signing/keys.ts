// The signer's key and certificate chain: PEM files (key and certificate, the key possibly encrypted) or one PKCS#12
// file. The passphrase is read from an environment variable whose name is given (on the command line or in the
// profile), never the passphrase itself, and is never written anywhere.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type Forge from 'node-forge';
import { InvalidInputError } from '../errors/index.ts';

export interface SigningOptions {
  /** PEM private key, or a PKCS#12 file (`.p12`, `.pfx`) holding key and certificates. */
  key: string;
  /** PEM certificate chain, signer first (not needed with PKCS#12). */
  cert?: string;
  /** Name of the environment variable holding the key's passphrase. */
  passphraseEnv?: string;
  /** Where each came from, for errors: a flag (`--sign-key`) or the profile and its field. Default: the flags. */
  origin?: Partial<Record<'key' | 'cert' | 'passphraseEnv', Origin>>;
}

/** Where a signing option was given: a command-line flag, or a profile file and its field. */
export interface Origin {
  file: string;
  field?: string;
}

const FLAGS: Record<'key' | 'cert' | 'passphraseEnv', Origin> = {
  key: { file: '--sign-key' },
  cert: { file: '--sign-cert' },
  passphraseEnv: { file: '--sign-passphrase-env' },
};

/**
 * The signing options of a run: the command line's, else the profile's. A key on the command line comes with its
 * own certificate (the profile's pair is not mixed with it); the passphrase variable of either applies.
 */
export function signingOptionsOf(
  cli: Partial<SigningOptions> | undefined,
  profile: { file: string; signing?: Partial<SigningOptions> },
): SigningOptions | undefined {
  const fromProfile = (field: 'key' | 'cert' | 'passphraseEnv'): Origin => ({
    file: profile.file,
    field: `signing.${field}`,
  });
  const p = profile.signing;
  const keyFromCli = cli?.key !== undefined;
  const key = cli?.key ?? p?.key;
  if (key === undefined) {
    const stray =
      cli?.cert !== undefined
        ? '--sign-cert'
        : cli?.passphraseEnv !== undefined
          ? '--sign-passphrase-env'
          : undefined;
    if (stray)
      throw new InvalidInputError([
        { file: stray, message: 'signs nothing without a key (--sign-key, or signing.key in the profile)' },
      ]);
    return undefined;
  }
  const cert = cli?.cert ?? (keyFromCli ? undefined : p?.cert);
  const passphraseEnv = cli?.passphraseEnv ?? p?.passphraseEnv;
  return {
    key,
    ...(cert !== undefined ? { cert } : {}),
    ...(passphraseEnv !== undefined ? { passphraseEnv } : {}),
    origin: {
      key: keyFromCli ? FLAGS.key : fromProfile('key'),
      cert: cli?.cert !== undefined || keyFromCli ? FLAGS.cert : fromProfile('cert'),
      passphraseEnv: cli?.passphraseEnv !== undefined ? FLAGS.passphraseEnv : fromProfile('passphraseEnv'),
    },
  };
}

export interface Signer {
  key: KeyObject;
  /** Signer first, then the intermediates up to (not necessarily including) the trust anchor. */
  chain: X509Certificate[];
  alg: 'ES256' | 'ES384' | 'PS256' | 'EdDSA';
}

/** Reads key and chain; a certificate not valid at `now` stops the run before it starts. */
export async function loadSigner(
  options: SigningOptions,
  env: Record<string, string | undefined>,
  now: Date = new Date(),
): Promise<Signer> {
  const origin = { ...FLAGS, ...options.origin };
  const passphrase = options.passphraseEnv === undefined ? undefined : env[options.passphraseEnv];
  if (options.passphraseEnv !== undefined && passphrase === undefined)
    throw new InvalidInputError([
      {
        ...origin.passphraseEnv,
        message: `the environment variable ${options.passphraseEnv} is not set`,
      },
    ]);
  const keyBytes = await readInput(options.key, origin.key);
  let key: KeyObject;
  let chain: X509Certificate[];
  if (/\.(p12|pfx)$/i.test(options.key)) {
    // node-forge only for a PKCS#12 key: a run that signs with PEM, or not at all, does not load it.
    const { default: forgeModule } = await import('node-forge');
    ({ key, chain } = fromPkcs12(forgeModule, keyBytes, passphrase ?? '', options.key));
  } else {
    if (!options.cert)
      throw new InvalidInputError([
        {
          ...origin.cert,
          message: 'a PEM key needs its certificate (--sign-cert, or signing.cert in the profile)',
        },
      ]);
    try {
      key = createPrivateKey({ key: keyBytes, ...(passphrase === undefined ? {} : { passphrase }) });
    } catch (error) {
      throw new InvalidInputError([
        {
          file: options.key,
          message: `cannot read the private key (${reasonOf(error)}); a wrong passphrase?`,
        },
      ]);
    }
    chain = certificatesOf((await readInput(options.cert, origin.cert)).toString('utf8'), options.cert);
  }
  const [leaf] = chain;
  if (!leaf)
    throw new InvalidInputError([{ file: options.cert ?? options.key, message: 'holds no certificate' }]);
  if (!leaf.checkPrivateKey(key))
    throw new InvalidInputError([
      {
        file: options.cert ?? options.key,
        message: "the first certificate is not the private key's certificate",
      },
    ]);
  if (now < new Date(leaf.validFrom) || now > new Date(leaf.validTo))
    throw new InvalidInputError([
      {
        file: options.cert ?? options.key,
        message: `the signing certificate is valid from ${leaf.validFrom} to ${leaf.validTo}, not now`,
      },
    ]);
  return { key, chain, alg: algorithmOf(key, options.key) };
}

/** Every certificate in a PEM text, in order. */
export function certificatesOf(pem: string, file: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new InvalidInputError([{ file, message: 'holds no PEM certificate' }]);
  return blocks.map((block, i) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new InvalidInputError([
        { file, message: `certificate ${i + 1} cannot be read: ${reasonOf(error)}` },
      ]);
    }
  });
}

function fromPkcs12(
  forge: typeof Forge,
  bytes: Buffer,
  passphrase: string,
  file: string,
): { key: KeyObject; chain: X509Certificate[] } {
  let p12: Forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary'))),
      passphrase,
    );
  } catch (error) {
    throw new InvalidInputError([
      { file, message: `cannot read the PKCS#12 file (${reasonOf(error)}); a wrong passphrase?` },
    ]);
  }
  const keyBag =
    p12.getBags({ bagType: forge.pki.oids['pkcs8ShroudedKeyBag'] })[
      forge.pki.oids['pkcs8ShroudedKeyBag'] ?? ''
    ]?.[0] ?? p12.getBags({ bagType: forge.pki.oids['keyBag'] })[forge.pki.oids['keyBag'] ?? '']?.[0];
  if (!keyBag?.key) throw new InvalidInputError([{ file, message: 'holds no RSA private key' }]);
  const key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  const certBags = p12.getBags({ bagType: forge.pki.oids['certBag'] })[forge.pki.oids['certBag'] ?? ''] ?? [];
  const certs = certBags.flatMap((bag) =>
    bag.cert ? [new X509Certificate(forge.pki.certificateToPem(bag.cert))] : [],
  );
  // The signer's certificate first, whatever order the file keeps them in.
  const leaf = certs.find((c) => c.checkPrivateKey(key));
  return { key, chain: leaf ? [leaf, ...certs.filter((c) => c !== leaf)] : certs };
}

function algorithmOf(key: KeyObject, file: string): Signer['alg'] {
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') return 'PS256';
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return 'ES256';
    if (curve === 'secp384r1') return 'ES384';
  }
  throw new InvalidInputError([
    {
      file,
      message: `a ${key.asymmetricKeyType ?? 'unknown'} key cannot sign here: use RSA, EC P-256/P-384 or Ed25519`,
    },
  ]);
}

async function readInput(file: string, origin: Origin): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new InvalidInputError([{ ...origin, message: `cannot read ${file}: ${reasonOf(error)}` }]);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unreadable';
}
