// Conformance to MedCom's published profiles: the document is validated in-process against the profile and every
// profile it leads to (entries, slices, reference targets), with certbench's FHIR validator (src/validation).
import { defineParameterType, Then } from '@cucumber/cucumber';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { emptyJsonElements } from '../../src/fhir/structural.ts';
import { validatorKey } from '../../src/run/context.ts';
import { checkProfile, formatIssue } from '../../src/validation/index.ts';
import { documentAt, documentOf, NothingShared } from './state.ts';

// The document itself, or its sharing metadata: the DocumentReference of the ITI-65 transaction.
defineParameterType({
  name: 'sharedPart',
  regexp: /document|sharing metadata/,
  transformer: (s: string) => s,
});

Then(
  'the {sharedPart} of step {string} conforms to the profile {string} of the FHIR package {string}',
  async function (this: CertbenchWorld, part: string, step: string, profile: string, pkg: string) {
    let document;
    try {
      const shared = await documentAt(this, step);
      document = part === 'document' ? documentOf(shared) : shared.unpacked.documentReference;
    } catch (error) {
      if (error instanceof NothingShared) return this.pending(error.message);
      throw error;
    }
    if (document === undefined) {
      this.verify(`the ${part} of step ${step}`, ['the submission carries no DocumentReference']);
      return undefined;
    }
    this.ctx.validatorsUsed.add(validatorKey(this.ctx.fhirPackages, pkg));
    const check = await checkProfile(document, {
      profile,
      package: pkg,
      // --fhir-packages, the profile's fhirPackages, CERTBENCH_FHIR_PACKAGES or ~/.fhir/packages (run context);
      // missing MedCom packages are installed there on first use.
      cacheFolder: this.ctx.fhirPackages,
      now: this.ctx.clock.now(),
    });
    // Every issue is evidence: warnings, information and suppressed errors as passed checks, errors as the failure.
    this.verify(`validated with certbench validator ${check.validatorVersion}`, [], {
      expected: `packages ${check.packages.join(', ')}; known issues sha256 ${check.knownIssuesSha256.slice(0, 12)}`,
    });
    for (const issue of check.issues) {
      if (issue.severity === 'error' && !issue.suppressedBy) continue;
      const label = issue.suppressedBy
        ? `suppressed by known issue ${issue.suppressedBy.id}`
        : issue.severity;
      this.verify(`${label}: ${issue.message}`, [], { location: issue.location });
    }
    for (const expired of check.expired)
      this.verify(`known issue ${expired.id} expired on ${expired.expires} and no longer applies`, [], {
        location: expired.location,
      });
    // The profile validator accepts empty JSON arrays, objects and strings, which FHIR JSON forbids (checked on the
    // sharing metadata; the document's own checkpoints are as MedCom's protocol has them).
    if (part === 'sharing metadata')
      this.verify(
        `the sharing metadata of step ${step} has no empty JSON elements (FHIR R4 JSON)`,
        emptyJsonElements(document),
        {
          location: 'DocumentReference',
        },
      );
    this.verify(
      `validation of the ${part} of step ${step} against ${profile}`,
      check.errors.map(formatIssue),
      {
        location: part === 'document' ? 'Bundle' : 'DocumentReference',
        expected: 'no errors',
      },
    );
    return undefined;
  },
);
