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
}

export interface GpContext {
  state: GpState;
  faults: ReadonlySet<FaultName>;
  /** Strictly increasing clock; every change and every share gets its own instant. */
  clock: () => Date;
  session: Session | undefined;
  /** HTTP client pool for submissions, closed when the server stops. */
  dispatcher: Dispatcher;
}
