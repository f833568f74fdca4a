// IHE MHD ITI-65 Provide Document Bundle: SubmissionSet List, DocumentReference and the document as Binary.
import { createHash, randomUUID } from 'node:crypto';
import type { BuiltDocument, SharedCondition } from './document.ts';
import { PROFILES, SOURCE_ID, URI } from './systems.ts';

/** Everything that leaves the GP system for one share; content faults mutate it before it is sealed. */
export interface SharePackage {
  document: fhir4.Bundle<fhir4.FhirResource>;
  conditions: SharedCondition[];
  documentReference: fhir4.DocumentReference;
  transaction: fhir4.Bundle<fhir4.FhirResource>;
}

/** Transaction entries use fullUrl urn:uuid:<resource id>, so fullUrl and id never disagree. */
export const entryUrl = (id: string): string => `urn:uuid:${id}`;

export function buildPackage(
  document: BuiltDocument,
  documentReference: fhir4.DocumentReference,
  binaryId: string,
  timestamp: string,
): SharePackage {
  // Stryker disable next-line LogicalOperator: every DocumentReference built here has an id; the fallback (optional in
  // FHIR's type) is never taken, and a fresh urn:uuid fullUrl would be as valid (FHIR R4 Bundle.entry.fullUrl)
  const documentReferenceUrl = entryUrl(documentReference.id ?? randomUUID());
  const submissionSetId = randomUUID();
  const submissionSet: fhir4.List = {
    resourceType: 'List',
    id: submissionSetId,
    meta: { profile: [PROFILES.mhdSubmissionSet] },
    // 1..1 in the MHD 4.2 Minimal SubmissionSet: which system contributed the submission.
    extension: [{ url: PROFILES.mhdSourceId, valueIdentifier: { system: URI, value: SOURCE_ID } }],
    identifier: [
      { use: 'official', system: URI, value: `urn:uuid:${randomUUID()}` },
      { use: 'usual', system: URI, value: `urn:uuid:${submissionSetId}` },
    ],
    status: 'current',
    mode: 'working',
    code: { coding: [{ system: PROFILES.mhdListTypes, code: 'submissionset' }] },
    date: timestamp,
    entry: [{ item: { reference: documentReferenceUrl } }],
  };
  // Binary.data is filled in by sealPackage, from the document as it finally is.
  const binary: fhir4.Binary = { resourceType: 'Binary', id: binaryId, contentType: 'application/fhir+json' };
  const transaction: fhir4.Bundle<fhir4.FhirResource> = {
    resourceType: 'Bundle',
    meta: { profile: [PROFILES.mhdProvideBundle] },
    type: 'transaction',
    entry: [
      {
        fullUrl: entryUrl(submissionSetId),
        resource: submissionSet,
        request: { method: 'POST', url: 'List' },
      },
      {
        fullUrl: documentReferenceUrl,
        resource: documentReference,
        request: { method: 'POST', url: 'DocumentReference' },
      },
      { fullUrl: entryUrl(binaryId), resource: binary, request: { method: 'POST', url: 'Binary' } },
    ],
  };
  return { document: document.bundle, conditions: document.conditions, documentReference, transaction };
}

/**
 * Serialises the document once and derives everything that depends on its exact bytes: Binary.data and the
 * attachment size and SHA-1 hash. Values a fault has already set are kept, so a fault can make them disagree.
 */
export function sealPackage(pkg: SharePackage): string {
  const bytes = Buffer.from(JSON.stringify(pkg.document)); // UTF-8
  // Stryker disable next-line ArrayDeclaration: buildPackage always gives the transaction its entries
  for (const entry of pkg.transaction.entry ?? []) {
    const resource = entry.resource;
    // Stryker disable next-line OptionalChaining: every transaction entry has a resource (optional in FHIR's type)
    if (resource?.resourceType === 'Binary') resource.data ??= bytes.toString('base64');
  }
  for (const content of pkg.documentReference.content) {
    content.attachment.size ??= bytes.length;
    content.attachment.hash ??= createHash('sha1').update(bytes).digest('base64');
  }
  return JSON.stringify(pkg.transaction);
}
