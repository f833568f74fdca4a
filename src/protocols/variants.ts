import type { InputIssue } from '../errors/index.ts';
import type { SutProfile } from '../profile/schema.ts';
import type { LoadedManifest } from './schema.ts';

/**
 * The profile's variant for each selected protocol, checked against the manifest: a protocol with variants needs
 * exactly one of them (the result records which), a protocol without variants takes none. Pure; the run reports
 * the issues as invalid input before anything starts.
 */
export function variantIssues(manifests: LoadedManifest[], profile: SutProfile): InputIssue[] {
  return manifests.flatMap((manifest): InputIssue[] => {
    const claimed = profile.protocols[manifest.id]?.variant;
    const field = `protocols.${manifest.id}.variant`;
    const allowed = (manifest.variants ?? []).map((v) => v.id);
    if (allowed.length === 0) {
      return claimed === undefined
        ? []
        : [{ file: profile.file, field, message: `${manifest.id} has no variants; remove "${claimed}"` }];
    }
    if (claimed === undefined)
      return [{ file: profile.file, field, message: `choose the variant tested: ${allowed.join(' or ')}` }];
    return allowed.includes(claimed)
      ? []
      : [
          {
            file: profile.file,
            field,
            message: `"${claimed}" is not a variant of ${manifest.id} (expected ${allowed.join(' or ')})`,
          },
        ];
  });
}

/** Protocol id → variant, for the SUT side (the reference GP is started, or the session told, as the profile says). */
export function profileVariants(profile: SutProfile): Record<string, string> {
  const variants: Record<string, string> = {};
  for (const [id, claim] of Object.entries(profile.protocols))
    if (claim.variant !== undefined) variants[id] = claim.variant;
  return variants;
}
