/** How bad a validation issue is: only errors make a document invalid. */
export type Severity = 'error' | 'warning' | 'information';

/** What kind of rule an issue comes from (stable, for filters and known-issue entries). */
export type IssueCode =
  | 'structure'
  | 'unknown-element'
  | 'type'
  | 'cardinality'
  | 'fixed-value'
  | 'pattern'
  | 'binding'
  | 'invariant'
  | 'slicing'
  | 'reference'
  | 'profile'
  | 'terminology-unchecked';

/** One finding of the validator. */
export interface ValidationIssue {
  severity: Severity;
  code: IssueCode;
  /** FHIRPath-like location in the instance, e.g. `Bundle.entry[3].resource.recordedDate`. */
  location: string;
  /** Canonical URL of the profile whose rule this is. */
  profile?: string;
  /** ElementDefinition id of the rule, e.g. `Condition.category:status`. */
  elementId?: string;
  /** Invariant key, for `invariant` issues. */
  key?: string;
  message: string;
}

/** One line per issue, as the CLI and the checkpoint evidence print it. */
export function formatIssue(issue: ValidationIssue): string {
  const rule = issue.elementId ? ` [${issue.elementId}${issue.key ? ` ${issue.key}` : ''}]` : '';
  return `${issue.severity} ${issue.location}: ${issue.message}${rule}`;
}
