// The fictitious practice, GP and national test patients that must exist in a SUT's test environment.
// Gender and birth date follow each CPR number (DDMMYY, century from the 7th digit, odd last digit = male).

export interface TestPatient {
  cpr: string;
  given: string[];
  family: string;
  gender: 'male' | 'female';
  birthDate: string;
}

export const TEST_PATIENTS: readonly TestPatient[] = [
  { cpr: '2509479989', given: ['Elmer', 'Test'], family: 'Hansen', gender: 'male', birthDate: '1947-09-25' },
  {
    cpr: '0201609995',
    given: ['Einer', 'Test'],
    family: 'Lauridsen',
    gender: 'male',
    birthDate: '1960-01-02',
  },
  {
    cpr: '0201609996',
    given: ['Lonni', 'Test'],
    family: 'Lauridsen',
    gender: 'female',
    birthDate: '1960-01-02',
  },
  {
    cpr: '0504909995',
    given: ['Magnus', 'Test'],
    family: 'Lauridsen',
    gender: 'male',
    birthDate: '1990-04-05',
  },
  {
    cpr: '0504909989',
    given: ['Rasmus', 'Test'],
    family: 'Lauridsen',
    gender: 'male',
    birthDate: '1990-04-05',
  },
  {
    cpr: '0201919990',
    given: ['Else', 'Test'],
    family: 'Lauridsen',
    gender: 'female',
    birthDate: '1991-01-02',
  },
  {
    cpr: '0201919996',
    given: ['Ellen', 'Test'],
    family: 'Lauridsen',
    gender: 'female',
    birthDate: '1991-01-02',
  },
];

export type ClinicKey = 'previous' | 'current';

export interface Clinic {
  name: string;
  /** SOR id of the clinic (14 digits). */
  sor: string;
  ydernummer: string;
  practitioner: { given: readonly string[]; family: string };
}

/** The clinic certbench tests in: every protocol but the Diagnosekort's clinic change uses only this one. */
export const PRACTICE = {
  name: 'Agerskov lægepraksis',
  sor: '73091000016008',
  ydernummer: '045861',
  practitioner: { given: ['Lene', 'Test'], family: 'Lægesen' },
} as const satisfies Clinic;

/** The patient's former clinic (ConditionList send protocol 3.3.1.2: historical diagnoses of another clinic). */
export const PREVIOUS_PRACTICE = {
  name: 'Tønder lægehus',
  sor: '48961000016002',
  ydernummer: '071534',
  practitioner: { given: ['Peter', 'Test'], family: 'Tidligere' },
} as const satisfies Clinic;

export const CLINICS: Readonly<Record<ClinicKey, Clinic>> = {
  previous: PREVIOUS_PRACTICE,
  current: PRACTICE,
};

export const PRACTITIONER = PRACTICE.practitioner;

export function fullName(person: { given: readonly string[]; family: string }): string {
  return [...person.given, person.family].join(' ');
}
