/**
 * Where the counterparts hosted by certbench can be reached by the SUT: session key → FHIR base URL, e.g.
 * `documentSharing` (IHE MHD document recipient, national document sharing; ITI-65 is POSTed to it).
 */
export type CounterpartAddresses = Record<string, string>;

export interface SessionConfig {
  runId: string;
  counterparts: CounterpartAddresses;
}

export interface SutInfo {
  vendor: string;
  system: string;
  version: string;
  automationApiVersion: string;
}

/**
 * How certbench makes the SUT act and observes what it shows. `http` calls the automation API
 * (api/automation-api.openapi.yaml); a `manual` driver (operator prompts) implements the same interface.
 */
export interface SutDriver {
  readonly kind: 'http' | 'manual';
  info(): Promise<SutInfo>;
  configureSession(session: SessionConfig): Promise<void>;
  /** Performs a named action (e.g. `diagnosekort.register-diagnosis`) and returns its output. */
  perform(action: string, input: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Reads observable state (e.g. `diagnosekort.diagnoses`). */
  observe(observation: string, query: Record<string, string>): Promise<unknown>;
}
