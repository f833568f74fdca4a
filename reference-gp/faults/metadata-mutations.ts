// Content faults in the sharing metadata (DocumentReference) and the MHD transaction around the document.
import { createHash, randomUUID } from 'node:crypto';
import { LOINC_OID, PROFILES, SNOMED_OID } from '../diagnosekort/systems.ts';
import { CLINICS, TEST_PATIENTS } from '../test-data.ts';
import type { ContentFault } from './catalogue.ts';
import type { Mutation } from './document-mutations.ts';
import { attachments, containedPatient, submissionSet } from './package-access.ts';

export const TRANSPORT_MUTATIONS = {
  'transaction-type-batch': (pkg) => {
    pkg.transaction.type = 'batch';
  },
  'submission-set-missing': (pkg) => {
    pkg.transaction.entry = (pkg.transaction.entry ?? []).filter((e) => e.resource?.resourceType !== 'List');
  },
  'transaction-entry-without-request': (pkg) => {
    const binary = (pkg.transaction.entry ?? []).find((e) => e.resource?.resourceType === 'Binary');
    if (binary) delete binary.request;
  },
  'binary-without-content-type': (pkg) => {
    for (const entry of pkg.transaction.entry ?? [])
      if (entry.resource?.resourceType === 'Binary')
        delete (entry.resource as { contentType?: string }).contentType;
  },
  'submission-set-empty-identifier': (pkg) => {
    for (const identifier of submissionSet(pkg)?.identifier ?? [])
      if (identifier.use === 'usual') identifier.value = '';
  },
  'submission-set-source-id-not-oid': (pkg) => {
    const sourceId = submissionSet(pkg)?.extension?.find((e) => e.url === PROFILES.mhdSourceId);
    if (sourceId) sourceId.valueIdentifier = { value: CLINICS.current.sor };
  },
  'hash-mismatch': (pkg) => {
    // Set before sealing, so the hash of other bytes survives (sealPackage only fills in missing values).
    const wrong = createHash('sha1').update('not the shared document').digest('base64');
    for (const attachment of attachments(pkg)) attachment.hash = wrong;
  },
  'document-not-binary': (pkg) => {
    const entries = pkg.transaction.entry ?? [];
    const index = entries.findIndex((e) => e.resource?.resourceType === 'Binary');
    const binary = entries[index];
    if (binary === undefined) return;
    entries[index] = {
      fullUrl: binary.fullUrl,
      resource: pkg.document,
      request: { method: 'POST', url: 'Bundle' },
    };
  },
} satisfies Partial<Record<ContentFault, Mutation>>;

export const METADATA_MUTATIONS = {
  'metadata-empty-relates-to': (pkg) => {
    // A first version that still writes its (empty) list of replaced documents.
    pkg.documentReference.relatesTo ??= [];
  },
  'metadata-without-version-id': (pkg) => {
    pkg.documentReference.extension = (pkg.documentReference.extension ?? []).filter(
      (e) => e.url !== PROFILES.versionIdExtension,
    );
  },
  'wrong-type-code': (pkg) => {
    pkg.documentReference.type = {
      coding: [{ system: LOINC_OID, code: '11488-4', display: 'Consult note' }],
    };
  },
  'wrong-class-code': (pkg) => {
    for (const coding of pkg.documentReference.category?.flatMap((c) => c.coding ?? []) ?? [])
      coding.code = '002';
  },
  'wrong-format-code': (pkg) => {
    for (const content of pkg.documentReference.content) {
      if (content.format)
        content.format = {
          ...content.format,
          code: 'urn:ad:dk:medcom:cpd-v1.0.1:full',
          display: 'DK CPD schema',
        };
    }
  },
  'wrong-facility-type': (pkg) => {
    const context = pkg.documentReference.context;
    if (context)
      context.facilityType = { coding: [{ system: SNOMED_OID, code: '22232009', display: 'sygehus' }] };
  },
  'wrong-security-label': (pkg) => {
    for (const coding of pkg.documentReference.securityLabel?.flatMap((l) => l.coding ?? []) ?? []) {
      coding.code = 'R';
      coding.display = 'restricted';
    }
  },
  'wrong-attachment-language': (pkg) => {
    for (const attachment of attachments(pkg)) attachment.language = 'en';
  },
  'wrong-mime-type': (pkg) => {
    for (const attachment of attachments(pkg)) attachment.contentType = 'application/json';
  },
  'wrong-home-community-id': (pkg) => {
    for (const extension of pkg.documentReference.extension ?? []) {
      if (extension.valueCoding) extension.valueCoding.code = '1.2.208.193.100';
    }
  },
  'master-identifier-mismatch': (pkg) => {
    pkg.documentReference.masterIdentifier = {
      system: 'urn:ietf:rfc:3986',
      value: `urn:uuid:${randomUUID()}`,
    };
  },
  'metadata-patient-differs': (pkg) => {
    const contained = containedPatient(pkg);
    const own = contained.identifier?.[0]?.value;
    const other = TEST_PATIENTS.find((p) => p.cpr !== own)?.cpr ?? '0201609995';
    for (const identifier of contained.identifier ?? []) identifier.value = other;
  },
} satisfies Partial<Record<ContentFault, Mutation>>;
