import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { allCounterparts, createCounterparts, sessionAddresses } from '../counterparts/registry.ts';
import { CounterpartHost } from '../counterparts/host.ts';
import type { RunEnvironment } from '../environment/environment.ts';
import { InvalidInputError } from '../errors/index.ts';
import { Redactor } from '../evidence/redact.ts';
import { loadProfile, resolveToken } from '../profile/load.ts';
import { profileVariants } from '../protocols/variants.ts';
import { checkSut, type SutCheckLine } from './check-sut.ts';
import { advertiseCounterpartsAt } from './counterparts-url.ts';
import { PingCounterpart } from './ping-counterpart.ts';

export interface CheckProfileOptions {
  profileFile: string;
  /** Overrides the profile's automation.baseUrl, as `run --sut-url` does. */
  sutUrl?: string;
  /** Overrides the profile's counterparts.advertisedBaseUrl, as `run --counterparts-url` does. */
  counterpartsUrl?: string;
}

/**
 * `certbench check`: the checks every http run makes first, on their own. The counterparts listen as in a run
 * (same bind address, port and advertised address), so the SUT's ping proves what a run needs.
 */
export async function checkProfile(
  options: CheckProfileOptions,
  env: RunEnvironment,
): Promise<SutCheckLine[]> {
  const profile = advertiseCounterpartsAt(
    await loadProfile(resolve(env.cwd, options.profileFile)),
    options.counterpartsUrl,
  );
  if (options.sutUrl !== undefined && !/^https?:\/\/\S+$/.test(options.sutUrl))
    throw new InvalidInputError([
      { file: '--sut-url', message: `"${options.sutUrl}" is not an http(s) URL` },
    ]);
  const token = resolveToken(profile, env.env);
  const redactor = new Redactor([token]);
  const counterparts = createCounterparts();
  const ping = new PingCounterpart();
  const host = new CounterpartHost({ ...profile.counterparts, redactor }, [
    ...allCounterparts(counterparts),
    ping,
  ]);
  const counterpartsAt = await host.start();
  try {
    const lines = await checkSut({
      profile,
      baseUrl: options.sutUrl ?? profile.automation.baseUrl,
      baseUrlSource: options.sutUrl ? '--sut-url' : `automation.baseUrl in ${profile.file}`,
      token,
      redactor,
      session: {
        runId: `check-${randomUUID()}`,
        counterparts: sessionAddresses(host, counterparts),
        variants: profileVariants(profile),
      },
      ping: { counterpart: ping, url: host.urlOf(ping) },
    });
    return [`counterparts listen at ${counterpartsAt}`, ...lines];
  } finally {
    await host.stop();
  }
}
