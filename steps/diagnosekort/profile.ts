// Conformance to MedCom's published profiles: the document is validated in-process against the profile and every
// profile it leads to (entries, slices, reference targets), with certbench's FHIR validator (src/validation).
import { Then } from '@cucumber/cucumber';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { validatorKey } from '../../src/run/context.ts';
import { checkProfile, formatIssue } from '../../src/validation/index.ts';
import { documentAt, documentOf, NothingShared } from './state.ts';

Then(
  'the document of step {string} conforms to the profile {string} of the FHIR package {string}',
  async function (this: CertbenchWorld, step: string, profile: string, pkg: string) {
    let document;
    try {
      document = documentOf(await documentAt(this, step));
    } catch (error) {
      if (error instanceof NothingShared) return this.pending(error.message);
      throw error;
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
    this.verify(
      `validation of the document of step ${step} against ${profile}`,
      check.errors.map(formatIssue),
      {
        location: 'Bundle',
        expected: 'no errors',
      },
    );
    return undefined;
  },
);
