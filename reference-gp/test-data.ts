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

export const PRACTICE = {
  name: 'Agerskov lægepraksis',
  sor: '73091000016008',
  ydernummer: '045861',
} as const;

export const PRACTITIONER = {
  given: ['Lene', 'Test'],
  family: 'Lægesen',
} as const;

export function fullName(person: { given: readonly string[]; family: string }): string {
  return [...person.given, person.family].join(' ');
}
