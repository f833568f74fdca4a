// GMv2 pregnancy grouping without a shared pregnancy id (addendum §C.2, NSP "Indhold og forretningsregler"):
// documents are grouped by due date (Naegele and ultrasound due dates together), the latest-dated ultrasound due
// date wins, a pregnancy spans about 40 weeks up to its due date and is cut short where the next one begins, and
// a document without a due date joins the pregnancy whose period (or the 13 weeks after its due date) holds its
// consultation date; otherwise it stays loose ("Ukendt terminsdato"). Pure; dates are `YYYY-MM-DD`.

/** Due dates closer than this belong to one pregnancy. NSP gives no figure: certbench's choice (provisional). */
export const SAME_PREGNANCY_DAYS = 42;
export const PREGNANCY_DAYS = 280;
export const AFTER_BIRTH_DAYS = 13 * 7;

export interface GroupableDocument {
  id: string;
  consultationDate: string;
  naegeleDueDate?: string;
  ultrasoundDueDate?: string;
}

export interface Pregnancy {
  dueDate: string;
  start: string;
  end: string;
  documents: string[];
}

export interface Grouping {
  pregnancies: Pregnancy[];
  /** Documents that belong to no pregnancy. */
  loose: string[];
}

const DAY = 86_400_000;
const time = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
const dueOf = (d: GroupableDocument): string | undefined => d.ultrasoundDueDate ?? d.naegeleDueDate;

export function groupPregnancies(documents: readonly GroupableDocument[]): Grouping {
  const dated = documents.filter((d) => dueOf(d) !== undefined);
  // Every due date a document carries, so a Naegele and an ultrasound date of one pregnancy fall together.
  const marks = dated
    .flatMap((d) =>
      [d.naegeleDueDate, d.ultrasoundDueDate].filter((x): x is string => !!x).map((due) => ({ due, d })),
    )
    .sort((a, b) => time(a.due) - time(b.due));
  const clusters: GroupableDocument[][] = [];
  let anchor = Number.NEGATIVE_INFINITY;
  for (const { due, d } of marks) {
    if (time(due) - anchor > SAME_PREGNANCY_DAYS * DAY) {
      clusters.push([]);
      anchor = time(due);
    }
    const current = clusters.at(-1) as GroupableDocument[];
    if (!clusters.some((c) => c.includes(d))) current.push(d);
  }
  const pregnancies = clusters
    .filter((c) => c.length > 0)
    .map((members) => ({ dueDate: decisiveDueDate(members), documents: members.map((m) => m.id) }))
    .sort((a, b) => time(a.dueDate) - time(b.dueDate))
    .map((p) => ({ ...p, start: day(time(p.dueDate) - PREGNANCY_DAYS * DAY), end: p.dueDate }));
  // A pregnancy ends, at the latest, the day before the next one begins.
  pregnancies.forEach((p, i) => {
    const next = pregnancies[i + 1];
    if (next && time(p.end) >= time(next.start)) p.end = day(time(next.start) - DAY);
  });
  const loose: string[] = [];
  for (const d of documents.filter((x) => dueOf(x) === undefined)) {
    const home = pregnancyOn(pregnancies, d.consultationDate);
    if (home) home.documents.push(d.id);
    else loose.push(d.id);
  }
  return { pregnancies, loose };
}

/** The ultrasound due date of the latest-dated document that has one, else the latest Naegele due date. */
function decisiveDueDate(members: GroupableDocument[]): string {
  const latestFirst = [...members].sort((a, b) => time(b.consultationDate) - time(a.consultationDate));
  return (latestFirst.find((m) => m.ultrasoundDueDate)?.ultrasoundDueDate ??
    latestFirst.find((m) => m.naegeleDueDate)?.naegeleDueDate) as string;
}

function pregnancyOn(pregnancies: Pregnancy[], date: string): Pregnancy | undefined {
  const t = time(date);
  const within = pregnancies.find((p) => t >= time(p.start) && t <= time(p.end));
  if (within) return within;
  return pregnancies.find((p, i) => {
    const next = pregnancies[i + 1];
    const limit = Math.min(
      time(p.dueDate) + AFTER_BIRTH_DAYS * DAY,
      next ? time(next.start) - DAY : Infinity,
    );
    return t > time(p.end) && t <= limit;
  });
}
