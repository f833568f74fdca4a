// What the catalogue says of each fault, and the one way catalogue entries are made.

export interface FaultInfo {
  description: string;
  kind: 'content' | 'behaviour' | 'automation';
  /** The protocol whose checkpoints the fault is meant to break. */
  protocol: string;
  /** Checkpoint ids the fault is meant to break. */
  breaks: string[];
  /** The protocol variant the fault can only show in (e.g. acknowledgement-send `ehmi`); tested as that variant. */
  variant?: string;
}

/**
 * Entry makers for one protocol's faults, one per kind. Each keeps its literal protocol and kind in the type, so
 * code can require e.g. a mutation for every Diagnosekort content fault.
 */
export function faultsOf<const P extends string>(protocol: P, variant?: string) {
  const make =
    <K extends FaultInfo['kind']>(kind: K) =>
    (description: string, ...breaks: string[]): Entry<P, K> => ({
      description,
      kind,
      protocol,
      breaks,
      ...(variant === undefined ? {} : { variant }),
    });
  return { content: make('content'), behaviour: make('behaviour'), automation: make('automation') };
}

type Entry<P extends string, K extends FaultInfo['kind']> = FaultInfo & {
  readonly protocol: P;
  readonly kind: K;
};
