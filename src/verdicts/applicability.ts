import type { SutProfile } from '../profile/schema.ts';
import type { LoadedManifest } from '../protocols/schema.ts';

/** The use cases of a protocol that apply to this SUT: every mandatory one, plus the optional ones it claims. */
export function applicability(manifest: LoadedManifest, profile: SutProfile): Set<string> {
  const claimed = new Set(profile.protocols[manifest.id]?.useCases ?? []);
  return new Set(manifest.useCases.filter((u) => u.mandatory || claimed.has(u.id)).map((u) => u.id));
}
