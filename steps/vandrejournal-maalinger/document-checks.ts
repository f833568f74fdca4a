// Checks on each shared GMv2 document as a document: transport, format, header, identity, participants and the
// generic entry rules. "the Vandrejournal" is the PSCR, "the Målinger" the PMR; each check covers every version
// the scenario shared.
import { Then } from '@cucumber/cucumber';
import {
  cdaConfidentialityAndLanguage,
  cdaCustodian,
  cdaEffectiveTime,
  cdaIdentity,
  cdaRecordTarget,
  declaresCdaStandard,
} from '../../src/rules/pregnancy/cda-header-rules.ts';
import { DOCUMENT_TYPES, type DocumentKind } from '../../src/rules/pregnancy/codes.ts';
import {
  authorIsOneSorOrganization,
  documentTime,
  documentType,
  entriesFinal,
  entryCodeSystems,
  pregnancyEpisodeReference,
  pscrSections,
  patientIsCpr,
  patientNameAndGender,
  narrativeShowsEntries,
} from '../../src/rules/pregnancy/content-rules.ts';
import { structuralIssues } from '../../src/fhir/structural.ts';
import { transactionRequestProblems } from '../../src/rules/mhd/transaction-rules.ts';
import { compositionConstraints } from '../../src/rules/pregnancy/fhir-structure-rules.ts';
import { masterIdentifierNamesDocument } from '../../src/rules/pregnancy/metadata-rules.ts';
import type { GmDocument } from '../../src/rules/pregnancy/model.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { sexOfCpr, TEST_PERSONS } from '../../src/rules/test-persons.ts';
import { declaredFormat, documentOf, scenarioOf, sharesOf, type SharedDocument } from './state.ts';

export const KIND: Record<string, DocumentKind> = { Vandrejournal: 'PSCR', Målinger: 'PMR' };
const DOC = '(Vandrejournal|Målinger)';

/** Problems of a rule over every shared version of a document kind, each prefixed with the version. */
export async function overVersions(
  world: CertbenchWorld,
  name: string,
  rule: (shared: SharedDocument, document: GmDocument) => string[],
): Promise<string[]> {
  const kind = KIND[name] as DocumentKind;
  const shares = await sharesOf(world, kind);
  return shares.flatMap((s, i) => {
    const prefix = shares.length > 1 ? `${kind} version ${i + 1}: ` : `${kind}: `;
    return rule(s, documentOf(s)).map((p) => prefix + p);
  });
}

Then(
  new RegExp(
    `^the ${DOC} reach(?:es)? national document sharing as a Provide Document Bundle with the document as Binary$`,
  ),
  async function (this: CertbenchWorld, name: string) {
    const kind = KIND[name] as DocumentKind;
    const shares = await sharesOf(this, kind);
    const problems = shares.flatMap((s) => [
      ...(s.submission.parseError ? [`the submission is not JSON: ${s.submission.parseError}`] : []),
      ...s.read.unpacked.problems,
    ]);
    this.verify(`${kind} submitted as ITI-65`, problems, {
      expected:
        'one DocumentReference whose attachment url, size and SHA-1 hash match a Binary holding the document',
    });
    // The envelope as FHIR R4 defines a transaction (bdl-3, the RESTful create/update urls) and its resources as the
    // base specification defines them: no GMv2 package judges the DocumentReference, so the whole transaction is.
    const envelope = shares.flatMap((s) =>
      s.submission.parseError
        ? []
        : [
            ...transactionRequestProblems(s.submission.bundle),
            ...structuralIssues(s.submission.bundle).map((i) => `${i.location}: ${i.message}`),
          ],
    );
    this.verify(`${kind}'s ITI-65 transaction is valid FHIR R4`, envelope, {
      expected:
        'every entry with a POST or PUT request to its type; elements, cardinalities and types of FHIR R4',
      location: 'Bundle (transaction)',
    });
  },
);

Then(
  new RegExp(`^the ${DOC} is a document in the format the profile declares$`),
  async function (this: CertbenchWorld, name: string) {
    const format = declaredFormat(this);
    const kind = KIND[name] as DocumentKind;
    const problems = (await sharesOf(this, kind)).flatMap((s) => {
      if (!s.read.format) return ['the Binary holds neither XML nor JSON'];
      if (s.read.format !== format)
        return [
          `the document is ${s.read.format.toUpperCase()}, the profile declares ${format.toUpperCase()}`,
        ];
      return s.read.read?.problems ?? [];
    });
    this.verify(`${kind} is a ${format.toUpperCase()} document`, problems, {
      expected:
        format === 'cda'
          ? 'a ClinicalDocument in urn:hl7-org:v3'
          : 'a Bundle of type document with the Composition first',
    });
  },
);

Then(
  new RegExp(`^the ${DOC} header follows its format$`),
  async function (this: CertbenchWorld, name: string) {
    const problems = await overVersions(this, name, (s) =>
      s.read.format === 'cda'
        ? s.read.header
          ? [...declaresCdaStandard(s.read.header), ...cdaConfidentialityAndLanguage(s.read.header)]
          : ['no CDA header could be read']
        : compositionConstraints(s.read.bundle),
    );
    this.verify('document header', problems, {
      location: 'CDA typeId, realmCode, templateId, confidentialityCode, languageCode / FHIR Composition',
    });
  },
);

