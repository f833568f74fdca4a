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

/** The Condition that carries the registration's first code, if shared. */
export function conditionFor(bundle: Resource, registration: RegisteredDiagnosis): Resource | undefined {
  const key = registration.codes[0];
  if (!key) return undefined;
  return resourcesOf(bundle, 'Condition').find((c) => codingsOf(c).some((x) => x.system === key.system && x.code === key.code));
}

export function codingsOf(condition: Resource): { system?: string; code?: string; display?: string }[] {
  const coding = (condition.code as { coding?: unknown } | undefined)?.coding;
  return Array.isArray(coding) ? (coding as { system?: string; code?: string }[]) : [];
}

export function categoryCodings(condition: Resource): { system?: string; code?: string }[] {
  const category = condition.category;
  if (!Array.isArray(category)) return [];
  return category.flatMap((c: { coding?: unknown }) => (Array.isArray(c.coding) ? (c.coding as { system?: string; code?: string }[]) : []));
}

export function label(registration: RegisteredDiagnosis): string {
  const first = registration.codes[0];
  return `"${registration.text}" (${first ? first.code : 'no code'})`;
}
