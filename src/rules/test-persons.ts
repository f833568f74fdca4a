// The national test persons certbench's protocols use: the dk-core test patients (dk-core TestPatienter.fsh;
// shared/domain/medcom-standards.md §1.3). Plain data, read by every protocol that checks a patient's name.

export interface TestPerson {
  /** Given names as one text, e.g. "Else Test". */
  given: string;
  family: string;
}

export const TEST_PERSONS: Readonly<Record<string, TestPerson>> = {
  '2509479989': { given: 'Elmer Test', family: 'Hansen' },
  '0201609995': { given: 'Einer Test', family: 'Lauridsen' },
  '0201609996': { given: 'Lonni Test', family: 'Lauridsen' },
  '0504909995': { given: 'Magnus Test', family: 'Lauridsen' },
  '0504909989': { given: 'Rasmus Test', family: 'Lauridsen' },
  '0201919990': { given: 'Else Test', family: 'Lauridsen' },
  '0201919996': { given: 'Ellen Test', family: 'Lauridsen' },
};

/**
 * The sex a CPR number records: the last digit is even for women, odd for men (CPR-loven's numbering,
 * cpr.dk "Personnummeret"). `undefined` for anything that is not 10 digits.
 */
export function sexOfCpr(cpr: string): 'female' | 'male' | undefined {
  if (!/^\d{10}$/.test(cpr)) return undefined;
  return Number(cpr.at(-1)) % 2 === 0 ? 'female' : 'male';
}
