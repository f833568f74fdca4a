// The reference GP's DSJ form: every field the GP system keeps, with the label its screen and PDF forms show and
// the svangerskabsjournal section (PRF section of GMv2, medcom-standards.md §4) the field belongs to. Fields of no
// PRF section (KRAM, termin, the GP's assessment) go to the vandrejournal (PSCR).
import { GMV2 } from '../pregnancy/codes.ts';

export interface FieldSpec {
  label: string;
  /** PRF section code, or undefined for fields printed under "Øvrige oplysninger". */
  section?: string;
}

export const DSJ_FORM: Readonly<Record<string, FieldSpec>> = {
  sprog: { label: 'Sprog', section: 'sprog' },
  hoejde: { label: 'Højde (cm)', section: 'fysiske-data' },
  'vaegt-foer-graviditet': { label: 'Vægt før graviditet (kg)', section: 'fysiske-data' },
  blodtryk: { label: 'Blodtryk (mmHg)', section: 'fysiske-data' },
  fertilitetsbehandling: { label: 'Fertilitetsbehandling', section: 'fertilitetsbehandling' },
  'arvelige-sygdomme': {
    label: 'Arvelige sygdomme i familien',
    section: 'familiehistorie-arvelige-sygdomme',
  },
  konsangvinitet: { label: 'Beslægtet med barnets far', section: 'konsangvinitet' },
  'oensker-risikovurdering': {
    label: 'Ønsker prænatal risikovurdering',
    section: 'praenatal-risikovurderingsoenskes',
  },
  'oensker-ultralyd': { label: 'Ønsker misdannelsesscanning', section: 'praenatal-ultralyd' },
  'psykisk-sygdom': { label: 'Psykisk sygdom', section: 'psykisk-sygdom-af-relevans' },
  'somatisk-sygdom': { label: 'Somatisk sygdom', section: 'somatisk-sygdom' },
  'tidligere-operationer': { label: 'Tidligere operationer', section: 'tidligere-operation-af-relevans' },
  civilstand: { label: 'Civilstand', section: 'social-saarbarhed-af-relevans' },
  'sidste-menstruation': { label: 'Sidste menstruation, 1. dag' },
  termin: { label: 'Terminsdato' },
  tobak: { label: 'Ryger' },
  alkohol: { label: 'Alkohol (genstande pr. uge)' },
  'samlet-vurdering': { label: 'Samlet vurdering' },
};

/** The PRF sections in the order the svangerskabsjournal prints them, with their headings. */
export const JOURNAL_SECTIONS: readonly [string, string][] = (
  [
    'sprog',
    'fysiske-data',
    'fertilitetsbehandling',
    'familiehistorie-arvelige-sygdomme',
    'konsangvinitet',
    'praenatal-risikovurderingsoenskes',
    'praenatal-ultralyd',
    'somatisk-sygdom',
    'psykisk-sygdom-af-relevans',
    'tidligere-operation-af-relevans',
    'social-saarbarhed-af-relevans',
  ] as const
).map((code) => [code, GMV2.prfMandatorySections[code]?.name ?? code]);

export type DsjValue = string | number | boolean;

/** How the forms print a value: Ja/Nej, decimal comma, Danish dates. */
export function printed(value: DsjValue): string {
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return date ? `${date[3]}-${date[2]}-${date[1]}` : value;
}
