// MedCom's test diagnoses of the ConditionList send protocol (protocols/data/diagnosekort/test-diagnoses-1.0.0.yaml),
// read into the diagnoses certbench registers in the SUT and expects in what it shares.
import { join } from 'node:path';
import { z } from 'zod';
import { danishOffsetAt } from '../../src/fhir/datetime.ts';
import { SYSTEM } from '../../src/fhir/identifiers.ts';
import { readShippedYaml } from '../../src/input/yaml-file.ts';
import type { RegisteredCode, RegisteredDiagnosis } from '../../src/rules/conditionlist/registration.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';

export const TEST_DATA_FILE = 'protocols/data/diagnosekort/test-diagnoses-1.0.0.yaml';

const code = z.tuple([z.string().nullable(), z.string().optional()]).or(z.tuple([z.string()]));
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);
const row = z.strictObject({
  ref: z.string().min(1),
  step: z.string().optional(),
  icpc: code.optional(),
  sks: code.optional(),
  note: z.string().optional(),
  status: z.enum(['aktuel', 'relevant']).optional(),
  type: z.enum(['forløb', 'kontakt']).optional(),
  registered: localTime.optional(),
  onset: localTime.optional(),
  abatement: localTime.optional(),
});
const testDataSchema = z.strictObject({
  source: z.record(z.string(), z.string()),
  table1: z.array(row),
  table2: z.array(row),
});

/**
 * A Danish local time of the test data as a FHIR dateTime with the offset Denmark has then (a date stays a date).
 * The offset is read at the local time taken as UTC, which is right except within two hours of a DST change; the
 * test data has no times there.
 */
export function fhirTime(local: string): string {
  if (local.length === 10) return local;
  const offset = danishOffsetAt(new Date(`${local}:00Z`));
  return `${local}:00${offset}`;
}

function codes(r: z.output<typeof row>): RegisteredCode[] {
  const entry = (system: string, value: z.output<typeof code> | undefined): RegisteredCode[] => {
    if (!value) return [];
    const [c, display] = value;
    return [{ system, ...(c ? { code: c } : {}), ...(display ? { display } : {}) }];
  };
  return [...entry(SYSTEM.icpc2, r.icpc), ...entry(SYSTEM.sksD, r.sks)];
}

function registration(r: z.output<typeof row>): RegisteredDiagnosis {
  return {
    ref: r.ref,
    codes: codes(r),
    status: r.status === 'relevant' ? 'resolved' : 'current',
    ...(r.type ? { type: r.type === 'forløb' ? 'problem-list-item' : 'encounter-diagnosis' } : {}),
    ...(r.onset ? { onset: fhirTime(r.onset) } : {}),
    ...(r.abatement ? { abatement: fhirTime(r.abatement) } : {}),
    ...(r.note ? { note: r.note } : {}),
    ...(r.registered ? { registered: fhirTime(r.registered) } : {}),
  };
}

export interface TestDiagnoses {
  /** Table 1 by ref, with the official step that registers each. */
  table1: Map<string, RegisteredDiagnosis & { step: string }>;
  /** Table 2: the incomplete historical diagnoses of step 3.4.2.1. */
  table2: RegisteredDiagnosis[];
}

let cached: TestDiagnoses | undefined;

export function testDiagnoses(): TestDiagnoses {
  if (cached) return cached;
  const data = testDataSchema.parse(readShippedYaml(join(PACKAGE_ROOT, TEST_DATA_FILE)));
  cached = {
    table1: new Map(data.table1.map((r) => [r.ref, { ...registration(r), step: r.step ?? '' }])),
    table2: data.table2.map(registration),
  };
  return cached;
}

/** The input of `diagnosekort.register-diagnosis` for a test diagnosis. */
export function registrationInput(
  patient: string,
  d: RegisteredDiagnosis,
  extra: { onCard?: boolean; private?: boolean } = {},
): Record<string, unknown> {
  return {
    patient,
    codes: d.codes,
    status: d.status,
    ...(d.type ? { type: d.type } : {}),
    ...(d.onset ? { onset: d.onset } : {}),
    ...(d.abatement ? { abatement: d.abatement } : {}),
    ...(d.note ? { note: d.note } : {}),
    ...(d.registered ? { recordedDate: d.registered } : {}),
    ...extra,
  };
}
