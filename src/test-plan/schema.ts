import { z } from 'zod';

/** A test plan as written (YAML): which checkpoints this round does not test, and why. */
export const testPlanSchema = z.strictObject({
  plan: z.strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a stable id such as testcamp-2026-spring'),
    description: z.string().min(1).optional(),
    defer: z
      .array(
        z.strictObject({
          checkpoints: z
            .array(z.string().regex(/^[A-Za-z0-9.*-]+$/, 'must be a checkpoint id or a pattern with *'))
            .min(1),
          reason: z.string().min(10, 'say why it is not tested in this round (at least 10 characters)'),
        }),
      )
      .min(1, 'list at least one deferral'),
  }),
});

export interface TestPlan {
  id: string;
  file: string;
  defer: { checkpoints: string[]; reason: string }[];
}
