import { resourcesOf, type Resource } from '../../fhir/bundle.ts';
import { SYSTEM } from '../../fhir/identifiers.ts';

/** One code entry of a registered diagnosis: a code, a display (diagnosetekst) or both, as the GP system has them. */
export interface RegisteredCode {
  system: string;
  code?: string;
  display?: string;
}

/** A diagnosis as the protocol registered it in the SUT: what a shared Condition must reflect. */
export interface RegisteredDiagnosis {
  ref: string;
  codes: RegisteredCode[];
  /** Absent for historical diagnoses registered without a type (test protocol Table 2). */
  type?: 'problem-list-item' | 'encounter-diagnosis';
  status: 'current' | 'resolved';
  onset?: string;
  abatement?: string;
  note?: string;
  /** The registration time the test data gives (FHIR date or dateTime); the SUT may use it or the time it was entered. */
  registered?: string;
  /** When the registration action ran (for recordedDate). */
  window?: { start: Date; end: Date };
}

export const STATUS_CODE = { current: '15240007', resolved: '723506003' } as const;

/**
 * The diagnosetekst a shared Condition must carry (code.text): the SKS-D display, else the ICPC-2 display, else
 * none; taken from what was registered, never from a code system (ConditionList send protocol 3.3.1.7, 3.3.2.3).
 */
export function expectedText(registration: RegisteredDiagnosis): string | undefined {
  const display = (system: string) =>
    registration.codes.find((c) => c.system === system && c.display !== undefined && c.display !== '')
      ?.display;
  return display(SYSTEM.sksD) ?? display(SYSTEM.icpc2);
}

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export function codingsOf(condition: Resource): Coding[] {
  const coding = (condition.code as { coding?: unknown } | undefined)?.coding;
  return Array.isArray(coding) ? (coding as Coding[]).filter((c) => typeof c === 'object' && c !== null) : [];
}

export function textOf(condition: Resource): unknown {
  return (condition.code as { text?: unknown } | undefined)?.text;
}

export function categoryCodings(condition: Resource): Coding[] {
  const category = condition.category;
  if (!Array.isArray(category)) return [];
  return category.flatMap((c: { coding?: unknown }) =>
    Array.isArray(c?.coding) ? (c.coding as Coding[]) : [],
  );
}

/** The coded part of a diagnosis (system|code of every entry with a code), the key two versions are matched by. */
export function codedKey(codes: { system?: string; code?: string }[]): string {
  return codes
    .filter((c) => typeof c.code === 'string' && c.code !== '')
    .map((c) => `${c.system ?? ''}|${c.code ?? ''}`)
    .sort()
    .join(' ');
}

/** The shared Conditions paired with the registrations they carry, and the Conditions that carry none. */
export interface CardMatch {
  pairs: { registration: RegisteredDiagnosis; condition?: Resource }[];
  extra: Resource[];
}

/**
 * Pairs each registration with the Condition that carries it: first the one with exactly its codes (historical
 * diagnoses may share codes, or have none: then the text decides), then, for a registration still unpaired, a
 * Condition with one of its codes or its text, so a Condition shared with a wrong or missing code is judged by the
 * code rule rather than counted as another diagnosis. A registration without any Condition is unshared; a Condition
 * left over was not registered for this card.
 */
export function matchCard(bundle: Resource, registrations: RegisteredDiagnosis[]): CardMatch {
  const free = new Set(resourcesOf(bundle, 'Condition'));
  const paired = new Map<RegisteredDiagnosis, Resource>();
  const take = (
    registration: RegisteredDiagnosis,
    pick: (candidates: Resource[]) => Resource | undefined,
  ) => {
    const condition = pick([...free]);
    if (!condition) return;
    free.delete(condition);
    paired.set(registration, condition);
  };
  for (const registration of registrations) {
    const key = codedKey(registration.codes);
    const text = expectedText(registration);
    take(registration, (all) => {
      const exact = all.filter((c) => codedKey(codingsOf(c)) === key);
      return exact.find((c) => textOf(c) === text) ?? (key === '' ? undefined : exact[0]);
    });
  }
  for (const registration of registrations.filter((r) => !paired.has(r))) {
    const codes = new Set(codedKey(registration.codes).split(' ').filter(Boolean));
    const text = expectedText(registration);
    take(
      registration,
      (all) =>
        all.find((c) =>
          codedKey(codingsOf(c))
            .split(' ')
            .some((k) => codes.has(k)),
        ) ?? (text === undefined ? undefined : all.find((c) => textOf(c) === text)),
    );
  }
  return {
    pairs: registrations.map((registration) => {
      const condition = paired.get(registration);
      return condition ? { registration, condition } : { registration };
    }),
    extra: [...free],
  };
}

/** Whether a registration has anything a receiver could see: a code or a display. */
export function hasContent(registration: RegisteredDiagnosis): boolean {
  return registration.codes.some((c) => (c.code ?? '') !== '' || (c.display ?? '') !== '');
}

export function label(registration: RegisteredDiagnosis): string {
  const codes = registration.codes
    .map((c) => c.code)
    .filter((c) => c)
    .join('/');
  return `"${expectedText(registration) ?? '(no text)'}" (${codes || 'no code'}, ${registration.ref})`;
}
