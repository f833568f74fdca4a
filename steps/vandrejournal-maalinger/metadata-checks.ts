// Checks on the sharing metadata (DocumentReference) of every shared Vandrejournal and Målinger.
import { Then } from '@cucumber/cucumber';
import type { Resource } from '../../src/fhir/bundle.ts';
import { emptyJsonElements } from '../../src/fhir/structural.ts';
import { homeCommunityId, metadataPatient } from '../../src/rules/mhd/metadata-rules.ts';
import {
  contentTypeOfFormat,
  formatCode,
  generalPracticeMetadata,
  practiceDocumentEntry,
  typeAndClassCode,
} from '../../src/rules/pregnancy/metadata-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { declaredFormat, scenarioOf, sharedDocuments, type SharedDocument } from './state.ts';

/** The national document sharing community (MedCom XDS metadata: homeCommunityId, medcom-standards.md §10). */
const HOME_COMMUNITY_ID = '1.2.208.176.8.1';

async function overMetadata(
  world: CertbenchWorld,
  rule: (r: Resource, s: SharedDocument) => string[],
): Promise<string[]> {
  return (await sharedDocuments(world)).flatMap((s) => {
    const reference = s.read.unpacked.documentReference;
    if (!reference) return [`${s.share.name}: no DocumentReference`];
    return rule(reference, s).map((p) => `${s.share.name}: ${p}`);
  });
}

Then('the formatCode of each document is its GMv2 format code', async function (this: CertbenchWorld) {
  const problems = await overMetadata(this, (r, s) => formatCode(r, s.share.kind));
  this.verify('formatCode', problems, {
    expected: 'urn:ad:dk:medcom:pscr-v1.0:full / urn:ad:dk:medcom:pmr-v1.0:full',
  });
});

Then(
  'the typeCode of each document is its type under the MedCom OID and the classCode is 001',
  async function (this: CertbenchWorld) {
    const problems = await overMetadata(this, (r, s) => typeAndClassCode(r, s.share.kind));
    this.verify('typeCode and classCode', problems, {
      expected: 'urn:oid:1.2.208.184.100.1|PSCR or PMR; urn:oid:1.2.208.184.100.9|001',
    });
  },
);

Then(
  "the metadata carries the document's MIME type and the pregnant woman's CPR",
  async function (this: CertbenchWorld) {
    const format = declaredFormat(this);
    const { patient } = scenarioOf(this);
    const problems = await overMetadata(this, (r) => [
      ...contentTypeOfFormat(r, format),
      ...metadataPatient(r, patient),
    ]);
    this.verify('MIME type and patient', problems, {
      expected: `${format === 'cda' ? 'text/xml' : 'application/fhir+json'}; CPR ${patient}`,
    });
  },
);

Then(
  'the metadata names the national home community and a general practice: confidentiality, facility type and practice setting, and the practice as author of a current Danish document',
  async function (this: CertbenchWorld) {
    const problems = await overMetadata(this, (r, s) => [
      ...homeCommunityId(r, HOME_COMMUNITY_ID),
      ...generalPracticeMetadata(r),
      ...practiceDocumentEntry(r, s.read.read?.document),
      // FHIR R4 JSON has no empty strings, objects or arrays (as DK-XDS-10 for the Diagnosekort).
      ...emptyJsonElements(r, 'DocumentReference'),
    ]);
    this.verify('home community and general practice', problems, {
      expected: `homeCommunityId ${HOME_COMMUNITY_ID}; confidentiality N; facilityType 394761003; practiceSetting 408443003; status current; author the practice's SOR id; language da; no empty JSON elements`,
    });
  },
);
