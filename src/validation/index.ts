/**
 * certbench's FHIR validation, for protocol steps, the CLI and the run: validate FHIR R4 JSON offline, in-process,
 * against the published MedCom and Danish core profiles, with a reviewed list of known issues.
 *
 * @example
 * ```ts
 * const check = await checkProfile(document, {
 *   profile: 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle',
 *   package: 'medcom.fhir.dk.conditionlist#1.0.1',
 *   cacheFolder: resolveCacheFolder(undefined, process.env, process.cwd()),
 *   now: new Date(),
 * });
 * check.errors; // unsuppressed errors: the document does not conform
 * ```
 */
export { checkProfile, type ProfileCheck, type ProfileCheckOptions } from './profile-check.ts';
export { sharedKnownIssues, sharedValidator, validationRecords, type ValidationRecord } from './shared.ts';
export { createValidator, Validator, type ValidationResult } from './validator/validator.ts';
export { formatIssue, type IssueCode, type Severity, type ValidationIssue } from './validator/issue.ts';
export { applyKnownIssues, type Assessment, type ReportedIssue } from './known-issues/apply.ts';
export { KNOWN_ISSUES_FILE, loadKnownIssues, type KnownIssueList } from './known-issues/load.ts';
export { FHIR_PACKAGES_ENV, resolveCacheFolder } from './packages/cache-folder.ts';
export { FhirPackageMissingError } from './packages/missing-package.ts';
export { packageKey, parsePackageKey, R4_CORE, type PackageRef } from './packages/package-ref.ts';
export { VALIDATOR_VERSION, validatorVersion, type ValidatorVersion } from './version.ts';
