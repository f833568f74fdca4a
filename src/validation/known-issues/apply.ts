import type { ValidationIssue } from '../validator/issue.ts';
import type { KnownIssue } from './schema.ts';

/** An issue as reported: suppressed ones carry the known issue that covers them; nothing is dropped. */
export interface ReportedIssue extends ValidationIssue {
  suppressedBy?: { id: string; rationale: string; approvedBy: string; expires: string };
}

/** Issues with suppressions applied, and the expired entries that would otherwise have suppressed something. */
export interface Assessment {
  issues: ReportedIssue[];
  /** Errors that no active known issue covers: these make the document invalid. */
  errors: ReportedIssue[];
  suppressed: ReportedIssue[];
  expired: { id: string; expires: string; location: string }[];
}

/** Whether an entry is in force at `now`: before its expiry day (UTC midnight), like waivers. */
export function knownIssueActive(entry: KnownIssue, now: Date): boolean {
  return now.getTime() < Date.parse(`${entry.expires}T00:00:00Z`);
}

/** Whether an entry's pattern matches an issue: every field given matches (regular expressions, searched). */
export function knownIssueMatches(entry: KnownIssue, issue: ValidationIssue): boolean {
  const { pattern } = entry;
  const test = (source: string | undefined, value: string | undefined): boolean =>
    source === undefined || (value !== undefined && new RegExp(source).test(value));
  return (
    test(pattern.message, issue.message) &&
    test(pattern.location, issue.location) &&
    test(pattern.profile, issue.profile) &&
    test(pattern.elementId, issue.elementId) &&
    (pattern.key === undefined || pattern.key === issue.key)
  );
}

/** Applies a known-issue list: active entries mark matching issues suppressed; expired ones are listed, not applied. */
export function applyKnownIssues(
  issues: readonly ValidationIssue[],
  entries: readonly KnownIssue[],
  now: Date,
): Assessment {
  const expired: Assessment['expired'] = [];
  const reported = issues.map((issue): ReportedIssue => {
    for (const entry of entries) {
      if (!knownIssueMatches(entry, issue)) continue;
      if (!knownIssueActive(entry, now)) {
        expired.push({ id: entry.id, expires: entry.expires, location: issue.location });
        continue;
      }
      const { id, rationale, approvedBy, expires } = entry;
      return { ...issue, suppressedBy: { id, rationale, approvedBy, expires } };
    }
    return issue;
  });
  return {
    issues: reported,
    errors: reported.filter((i) => i.severity === 'error' && !i.suppressedBy),
    suppressed: reported.filter((i) => i.suppressedBy),
    expired,
  };
}
