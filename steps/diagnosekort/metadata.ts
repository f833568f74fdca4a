// Checks on the sharing metadata (the DocumentReference of the Provide Document Bundle).
import { Then } from '@cucumber/cucumber';
import {
  homeCommunityId,
  masterIdentifierIsDocumentIdentifier,
  metadataPatient,
} from '../../src/rules/mhd/metadata-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { documentOf, documentReferenceOf, latestVersion } from './state.ts';

Then(
  'the sharing metadata names the home community {string}',
  async function (this: CertbenchWorld, expected: string) {
    this.verify(
      'homeCommunityId',
      homeCommunityId(documentReferenceOf(await latestVersion(this)), expected),
      { location: 'DocumentReference.extension', expected },
    );
  },
);

Then(
  "the sharing metadata's masterIdentifier is the document's Bundle.identifier",
  async function (this: CertbenchWorld) {
    const version = await latestVersion(this);
    this.verify(
      'masterIdentifier = Bundle.identifier',
      masterIdentifierIsDocumentIdentifier(documentReferenceOf(version), documentOf(version)),
      {
        location: 'DocumentReference.masterIdentifier',
      },
    );
  },
);

Then(
  'the sharing metadata identifies the patient by the CPR {string}',
  async function (this: CertbenchWorld, cpr: string) {
    this.verify(
      'metadata patient CPR',
      metadataPatient(documentReferenceOf(await latestVersion(this)), cpr),
      {
        location: 'DocumentReference.subject, context.sourcePatientInfo',
        expected: cpr,
      },
    );
  },
);
