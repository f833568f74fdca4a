import { InvalidInputError } from '../errors/index.ts';
import type { SutProfile } from '../profile/schema.ts';

/**
 * `--counterparts-url`: the address the SUT must use to reach certbench's counterparts, known only when the CI job
 * runs (e.g. the job container's address on the job's network). Overrides counterparts.advertisedBaseUrl.
 */
export function advertiseCounterpartsAt(profile: SutProfile, url: string | undefined): SutProfile {
  if (url === undefined) return profile;
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(url))
    throw new InvalidInputError([{ file: '--counterparts-url', message: `"${url}" is not an http(s) URL` }]);
  return { ...profile, counterparts: { ...profile.counterparts, advertisedBaseUrl: url } };
}
