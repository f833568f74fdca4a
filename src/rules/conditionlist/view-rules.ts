// What the GP sees: the Diagnosekort view of the GP system (observation `diagnosekort.diagnoses`) lists the diagnoses
// on the card of the patient's current clinic, each with the codes, text and status the GP registered, a Private
// marking where the GP set one, the tillægstekst where one was registered, and nothing else.
import { codedKey, expectedText, label, type RegisteredDiagnosis } from './registration.ts';

interface ViewedDiagnosis {
  text?: unknown;
  status?: unknown;
  codes?: unknown;
  private?: unknown;
  abatement?: unknown;
  note?: unknown;
}

/** A diagnosis expected on the card, with its Private marking. */
export type CardDiagnosis = RegisteredDiagnosis & { private?: boolean };

function codesOf(viewed: ViewedDiagnosis): { system?: string; code?: string }[] {
  return Array.isArray(viewed.codes) ? (viewed.codes as { system?: string; code?: string }[]) : [];
}

function shows(viewed: ViewedDiagnosis, registration: RegisteredDiagnosis): boolean {
  return (
    codedKey(codesOf(viewed)) === codedKey(registration.codes) &&
    (viewed.text ?? undefined) === expectedText(registration)
  );
}

/** Problems with the observed view against the diagnoses that should be on the card. */
export function viewShowsCard(observed: unknown, card: CardDiagnosis[]): string[] {
  if (!Array.isArray(observed))
    return [`the observation is not a list of diagnoses (got ${JSON.stringify(observed)?.slice(0, 80)})`];
  const viewed = observed as ViewedDiagnosis[];
  const problems: string[] = [];
  const used = new Set<ViewedDiagnosis>();
  for (const registration of card) {
    const match = viewed.find((v) => !used.has(v) && shows(v, registration));
    if (!match) {
      problems.push(`${label(registration)} is not shown on the Diagnosekort`);
      continue;
    }
    used.add(match);
    if (match.status !== registration.status)
      problems.push(
        `${label(registration)} is shown with status ${JSON.stringify(match.status)}, registered ${registration.status}`,
      );
    // The tillægstekst is the GP's own: never shared (3.3.1.11), but kept and shown locally, as registered ("The
    // listed information is added to the patient's diagnosis card", 3.3.1.2 and 3.3.2.1 with Table 1's notes).
    if (registration.note !== undefined && match.note !== registration.note)
      problems.push(
        `${label(registration)} is shown with tillægstekst ${JSON.stringify(match.note)}, registered ${JSON.stringify(registration.note)}`,
      );
    if ((match.private === true) !== (registration.private === true))
      problems.push(
        `${label(registration)} is shown ${match.private === true ? 'marked' : 'not marked'} Private, registered ${registration.private ? 'Private' : 'not Private'}`,
      );
  }
  for (const v of viewed.filter((x) => !used.has(x)))
    problems.push(
      `${JSON.stringify(v.text ?? codesOf(v).map((c) => c.code))} is shown on the Diagnosekort but is not on it`,
    );
  return problems;
}
