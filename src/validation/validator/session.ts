import type { ConformanceContext } from '../conformance/context.ts';
import type { Terminology } from '../terminology/membership.ts';
import type { BundleIndex } from './bundle-index.ts';
import type { ValidationIssue } from './issue.ts';

/** The resource an element belongs to: `%resource` and `%rootResource` of invariants, and where it is. */
export interface ResourceScope {
  resource: Record<string, unknown>;
  rootResource: Record<string, unknown>;
  location: string;
  /** The Bundle entry's fullUrl: relative references are read against it. */
  fullUrl?: string;
}

/** A resolved reference whose target must conform to one of the reference's target profiles. */
export interface TargetRequirement {
  target: Record<string, unknown>;
  scope: ResourceScope;
  profiles: string[];
  from: string;
  elementId?: string;
  profile?: string;
}

/**
 * The state of one validation: where issues go, which (resource, profile) pairs are done, what references still
 * require of their targets. A probe (slice matching by profile, `conformsTo()`) runs the same checks silently and
 * only counts errors.
 */
export class Session {
  readonly context: ConformanceContext;
  readonly terminology: Terminology;
  readonly bundle: BundleIndex | undefined;
  readonly issues: ValidationIssue[] = [];
  readonly targets: TargetRequirement[] = [];
  private probeErrors: number | undefined;
  private done = new WeakMap<object, Set<string>>();
  private readonly conformance = new WeakMap<object, Map<string, boolean>>();

  constructor(context: ConformanceContext, terminology: Terminology, bundle?: BundleIndex) {
    this.context = context;
    this.terminology = terminology;
    this.bundle = bundle;
  }

  get probing(): boolean {
    return this.probeErrors !== undefined;
  }

  report(issue: ValidationIssue): void {
    if (this.probeErrors !== undefined) {
      if (issue.severity === 'error') this.probeErrors++;
    } else {
      this.issues.push(issue);
    }
  }

  /** True the first time a resource is taken against a profile (in the current mode). */
  firstVisit(resource: object, profile: string): boolean {
    let profiles = this.done.get(resource);
    if (!profiles) {
      profiles = new Set();
      this.done.set(resource, profiles);
    }
    if (profiles.has(profile)) return false;
    profiles.add(profile);
    return true;
  }

  /** Whether a resource conforms to a profile, by running `check` silently (cached per resource and profile). */
  conforms(resource: object, profile: string, check: () => void): boolean {
    let results = this.conformance.get(resource);
    if (!results) {
      results = new Map();
      this.conformance.set(resource, results);
    }
    const known = results.get(profile);
    if (known !== undefined) return known;
    results.set(profile, true); // a cycle (a profile that refers back to itself) counts as conforming
    const savedErrors = this.probeErrors;
    const savedDone = this.done;
    this.probeErrors = 0;
    this.done = new WeakMap();
    try {
      check();
      results.set(profile, this.probeErrors === 0);
    } finally {
      this.probeErrors = savedErrors;
      this.done = savedDone;
    }
    return results.get(profile) ?? false;
  }
}
