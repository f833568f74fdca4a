// `certbench testcamp`: every vendor run of the camp starts (or resumes from its journal) at once, each isolated in
// its own SUT session, counterparts and output folder, and one console serves their operators and assessors.
import type { AddressInfo } from 'node:net';
import type { TestcampConfig } from './config.ts';
import { RunSlot } from './run-slot.ts';
import { createConsole } from './server.ts';

export interface Testcamp {
  url: string;
  slots: Map<string, RunSlot>;
  /** Stops every run where it is (each resumes on the next start) and the console. */
  stop(): Promise<void>;
}

export async function startTestcamp(config: TestcampConfig): Promise<Testcamp> {
  const slots = new Map(config.runs.map((r) => [r.id, new RunSlot(r)]));
  const app = await createConsole(config, slots);
  await app.listen({ host: config.listen.host, port: config.listen.port });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const runs = [...slots.values()].map((slot) => slot.start());
  return {
    url: `http://${host}:${address.port}`,
    slots,
    stop: async () => {
      await Promise.all([...slots.values()].map((slot) => slot.stop()));
      await Promise.all(runs);
      await app.close();
    },
  };
}
