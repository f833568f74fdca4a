// Starts the reference GP system: an in-memory GP system behind certbench's automation API.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import type { GpContext } from './context.ts';
import { parseFaults } from './faults/catalogue.ts';
import { handleRequest } from './http/routes.ts';
import { createState } from './state.ts';
import { monotonicClock } from './time.ts';

export interface ReferenceGpOptions {
  host?: string;
  port?: number;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** Fault names from the catalogue (faults/catalogue.ts); unknown names are rejected. */
  faults?: string[];
  /**
   * Protocol id → variant the system runs as, e.g. `{ 'lab-sharing': 'plsp' }`: PLSP sends the lab results for
   * the clinic. Fixed here, it wins over a session's `variants` (a deployed system is one variant); unset, the
   * session's variant applies, and without one the GP system sends itself.
   */
  variants?: Record<string, string>;
  /**
   * Actions and observations this system lacks, refused with 422 as a vendor's system without the feature would
   * (e.g. `messaging.simulate-technical-error`: MedCom's 3.3.1.7 "If possible"; `homecare.clinical-comments`: the
   * recommended united view of 3.2.1.17). Not faults: refusing is allowed.
   */
  lacks?: string[];
  /** Clock, for tests; defaults to the system clock. */
  now?: () => Date;
}

export interface ReferenceGp {
  url: string;
  stop(): Promise<void>;
}

export async function startReferenceGp(options: ReferenceGpOptions = {}): Promise<ReferenceGp> {
  const ctx: GpContext = {
    state: createState(),
    faults: parseFaults(options.faults),
    clock: monotonicClock(options.now ?? (() => new Date())),
    session: undefined,
    variants: options.variants ?? {},
    lacks: new Set(options.lacks ?? []),
    dispatcher: new Agent({ keepAliveTimeout: 1_000 }),
  };
  const server = createServer((request, response) => {
    void handleRequest(ctx, options.token, request, response);
  });
  // An idle connection is kept a minute, not Node's 5 s: run in-process by certbench on a loaded machine, the event
  // loop can stall longer than the 2 s by which undici's client expires a connection before the server's timeout, and
  // the next action then went out on a socket the server was closing (ECONNRESET; 20 lab-sharing checkpoints failed).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Hanging (automation-hangs) and streaming answers would otherwise keep close() waiting forever.
        server.closeAllConnections();
        await closed;
        await ctx.dispatcher.destroy();
      })();
      return stopping;
    },
  };
}
