import { resourcesOf, type Resource } from '../../fhir/bundle.ts';

/** A diagnosis as the protocol registered it in the SUT: what the shared Condition must reflect. */
export interface RegisteredDiagnosis {
  ref: string;
  codes: { system: string; code: string; display?: string }[];
  text: string;
  type: 'problem-list-item' | 'encounter-diagnosis';
  status: 'current' | 'resolved';
  onset?: string;
  abatement?: string;
  note?: string;
  /** When the registration action ran (for recordedDate). */
  window?: { start: Date; end: Date };
}

export const STATUS_CODE = { current: '15240007', resolved: '723506003' } as const;

/** The Condition that carries any of the registration's codes, if shared (a missing code is judged elsewhere). */
export function conditionFor(bundle: Resource, registration: RegisteredDiagnosis): Resource | undefined {
  return resourcesOf(bundle, 'Condition').find((c) =>
    codingsOf(c).some((x) =>
      registration.codes.some((code) => x.system === code.system && x.code === code.code),
    ),
  );
}

export function codingsOf(condition: Resource): { system?: string; code?: string; display?: string }[] {
  const coding = (condition.code as { coding?: unknown } | undefined)?.coding;
  return Array.isArray(coding) ? (coding as { system?: string; code?: string }[]) : [];
}

export function categoryCodings(condition: Resource): { system?: string; code?: string }[] {
  const category = condition.category;
  if (!Array.isArray(category)) return [];
  return category.flatMap((c: { coding?: unknown }) =>
    Array.isArray(c.coding) ? (c.coding as { system?: string; code?: string }[]) : [],
  );
}

export function notSharedProblem(registration: RegisteredDiagnosis): string {
  return `${label(registration)} is not shared (no Condition with any of its codes)`;
}

export function label(registration: RegisteredDiagnosis): string {
  const first = registration.codes[0];
  return `"${registration.text}" (${first ? first.code : 'no code'})`;
}
