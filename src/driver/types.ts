/**
 * Where the counterparts hosted by certbench can be reached by the SUT: session key → FHIR base URL, e.g.
 * `documentSharing` (IHE MHD document recipient, national document sharing; ITI-65 is POSTed to it).
 */
export type CounterpartAddresses = Record<string, string>;

export interface SessionConfig {
  runId: string;
  counterparts: CounterpartAddresses;
  /** Protocol id → the variant the SUT is tested as in this run (from the SUT profile), e.g. lab-sharing: plsp. */
  variants?: Record<string, string>;
}

/**
 * A message certbench delivers to the SUT as a sender on the network would (a laboratory's lab report, a
 * municipality's HomeCareObservation, a patient's questionnaire answers). `channel` names the kind of message, e.g.
 * `homecareobservation`; the SUT answers as its receiving endpoint does (e.g. with a MedCom acknowledgement).
 */
export interface InboundMessage {
  channel: string;
  /** MIME type of `body`, e.g. `application/fhir+json`, `application/xml`. */
  contentType: string;
  body: string;
  /** What is delivered, in words, for evidence and the operator (e.g. `HomeCareObservation R1-3.3.1.1`). */
  description: string;
}

/** The receiving endpoint's answer to a delivery. `manual` when an operator loaded the message by hand. */
export type InboundAnswer =
  { kind: 'http'; status: number; contentType: string; body: Buffer } | { kind: 'manual' };

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
  /**
   * Delivers a message to the SUT's receiving endpoint for `message.channel`. Resolves with whatever status the
   * endpoint answered (judging it is the checkpoint's job); a refused connection, a timeout or an over-long answer
   * fails the checkpoint (CheckFailed) with the exchange as evidence.
   */
  deliver(message: InboundMessage): Promise<InboundAnswer>;
}
