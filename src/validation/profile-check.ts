import { applyKnownIssues, type Assessment } from './known-issues/apply.ts';
import { closureKeys } from './packages/closure.ts';
import { parsePackageKey } from './packages/package-ref.ts';
import { sharedKnownIssues, sharedValidator } from './shared.ts';
import { VALIDATOR_VERSION } from './version.ts';

/** What a profile check needs: the profile, the package that defines it, where packages are cached, and when. */
export interface ProfileCheckOptions {
  /** Canonical URL of the profile, e.g. MedCom's ConditionList bundle profile. */
  profile: string;
  /** The root package, `id#version` (e.g. `medcom.fhir.dk.conditionlist#1.0.1`). */
  package: string;
  cacheFolder: string;
  /** Known issues are judged at this time (expiry). */
  now: Date;
  /** Another known-issue list than certbench's own. */
  knownIssuesFile?: string;
}

/** A profile check's outcome, with what it was checked with. */
export interface ProfileCheck extends Assessment {
  validatorVersion: string;
  /** The packages of the closure, `id#version`, root first. */
  packages: string[];
  knownIssuesSha256: string;
}

/**
 * Validates a resource against a profile with the shared validator of its package and applies the known-issue list:
 * what a "conforms to <profile>" checkpoint or `certbench validate` reports.
 */
export async function checkProfile(resource: unknown, options: ProfileCheckOptions): Promise<ProfileCheck> {
  const root = parsePackageKey(options.package);
  if (!root) throw new Error(`"${options.package}" is not a FHIR package as id#version`);
  const [validator, knownIssues] = await Promise.all([
    sharedValidator(options.cacheFolder, root),
    sharedKnownIssues(options.knownIssuesFile),
  ]);
  const { issues } = validator.validate(resource, { profile: options.profile });
  return {
    ...applyKnownIssues(issues, knownIssues.entries, options.now),
    validatorVersion: VALIDATOR_VERSION,
    packages: closureKeys(validator.closure),
    knownIssuesSha256: knownIssues.sha256,
  };
}
