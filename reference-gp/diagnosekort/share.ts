// The share flow: choose the diagnoses, assemble the document and its metadata, apply content faults at the
// single exit point, seal, submit, and remember the version so the next one can replace it.
import { randomUUID } from 'node:crypto';
import type { GpContext } from '../context.ts';
import { applyContentFaults } from '../faults/mutations.ts';
import { invalid } from '../http/problem.ts';
import type { PatientRecord } from '../state.ts';
import { danishDateTime } from '../time.ts';
import { buildDocument, documentTitle } from './document.ts';
import { buildDocumentReference } from './document-reference.ts';
import { diagnosesToShare, lastChange } from './selection.ts';
import { submitTransaction } from './submit.ts';
import { buildPackage, entryUrl, sealPackage } from './transaction.ts';

export async function shareDiagnosekort(
  ctx: GpContext,
  record: PatientRecord,
): Promise<{ documentId: string }> {
  const { faults } = ctx;
  const documentSharing = ctx.session?.counterparts['documentSharing'];
  if (!documentSharing)
    throw invalid(
      'no document sharing address: PUT /certbench/v1/session with counterparts.documentSharing first',
    );
  const diagnoses = diagnosesToShare(record, faults);
  // Protocol 3.3.7.2: with nothing to share no ConditionList document is made; the GP system refuses.
  // Fault: a document with an empty section is assembled and submitted instead.
  if (diagnoses.length === 0 && !faults.has('share-empty-card')) {
    throw invalid(
      `the Diagnosekort of patient ${record.patient.cpr} at the ${record.clinic} clinic has nothing to share ` +
        '(no diagnosis on the card that is neither Private nor deleted): no ConditionList document is made',
    );
  }
  const first = record.shared[0];
  // Fault: every new version replaces the second version shared, not the latest.
  const previous = record.shared.at(faults.has('replaces-second-version') ? 1 : -1);
  // Fault: the document identity of the first version is reused for every later version.
  const reused = faults.has('reuse-document-identifier') ? first : undefined;
  const documentIdentifier = reused?.documentIdentifier ?? `urn:uuid:${randomUUID()}`;
  const bundleId = reused?.bundleId ?? randomUUID();
  // Fault: Composition.date is frozen at the first version's value.
  const timestamp = danishDateTime(ctx.clock());
  // Only a faulty empty share can meet a card that never changed; it is then dated at the assembly.
  const compositionDate =
    (faults.has('stale-composition-date') ? first?.compositionDate : undefined) ??
    lastChange(record) ??
    timestamp;

  const document = buildDocument({
    state: ctx.state,
    record,
    diagnoses,
    bundleId,
    documentIdentifier,
    compositionDate,
    timestamp,
    faults,
  });
  const binaryId = randomUUID();
  const documentReferenceIdentifier = `urn:uuid:${randomUUID()}`;
  const documentReference = buildDocumentReference({
    record,
    documentIdentifier,
    documentReferenceIdentifier,
    attachmentUrl: entryUrl(binaryId),
    title: documentTitle(record.patient.cpr),
    timestamp,
    previous,
    faults,
  });
  const pkg = buildPackage(document, documentReference, binaryId, timestamp);
  applyContentFaults(pkg, faults);
  const body = sealPackage(pkg);

  // Faults: the GP is told the Diagnosekort was shared, but nothing (or no new version) is sent. (Inline, so that
  // the mutation ignorer sees a condition only the faults decide.)
  if (!(
    faults.has('share-without-submitting') ||
    (faults.has('share-only-first-version') && previous !== undefined)
  ))
    await submitTransaction(ctx.dispatcher, documentSharing, body);

  record.shared.push({ documentIdentifier, bundleId, documentReferenceIdentifier, compositionDate });
  // The answer names the document as it was sent, also when a content fault changed its identifier.
  return { documentId: pkg.document.identifier?.value ?? documentIdentifier };
}
