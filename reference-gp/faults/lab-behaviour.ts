// What only the lab sharing behaviour faults do (reference-gp/lab/ calls it under a fault switch, never when
// conforming): delete a result in the database, give a result new identifiers, derive identifiers from a seed, act
// on the shared results when the journal leaves the clinic.
import { createHash, randomUUID } from 'node:crypto';
import { request } from 'undici';
import type { GpContext } from '../context.ts';
import type { LabPerson } from '../lab/persons.ts';
import type { LabResult } from '../lab/records.ts';
import { databaseUrl } from '../lab/send.ts';
import { shareFollowUp } from '../lab/share.ts';

/** An HTTP DELETE of the result in the database it was last sent to (never done by a conforming system). */
export async function deleteInDatabase(ctx: GpContext, result: LabResult): Promise<void> {
  const sent = result.messages.at(-1);
  if (!sent) return;
  const url = `${databaseUrl(ctx, sent.database).replace(/\/$/, '')}/DiagnosticReport?identifier=${encodeURIComponent(result.identifier)}`;
  const response = await request(url, {
    method: 'DELETE',
    dispatcher: ctx.dispatcher,
    headersTimeout: 30_000,
  });
  await response.body.text();
}

/** New identifiers for the report and every analysis, and no sent messages: the result as if new. */
export function renewed(result: LabResult): Partial<LabResult> {
  return {
    identifier: `urn:uuid:${randomUUID()}`,
    messages: [],
    analyses: result.analyses.map((a) => ({ ...a, identifier: `urn:uuid:${randomUUID()}` })),
  };
}

/** Fault lab-reuse-identifiers: identifiers derived from the patient and the NPU code, shared between results. */
export function reuseIdentifiers(result: LabResult): void {
  result.identifier = seededIdentifier(`${result.person} report ${result.analyses[0]?.npu ?? ''}`);
  for (const a of result.analyses) a.identifier = seededIdentifier(`${result.person} ${a.npu ?? a.display}`);
}

/** A urn:uuid derived from a seed, so results with the same seed share it. */
function seededIdentifier(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Journal transfer: a conforming system sends nothing; these faults cancel or delete the shared results. */
export async function transferFaults(
  ctx: GpContext,
  to: 'new-clinic' | 'styrelsen-for-patientsikkerhed',
  results: LabResult[],
  person: LabPerson,
): Promise<void> {
  for (const result of results.filter((r) => r.messages.length > 0 && r.status !== 'cancelled')) {
    if (to === 'new-clinic' && ctx.faults.has('lab-transfer-cancels-results')) {
      result.status = 'cancelled';
      result.cancelReason = 'Journal overdraget';
      await shareFollowUp(ctx, result, person, 'retract-message', 'removal');
    }
    if (to === 'styrelsen-for-patientsikkerhed' && ctx.faults.has('lab-closing-deletes-results'))
      await deleteInDatabase(ctx, result);
  }
}
