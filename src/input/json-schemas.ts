import { z } from 'zod';
import { writtenProfileSchema } from '../profile/schema.ts';
import { officialProtocolSchema } from '../protocols/official.ts';
import { manifestSchema } from '../protocols/schema.ts';
import { testPlanSchema } from '../test-plan/schema.ts';
import { waiverRegisterSchema } from '../waivers/schema.ts';

/** JSON Schemas (draft 2020-12) of what users write, generated from the schemas certbench validates with. */
export function jsonSchemas(): Record<string, unknown> {
  const generate = (schema: z.ZodType, title: string) => ({
    title,
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  });
  return {
    'sut-profile.schema.json': generate(writtenProfileSchema, 'certbench SUT profile'),
    'waiver-register.schema.json': generate(waiverRegisterSchema, 'certbench waiver register'),
    'protocol-manifest.schema.json': generate(manifestSchema, 'certbench protocol manifest'),
    'test-plan.schema.json': generate(testPlanSchema, 'certbench test plan'),
    'official-protocol.schema.json': generate(officialProtocolSchema, 'MedCom test protocol as data'),
  };
}
