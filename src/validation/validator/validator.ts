import { ConformanceContext } from '../conformance/context.ts';
import { resolveClosure, type PackageClosure } from '../packages/closure.ts';
import type { PackageRef } from '../packages/package-ref.ts';
import { Terminology } from '../terminology/membership.ts';
import { indexBundle } from './bundle-index.ts';
import type { ValidationIssue } from './issue.ts';
import { validateResource } from './resources.ts';
import { Session } from './session.ts';
import { checkTargets } from './targets.ts';
import { isObject } from './values.ts';

/** The outcome of validating one resource or Bundle. */
export interface ValidationResult {
  /** Every issue, errors first within each location's order of discovery. */
  issues: ValidationIssue[];
  /** No issue of severity error. */
  valid: boolean;
}

/**
 * Validates FHIR R4 JSON against profiles from one package closure (e.g. medcom.fhir.dk.conditionlist#1.0.1 and its
 * dependencies). Loading is done once; `validate` is synchronous and reuses every definition, tree and expansion.
 */
export class Validator {
  readonly closure: PackageClosure;
  readonly context: ConformanceContext;
  readonly terminology: Terminology;

  constructor(closure: PackageClosure) {
    this.closure = closure;
    this.context = new ConformanceContext(closure.packages.map((p) => p.pkg));
    this.terminology = new Terminology(this.context);
  }

  /**
   * Validates a resource: against `profile` when given, and always against the profiles it declares in
   * `meta.profile`. A Bundle's entries are validated against their declared profiles, the profile of the slice
   * they fall in, and the target profiles of references to them.
   */
  validate(resource: unknown, options: { profile?: string } = {}): ValidationResult {
    const type =
      isObject(resource) && typeof resource.resourceType === 'string' ? resource.resourceType : 'Resource';
    const bundle = type === 'Bundle' && isObject(resource) ? indexBundle(resource, type) : undefined;
    const session = new Session(this.context, this.terminology, bundle);
    validateResource(resource, type, options.profile ? [options.profile] : [], undefined, session);
    checkTargets(session);
    const issues = dedupe(session.issues);
    return { issues, valid: !issues.some((i) => i.severity === 'error') };
  }
}

/** Loads (installing on first use) a package and its dependencies from the cache folder, and a validator over them. */
export async function createValidator(cacheFolder: string, rootPackage: PackageRef): Promise<Validator> {
  return new Validator(await resolveClosure(cacheFolder, rootPackage));
}

// The same rule reached through two profiles (a declared one and its base, reached by a target profile) is reported
// once: same place, same kind, same element or invariant.
function dedupe(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const rule = issue.key ?? issue.elementId ?? issue.message;
    const key = `${issue.severity}\0${issue.location}\0${issue.code}\0${rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
