import { z } from 'zod';

/** What a vendor writes in a SUT profile (YAML). Documented in the README, "SUT profile". */
export const writtenProfileSchema = z
  .strictObject({
    certbench: z.literal(1, { error: 'must be 1 (the profile format version)' }),
    vendor: z.string().min(1).describe('Vendor name, e.g. "EG A/S"'),
    system: z.string().min(1).describe('System name, e.g. "Clinea"'),
    version: z.string().min(1).describe('Version of the system under test'),
    driver: z.enum(['http', 'manual']).default('http'),
    automation: z
      .strictObject({
        baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
        auth: z
          .strictObject({
            type: z.literal('bearer'),
            tokenEnv: z
              .string()
              .regex(
                /^[A-Z_][A-Z0-9_]*$/,
                'must be the NAME of an environment variable, never the token itself',
              ),
          })
          .optional(),
        timeoutMs: z.int().min(100).max(600_000).default(10_000),
        maxBodyBytes: z
          .int()
          .min(1024)
          .default(5 * 1024 * 1024),
        inboundUrls: z
          .record(
            z.string().regex(/^[a-z][a-z0-9-]*$/, 'channel names are lower-case, e.g. homecareobservation'),
            z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
          )
          .default({})
          .describe(
            'channel → where the SUT receives messages of that kind, when not at <baseUrl>/certbench/v1/inbound/<channel>',
          ),
      })
      .describe('The SUT automation API (api/automation-api.openapi.yaml)'),
    counterparts: z
      .strictObject({
        bindHost: z.string().min(1).default('127.0.0.1'),
        bindPort: z.int().min(0).max(65535).default(0),
        advertisedBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
        waitTimeoutMs: z.int().min(100).max(3_600_000).default(10_000),
        maxBodyBytes: z
          .int()
          .min(1024)
          .default(20 * 1024 * 1024),
      })
      .prefault({}),
    fhirPackages: z
      .string()
      .min(1)
      .optional()
      .describe(
        'FHIR package cache folder for profile validation (relative to this file); default CERTBENCH_FHIR_PACKAGES, else ~/.fhir/packages',
      ),
    signing: z
      .strictObject({
        key: z
          .string()
          .min(1)
          .optional()
          .describe(
            'private key (PEM) or PKCS#12 file (.p12/.pfx) that signs every run, relative to this file',
          ),
        cert: z
          .string()
          .min(1)
          .optional()
          .describe('with a PEM key: the certificate chain (PEM), signer first, relative to this file'),
        passphraseEnv: z
          .string()
          .regex(
            /^[A-Z_][A-Z0-9_]*$/,
            'must be the NAME of an environment variable, never the passphrase itself',
          )
          .optional()
          .describe("name of the environment variable holding the key's passphrase"),
      })
      .refine((s) => s.key !== undefined || s.cert === undefined, {
        message: 'a certificate needs its key (signing.key)',
        path: ['cert'],
      })
      .optional()
      .describe(
        'Signing of the record (see docs/certification-result.md); --sign-key, --sign-cert and --sign-passphrase-env override',
      ),
    clockToleranceMs: z
      .int()
      .min(0)
      .max(600_000)
      .default(5_000)
      .describe('allowed clock difference between the SUT and certbench when times are compared'),
    protocols: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*$/, 'protocol ids are lower-case, e.g. diagnosekort'),
        z
          .strictObject({
            useCases: z.array(z.string().min(1)).default([]),
            variant: z
              .string()
              .regex(/^[a-z][a-z0-9-]*$/, 'variant ids are lower-case, e.g. plsp')
              .optional()
              .describe("which of the protocol's variants this system is tested as, e.g. gp-system or plsp"),
          })
          .prefault({}),
      )
      .refine((p) => Object.keys(p).length > 0, 'claim at least one protocol'),
  })
  .describe('certbench SUT profile');

export type WrittenProfile = z.input<typeof writtenProfileSchema>;

/** The normalised profile the run uses. */
export interface SutProfile {
  file: string;
  sha256: string;
  vendor: string;
  system: string;
  version: string;
  driver: 'http' | 'manual';
  automation: {
    baseUrl: string;
    auth?: { type: 'bearer'; tokenEnv: string };
    timeoutMs: number;
    maxBodyBytes: number;
    /** Channel → receiving endpoint URL, where it is not the automation API's `/inbound/<channel>`. */
    inboundUrls: Record<string, string>;
  };
  counterparts: {
    bindHost: string;
    bindPort: number;
    advertisedBaseUrl?: string;
    waitTimeoutMs: number;
    maxBodyBytes: number;
  };
  clockToleranceMs: number;
  /** Signing key and certificate (resolved against the profile's folder) and the passphrase variable's name. */
  signing?: { key?: string; cert?: string; passphraseEnv?: string };
  /** FHIR package cache folder for profile validation, resolved against the profile's folder. */
  fhirPackages?: string;
  /** Claimed protocols with their claimed optional use cases and, where the protocol has variants, the variant. */
  protocols: Record<string, { useCases: string[]; variant?: string }>;
}
