import { z } from 'zod';

const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'is not a calendar date');

const regex = z.string().refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');

/** One documented false error or MedCom inconsistency, as written in `known-issues.yaml`. */
export const knownIssueSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a stable id such as KI-2026-001'),
  pattern: z
    .strictObject({
      message: regex.optional(),
      location: regex.optional(),
      profile: regex.optional(),
      elementId: regex.optional(),
      key: z.string().min(1).optional(),
    })
    .refine(
      (p) => Object.keys(p).length > 0,
      'give at least one of message, location, profile, elementId, key',
    ),
  rationale: z.string().min(20, 'explain why the issue is not a defect of the SUT (at least 20 characters)'),
  approvedBy: z.string().min(1),
  expires: isoDate,
});

/** The file: `knownIssues:` and its entries. */
export const knownIssueListSchema = z.strictObject({
  knownIssues: z.array(knownIssueSchema),
});

/** A known-issue entry; `expires` is the first day (UTC) it no longer suppresses anything. */
export type KnownIssue = z.output<typeof knownIssueSchema>;
