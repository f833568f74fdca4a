// pregnancy.share: the GP shares the current pregnancy's Vandrejournal (PSCR) and/or Målinger (PMR) with
// Graviditetsmappen, each as a new version of its document, in the format the system runs as.
import { randomUUID } from 'node:crypto';
import type { GpContext } from '../context.ts';
import { pregnancyHooks } from '../faults/pregnancy-mutations.ts';
import { invalid } from '../http/problem.ts';
import { patientRecord, type Input } from '../input.ts';
import { PRACTICE, type TestPatient } from '../test-data.ts';
import { danishDateTime } from '../time.ts';
import type { DocumentFormat, DocumentKind } from './codes.ts';
import { pmrEntries, pscrEntries } from './entries.ts';
import type { PregnancyRecord, SharedGmDocument } from './records.ts';
import { pregnanciesOf } from './register.ts';
import type { GmDocumentSpec, GmEntrySpec } from './spec.ts';
import { submitGmDocument, type GmSubmitHooks } from './submit.ts';

export const PROTOCOL_ID = 'vandrejournal-maalinger';

/** The variant the system was started as wins (a deployed system is one format); else the session's; else CDA. */
export function documentFormat(ctx: GpContext, protocol = PROTOCOL_ID): DocumentFormat {
  const variant = ctx.variants[protocol] ?? ctx.session?.variants?.[protocol];
  return variant === 'fhir' ? 'fhir' : 'cda';
}

/** The next version of a document of this kind: same set id, next number, a new document id. */
export function nextVersion(
  kind: DocumentKind,
  patient: TestPatient,
  entries: GmEntrySpec[],
  time: string,
  previous: SharedGmDocument | undefined,
): GmDocumentSpec {
  return {
    kind,
    patient,
    author: { sor: PRACTICE.sor, name: PRACTICE.name },
    documentId: randomUUID(),
    setId: previous?.setId ?? randomUUID(),
    version: (previous?.version ?? 0) + 1,
    time,
    entries,
  };
}

const ENTRIES: Record<'PSCR' | 'PMR', (p: PregnancyRecord) => GmEntrySpec[]> = {
  PSCR: pscrEntries,
  PMR: pmrEntries,
};

function kindsOf(input: Input): ('PSCR' | 'PMR')[] {
  const value = input['documents'];
  if (value === undefined) return ['PSCR', 'PMR'];
  if (!Array.isArray(value) || value.length === 0 || value.some((k) => k !== 'PSCR' && k !== 'PMR'))
    throw invalid('input.documents must be a non-empty list of PSCR and/or PMR');
  return [...new Set(value as ('PSCR' | 'PMR')[])];
}

/**
 * Shares the current pregnancy's documents of these kinds in this format, each as the next version of that
 * pregnancy's document; returns what was shared. Reusable by other flows (DSJ updates the Vandrejournal).
 */
export async function shareCurrentPregnancy(
  ctx: GpContext,
  patient: TestPatient,
  kinds: readonly ('PSCR' | 'PMR')[],
  format: DocumentFormat,
): Promise<SharedGmDocument[]> {
  const pregnancies = pregnanciesOf(ctx, patient.cpr);
  const pregnancy = pregnancies.at(-1);
  if (!pregnancy) throw invalid(`patient ${patient.cpr} has no pregnancy: register a visit first`);
  const { faults } = ctx;
  const out: SharedGmDocument[] = [];
  for (const kind of kinds) {
    const entries = ENTRIES[kind](pregnancy);
    if (entries.length === 0) throw invalid(`the pregnancy has nothing to share in a ${kind} document yet`);
    // Fault: the version chain runs across pregnancies, so a new pregnancy's document replaces the old one's.
    const chain = faults.has('gm-new-pregnancy-continues-old-document')
      ? pregnancies.flatMap((p) => p.shared)
      : pregnancy.shared;
    const previous = chain.filter((s) => s.kind === kind).at(-1);
    const spec = nextVersion(kind, patient, entries, danishDateTime(ctx.clock()), previous);
    const hooks: GmSubmitHooks = pregnancyHooks(faults, { format, pregnancies, previous });
    // Fault: the Målinger are built but never sent.
    if (kind === 'PMR' && faults.has('gm-pmr-not-sent')) hooks.send = false;
    const shared = await submitGmDocument(ctx, { spec, format, ...(previous ? { previous } : {}), hooks });
    pregnancy.shared.push(shared);
    out.push(shared);
  }
  return out;
}

export async function sharePregnancy(ctx: GpContext, input: Input): Promise<Record<string, unknown>> {
  const record = patientRecord(ctx.state, input['patient']);
  const shared = await shareCurrentPregnancy(ctx, record.patient, kindsOf(input), documentFormat(ctx));
  return { documents: shared.map((s) => ({ type: s.kind, documentId: s.documentId, version: s.version })) };
}
