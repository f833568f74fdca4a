import semver from 'semver';
import { z } from 'zod';

const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'is not a calendar date');

/** One dispensation as written in the waiver register (YAML). Documented in the README, "Waiver register". */
export const writtenWaiverSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a stable id such as W-2026-001'),
    checkpoints: z
      .array(z.string().regex(/^[A-Za-z0-9.*-]+$/, 'must be a checkpoint id or a pattern with *'))
      .min(1, 'list at least one checkpoint id or pattern'),
    sut: z.strictObject({
      vendor: z.string().min(1),
      system: z.string().min(1),
      versions: z
        .string()
        .refine((r) => semver.validRange(r) !== null, 'must be a version range such as ">=4.2 <5" or "*"')
        .default('*'),
    }),
    reason: z.string().min(10, 'give the reason for the dispensation (at least 10 characters)'),
    approvedBy: z.string().min(1),
    granted: isoDate,
    expires: isoDate,
    run: z.boolean().default(true),
  })
  .refine((w) => w.expires > w.granted, { message: 'must be after granted', path: ['expires'] });

export const waiverRegisterSchema = z.strictObject({
  waivers: z.array(writtenWaiverSchema),
});

export type WrittenWaiver = z.input<typeof writtenWaiverSchema>;

/** A normalised waiver. Dates are UTC midnights; `expires` is the first day it no longer applies. */
export interface Waiver {
  id: string;
  checkpoints: string[];
  sut: { vendor: string; system: string; versions: string };
  reason: string;
  approvedBy: string;
  granted: string;
  expires: string;
  run: boolean;
  file: string;
}