Then(
  new RegExp(`^the ${DOC} has the document type "([A-Z]+)" under MedCom's OID and the title "([^"]+)"$`),
  async function (this: CertbenchWorld, name: string, code: string, title: string) {
    const kind = KIND[name] as DocumentKind;
    if (DOCUMENT_TYPES[kind].code !== code || DOCUMENT_TYPES[kind].title !== title)
      throw new Error(
        `the feature's ${code} "${title}" differs from the model's ${kind} "${DOCUMENT_TYPES[kind].title}"`,
      );
    const problems = await overVersions(this, name, (_, d) => documentType(d, kind));
    this.verify(`document type ${kind}`, problems, { expected: `${kind}, "${title}"` });
  },
);

Then(
  new RegExp(`^the ${DOC} has its own id, which the metadata's masterIdentifier names$`),
  async function (this: CertbenchWorld, name: string) {
    const problems = await overVersions(this, name, (s, d) => [
      ...(s.read.format === 'cda' && s.read.header ? cdaIdentity(s.read.header) : []),
      ...(s.read.unpacked.documentReference
        ? masterIdentifierNamesDocument(s.read.unpacked.documentReference, d, s.read.bundle)
        : ['the submission has no DocumentReference whose masterIdentifier could name the document']),
    ]);
    this.verify('document identity', problems, {
      location: 'CDA id/setId/versionNumber / FHIR Bundle.identifier; DocumentReference.masterIdentifier',
    });
  },
);

Then(
  new RegExp(`^the ${DOC} time has seconds and the Danish offset$`),
  async function (this: CertbenchWorld, name: string) {
    const problems = await overVersions(this, name, (s, d) =>
      s.read.format === 'cda' && s.read.header ? cdaEffectiveTime(s.read.header) : documentTime(d),
    );
    this.verify('document time', problems, {
      expected: 'YYYY-MM-DDThh:mm:ss with +01:00/+02:00 (CDA YYYYMMDDHHMMSS+0100/+0200)',
    });
  },
);

Then(
  new RegExp(`^the ${DOC} names the pregnant woman by her CPR number$`),
  async function (this: CertbenchWorld, name: string) {
    const { patient } = scenarioOf(this);
    const problems = await overVersions(this, name, (s, d) => [
      ...(s.read.format === 'cda' && s.read.header ? cdaRecordTarget(s.read.header) : []),
      ...patientIsCpr(d, patient),
    ]);
    this.verify('patient CPR', problems, { expected: `CPR ${patient} (1.2.208.176.1.2)` });
  },
);

Then(
  new RegExp(
    `^the ${DOC} gives the pregnant woman's name and gender as her test person's, where it gives them$`,
  ),
  async function (this: CertbenchWorld, name: string) {
    const { patient } = scenarioOf(this);
    const problems = await overVersions(this, name, (_, d) => patientNameAndGender(d, patient));
    const person = TEST_PERSONS[patient];
    this.verify('patient name and gender', problems, {
      expected: `${person ? `${person.given} ${person.family}` : patient}; gender ${sexOfCpr(patient) ?? 'as the CPR records'}`,
      location:
        'CDA recordTarget/patientRole/patient name, administrativeGenderCode / FHIR Patient.name, gender',
    });
  },
);

Then(
  new RegExp(`^the ${DOC}'s narrative shows the numbers and texts of its entries$`),
  async function (this: CertbenchWorld, name: string) {
    const problems = await overVersions(this, name, (_, d) => narrativeShowsEntries(d));
    this.verify('narrative shows the entries', problems, {
      location: 'CDA section/text (the SDS FHIR draft has no narrative)',
      expected:
        'every quantity, interval bound, whole number and free text of the entries in the section text',
    });
  },
);

Then(
  new RegExp(`^the ${DOC} has one author organisation identified by one SOR id$`),
  async function (this: CertbenchWorld, name: string) {
    const problems = await overVersions(this, name, (s, d) => [
      ...authorIsOneSorOrganization(d),
      ...(s.read.format === 'cda' && s.read.header ? cdaCustodian(s.read.header) : []),
    ]);
    this.verify('author organisation', problems, {
      expected: 'exactly one organisation with exactly one SOR id',
    });
  },
);

Then(
  new RegExp(`^any official pregnancy episode reference of the ${DOC} has the draft's form$`),
  async function (this: CertbenchWorld, name: string) {
    const problems = await overVersions(this, name, (_, d) => pregnancyEpisodeReference(d));
    this.verify('pregnancy episode reference', problems, {
      expected: 'none, or one with system 1.2.208.176.7.4.1 and a value',
    });
  },
);

Then(
  new RegExp(
    `^every observation of the ${DOC} is final, timed with a zone and without constrained elements$`,
  ),
  async function (this: CertbenchWorld, name: string) {
    const { patient } = scenarioOf(this);
    const problems = await overVersions(this, name, (_, d) => entriesFinal(d, patient));
    this.verify('observations final', problems, {
      expected: 'status final (CDA completed), effective dateTime with zone, about the patient',
    });
  },
);

Then(
  new RegExp(`^the observation codes of the ${DOC} use the code system its format fixes$`),
  async function (this: CertbenchWorld, name: string) {
    const problems = await overVersions(this, name, (_, d) => entryCodeSystems(d));
    this.verify('observation code systems', problems, {
      expected: 'FHIR urn:oid:1.2.208.184.100.1 (draft); CDA 2.16.840.1.113883.6.96',
    });
  },
);

Then(
  'the Vandrejournal has 1 to 16 entries, each model element at most once',
  async function (this: CertbenchWorld) {
    const problems = await overVersions(this, 'Vandrejournal', (_, d) => pscrSections(d));
    this.verify('PSCR entries', problems, { expected: '1-16 entries, no model element twice' });
  },
);
