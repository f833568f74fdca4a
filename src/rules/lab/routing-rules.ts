import { agreedAnalysis } from './agreed-analyses.ts';
import { codingsOf, describe, npuCodeOf, type LabMessage } from './message.ts';
import { CATEGORY_OF, DATABASE_NAME, DATABASE_OF, LAB_SYSTEM, type Database } from './model.ts';
import { concerns, label, type RegisteredResult } from './registered.ts';

/** A message as one of the national databases received it. */
export interface ReceivedMessage {
  database: Database;
  message: LabMessage;
  /** When the counterpart received it (ISO instant). */
  receivedAt: string;
}

/** The result reached the expected database (LABA for biochemistry, MiBA for microbiology). */
export function reachedDatabase(
  received: ReceivedMessage[],
  result: RegisteredResult,
  expected: Database,
): string[] {
  if (received.some((r) => r.database === expected && concerns(r.message, result))) return [];
  const elsewhere = received.filter((r) => concerns(r.message, result)).map((r) => DATABASE_NAME[r.database]);
  return [
    `${label(result)} did not reach ${DATABASE_NAME[expected]}${elsewhere.length ? ` (it reached ${elsewhere.join(', ')})` : ' (nothing was sent)'}`,
  ];
}

/** Every message went to the database of its discipline: category and every NPU code match the database. */
export function nothingMisrouted(received: ReceivedMessage[]): string[] {
  return received.flatMap(({ database, message }) => {
    const name = DATABASE_NAME[database];
    const expected = Object.entries(DATABASE_OF).find(
      ([, db]) => db === database,
    )?.[0] as keyof typeof CATEGORY_OF;
    const problems: string[] = [];
    const categories = (Array.isArray(message.report?.category) ? message.report.category : [])
      .flatMap((c) => codingsOf(c))
      .filter((c) => c.system === LAB_SYSTEM.diagnosticService)
      .map((c) => c.code);
    if (!categories.includes(CATEGORY_OF[expected]))
      problems.push(
        `${describe(message.report)} reached ${name} with category ${JSON.stringify(categories)}, expected ${LAB_SYSTEM.diagnosticService}|${CATEGORY_OF[expected]}`,
      );
    for (const o of message.observations) {
      const agreed = agreedAnalysis(npuCodeOf(o));
      if (agreed && DATABASE_OF[agreed.discipline] !== database)
        problems.push(`${describe(o)} is ${agreed.discipline} but reached ${name}`);
    }
    return problems;
  });
}
