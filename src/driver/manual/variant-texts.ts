// Instructions for a protocol variant in which the operator does not work in the GP system's user interface:
// Diagnosekort "plsp" tests PLSP alone, so each change of the diagnosis card is handed over to PLSP the way the GP
// system would hand it over (protocols/diagnosekort.yaml, variants).
import type { Instruction } from './operator.ts';

type Texts = Pick<Instruction, 'title' | 'text'>;

export function forVariant(action: string, texts: Texts, variants: Readonly<Record<string, string>>): Texts {
  if (
    variants['diagnosekort'] !== 'plsp' ||
    !action.startsWith('diagnosekort.') ||
    action === 'diagnosekort.share'
  )
    return texts;
  return {
    title: { da: `${texts.title.da} (aflevér til PLSP)`, en: `${texts.title.en} (hand over to PLSP)` },
    text: {
      da: `PLSP testes alene: aflevér ændringen til PLSP, som lægesystemet gør, med jeres testværktøj for lægesystemet. ${texts.text.da}`,
      en: `PLSP is tested alone: hand the change over to PLSP the way the GP system does, with your stand-in for the GP system. ${texts.text.en}`,
    },
  };
}
