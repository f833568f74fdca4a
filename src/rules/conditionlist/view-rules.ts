// What the GP sees: the Diagnosekort view of the GP system (observation `diagnosekort.diagnoses`) must list the
// diagnoses selected for the card, each with the text, codes and status the GP registered, and nothing else.
import type { RegisteredDiagnosis } from './registration.ts';

interface ViewedDiagnosis {
  text?: unknown;
  status?: unknown;
  codes?: unknown;
}

function codesOf(viewed: ViewedDiagnosis): { system?: unknown; code?: unknown }[] {
  return Array.isArray(viewed.codes) ? (viewed.codes as { system?: unknown; code?: unknown }[]) : [];
}

function shows(viewed: ViewedDiagnosis, registration: RegisteredDiagnosis): boolean {
  return codesOf(viewed).some((c) =>
    registration.codes.some((code) => c.system === code.system && c.code === code.code),
  );
}

/** Problems with the observed view against the registrations that should be on the card. */
export function viewShowsRegistered(observed: unknown, onTheCard: RegisteredDiagnosis[]): string[] {
  if (!Array.isArray(observed))
    return [`the observation is not a list of diagnoses (got ${JSON.stringify(observed)?.slice(0, 80)})`];
  const viewed = observed as ViewedDiagnosis[];
  const problems: string[] = [];
  for (const registration of onTheCard) {
    const matches = viewed.filter((v) => shows(v, registration));
    if (matches.length !== 1) {
      problems.push(`"${registration.text}" is shown ${matches.length} times, expected once`);
      continue;
    }
    const [match] = matches;
    if (match?.text !== registration.text)
      problems.push(`"${registration.text}" is shown with the text ${JSON.stringify(match?.text)}`);
    if (match?.status !== registration.status)
      problems.push(
        `"${registration.text}" is shown with status ${JSON.stringify(match?.status)}, registered ${registration.status}`,
      );
  }
  const extra = viewed.filter((v) => !onTheCard.some((r) => shows(v, r)));
  for (const v of extra)
    problems.push(`${JSON.stringify(v.text)} is shown on the Diagnosekort but was not selected for it`);
  return problems;
}
