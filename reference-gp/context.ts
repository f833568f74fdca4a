// What every request handler of the reference GP works with.
import type { Dispatcher } from 'undici';
import type { FaultName } from './faults/catalogue.ts';
import type { GpState } from './state.ts';

export interface Session {
  runId: string;
  /**
   * FHIR base URLs of certbench's counterparts by session key, e.g. `documentSharing` (the document sharing
   * recipient: ITI-65 is POSTed to it as is).
   */
  counterparts: Record<string, string>;
  /** Protocol id → the variant certbench tests in this run (e.g. lab-sharing: plsp), when the session says. */
  variants?: Record<string, string>;
}

export interface GpContext {
  state: GpState;
  faults: ReadonlySet<FaultName>;
  /** Strictly increasing clock; every change and every share gets its own instant. */
  clock: () => Date;
  session: Session | undefined;
  /** Protocol id → variant this system runs as (start option); where not set, the session's variant applies. */
  variants: Readonly<Record<string, string>>;
  /** Actions and observations this system does not have (start option): refused with 422. */
  lacks?: ReadonlySet<string>;
  /** HTTP client pool for submissions, closed when the server stops. */
  dispatcher: Dispatcher;
}
