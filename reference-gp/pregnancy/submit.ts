// Submits one GMv2 document to national document sharing as an IHE MHD ITI-65 Provide Document Bundle, in the
// format the system runs as (CDA or FHIR). Reuses the Diagnosekort transaction and submission; the metadata is
// the GMv2 one (formatCode, typeCode PSCR/PMR/PRF, classCode 001). Optional hooks let a caller change what leaves
// (the fault catalogue does); each runs at the single point where that part is final.
import { createHash, randomUUID } from 'node:crypto';
import type { GpContext } from '../context.ts';
import { containedOrganization, containedPatient } from '../diagnosekort/participants.ts';
import { PRACTICE } from '../test-data.ts';
import { submitTransaction } from '../diagnosekort/submit.ts';
import { CONFIDENTIALITY, HOME_COMMUNITY, PROFILES, SNOMED_OID, URI } from '../diagnosekort/systems.ts';
import { buildPackage, entryUrl, sealPackage } from '../diagnosekort/transaction.ts';
import { invalid } from '../http/problem.ts';
import { danishDateTime } from '../time.ts';
import { buildCdaDocument } from './cda-document.ts';
import { GMV2, OID, urnOid, type DocumentFormat } from './codes.ts';
import { buildFhirDocument } from './fhir-document.ts';
import type { SharedGmDocument } from './records.ts';
import type { GmDocumentSpec } from './spec.ts';

export interface GmSubmitHooks {
  spec?: (spec: GmDocumentSpec) => void;
  fhir?: (bundle: fhir4.Bundle<fhir4.FhirResource>) => void;
  /** Returns the changed CDA text. */
  cda?: (text: string) => string;
  metadata?: (documentReference: fhir4.DocumentReference, previous: SharedGmDocument | undefined) => void;
  /** False: build everything but send nothing (a system that only pretends to share). */
  send?: boolean;
}

export interface GmSubmitInput {
  spec: GmDocumentSpec;
  format: DocumentFormat;
  /** The version this one replaces, if any. */
  previous?: SharedGmDocument;
  hooks?: GmSubmitHooks;
}

/** The document's bytes in the chosen format. */
export function renderDocument(
  spec: GmDocumentSpec,
  format: DocumentFormat,
  hooks: GmSubmitHooks = {},
): Buffer {
  if (format === 'fhir') {
    const bundle = buildFhirDocument(spec);
    hooks.fhir?.(bundle);
    return Buffer.from(JSON.stringify(bundle));
  }
  const text = buildCdaDocument(spec);
  return Buffer.from(hooks.cda ? hooks.cda(text) : text);
}

interface MetadataInput {
  spec: GmDocumentSpec;
  format: DocumentFormat;
  masterIdentifier: string;
  documentReferenceIdentifier: string;
  attachmentUrl: string;
  timestamp: string;
  previous: SharedGmDocument | undefined;
}

export function gmDocumentReference(input: MetadataInput): fhir4.DocumentReference {
  const type = GMV2.documentTypes[input.spec.kind];
  const patient = containedPatient(input.spec.patient, 'patient');
  return {
    resourceType: 'DocumentReference',
    id: randomUUID(),
    contained: [patient, containedOrganization('organization', PRACTICE)],
    extension: [
      {
        url: PROFILES.homeCommunityExtension,
        valueCoding: { system: HOME_COMMUNITY, code: '1.2.208.176.8.1' },
      },
    ],
    masterIdentifier: { system: URI, value: input.masterIdentifier },
    identifier: [{ system: URI, value: input.documentReferenceIdentifier }],
    status: 'current',
    type: { coding: [{ system: urnOid(OID.medcom), code: input.spec.kind, display: type.typeDisplay }] },
    category: [
      {
        coding: [
          { system: GMV2.classCodeSystem, code: GMV2.classCodeClinicalReport, display: 'Klinisk rapport' },
        ],
      },
    ],
    subject: { reference: '#patient' },
    date: input.timestamp,
    author: [{ reference: '#organization' }],
    ...(input.previous
      ? {
          relatesTo: [
            {
              code: 'replaces',
              target: { identifier: { system: URI, value: input.previous.documentReferenceIdentifier } },
            },
          ],
        }
      : {}),
    securityLabel: [{ coding: [{ system: CONFIDENTIALITY, code: 'N', display: 'normal' }] }],
    content: [
      {
        attachment: {
          contentType: GMV2.contentTypes[input.format],
          language: 'da',
          url: input.attachmentUrl,
          title: type.title,
          creation: input.timestamp,
        },
        format: { system: GMV2.formatCodeSystem, code: type.formatCode, display: type.formatDisplay },
      },
    ],
    context: {
      facilityType: { coding: [{ system: SNOMED_OID, code: '394761003', display: 'almen lægepraksis' }] },
      practiceSetting: { coding: [{ system: SNOMED_OID, code: '408443003', display: 'almen medicin' }] },
      sourcePatientInfo: { reference: '#patient' },
    },
  };
}

/** Builds, seals and submits one document; returns what the next version needs to replace it. */
export async function submitGmDocument(ctx: GpContext, input: GmSubmitInput): Promise<SharedGmDocument> {
  const documentSharing = ctx.session?.counterparts['documentSharing'];
  if (!documentSharing)
    throw invalid(
      'no document sharing address: PUT /certbench/v1/session with counterparts.documentSharing first',
    );
  const hooks = input.hooks ?? {};
  const spec = structuredClone(input.spec);
  hooks.spec?.(spec);
  const bytes = renderDocument(spec, input.format, hooks);
  const timestamp = danishDateTime(ctx.clock());
  const binaryId = randomUUID();
  const shared: SharedGmDocument = {
    kind: spec.kind,
    documentId: spec.documentId,
    setId: spec.setId,
    version: spec.version,
    documentReferenceIdentifier: `urn:uuid:${randomUUID()}`,
    masterIdentifier: `urn:uuid:${spec.documentId}`,
  };
  const documentReference = gmDocumentReference({
    spec,
    format: input.format,
    masterIdentifier: shared.masterIdentifier,
    documentReferenceIdentifier: shared.documentReferenceIdentifier,
    attachmentUrl: entryUrl(binaryId),
    timestamp,
    previous: input.previous,
  });
  hooks.metadata?.(documentReference, input.previous);
  // The Diagnosekort package is FHIR-shaped; the exact bytes are set here so it carries CDA just as well.
  const pkg = buildPackage(
    // Stryker disable next-line all: a placeholder; the Binary gets the document's bytes below, before anything is sent
    { bundle: { resourceType: 'Bundle', type: 'document' }, conditions: [] },
    documentReference,
    binaryId,
    timestamp,
  );
  // Stryker disable next-line ArrayDeclaration: buildPackage always gives the transaction its entries
  for (const entry of pkg.transaction.entry ?? [])
    if (entry.resource?.resourceType === 'Binary') {
      entry.resource.contentType = GMV2.contentTypes[input.format];
      entry.resource.data = bytes.toString('base64');
    }
  for (const content of documentReference.content) {
    content.attachment.size ??= bytes.length;
    content.attachment.hash ??= createHash('sha1').update(bytes).digest('base64');
  }
  const body = sealPackage(pkg);
  if (hooks.send !== false) await submitTransaction(ctx.dispatcher, documentSharing, body);
  return shared;
}
