import { z } from 'zod';

const checkpointPatterns = z
  .array(z.string().regex(/^[A-Za-z0-9.*-]+$/, 'must be a checkpoint id or a pattern with *'))
  .min(1);

/**
 * A test plan as written (YAML): which checkpoints this round does not test yet (deferred: pending), and which it
 * declares not relevant (not applicable), each with why.
 */
export const testPlanSchema = z.strictObject({
  plan: z
    .strictObject({
      id: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a stable id such as testcamp-2026-spring'),
      description: z.string().min(1).optional(),
      defer: z
        .array(
          z.strictObject({
            checkpoints: checkpointPatterns,
            reason: z.string().min(10, 'say why it is not tested in this round (at least 10 characters)'),
          }),
        )
        .min(1, 'list at least one deferral')
        .optional(),
      // A round may leave out what the official protocol itself calls not relevant for it (MedCom's "Not
      // relevant in production trial"): those checkpoints are not applicable in the record, not pending.
      notRelevant: z
        .array(
          z
            .strictObject({
              protocol: z
                .string()
                .regex(/^[a-z][a-z0-9-]*$/)
                .optional()
                .describe('the protocol whose use cases are named (default: any protocol)'),
              useCases: z.array(z.string().min(1)).min(1).optional(),
              checkpoints: checkpointPatterns.optional(),
              reason: z.string().min(10, 'say why it is not relevant in this round (at least 10 characters)'),
            })
            .refine((e) => e.useCases !== undefined || e.checkpoints !== undefined, {
              message: 'name useCases, checkpoints or both',
            }),
        )
        .min(1, 'list at least one entry')
        .optional(),
    })
    .refine((p) => p.defer !== undefined || p.notRelevant !== undefined, {
      message: 'a plan defers checkpoints or declares them not relevant (defer, notRelevant)',
    }),
});

export interface NotRelevant {
  protocol?: string;
  useCases?: string[];
  checkpoints?: string[];
  reason: string;
}

export interface TestPlan {
  id: string;
  file: string;
  defer: { checkpoints: string[]; reason: string }[];
  notRelevant: NotRelevant[];
}
