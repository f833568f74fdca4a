// A later visit produces a new version of the same document that supersedes the previous one without deleting it:
// in the metadata a replaces relation (IHE XDS/MHD), in CDA the same setId with the next versionNumber and a new id.
import { replacesPrevious } from '../mhd/metadata-rules.ts';
import type { GmSubmission } from './submission.ts';

export function supersedesPrevious(current: GmSubmission, previous: GmSubmission): string[] {
  const now = current.unpacked.documentReference;
  const before = previous.unpacked.documentReference;
  if (!now || !before) return ['a version has no DocumentReference to relate'];
  const problems = replacesPrevious(now, before);
  const master = (r: typeof now) => (r['masterIdentifier'] as { value?: unknown } | undefined)?.value;
  if (master(now) !== undefined && master(now) === master(before))
    problems.push(
      `the new version reuses the previous masterIdentifier ${JSON.stringify(master(now))}: the previous version would be overwritten`,
    );
  if (current.format === 'cda' && previous.format === 'cda') {
    const a = current.read?.document;
    const b = previous.read?.document;
    if (a?.setId?.system !== b?.setId?.system || a?.setId?.value !== b?.setId?.value)
      problems.push(
        `setId is ${JSON.stringify(a?.setId)}, expected the previous version's ${JSON.stringify(b?.setId)}`,
      );
    if (b?.version === undefined || a?.version !== b.version + 1)
      problems.push(
        `versionNumber is ${String(a?.version)}, expected ${b?.version === undefined ? 'the previous + 1' : b.version + 1}`,
      );
    if (a?.id && b?.id && a.id.system === b.id.system && a.id.value === b.id.value)
      problems.push('the new version has the same id as the previous one');
  }
  return problems;
}
