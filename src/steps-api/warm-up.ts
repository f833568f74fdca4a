// First-use costs a protocol's steps can pay ahead, off the run's own thread (loading a worker's libraries): the steps
// register them when cucumber loads them, and the run starts those of its selected protocols as its scenarios begin,
// so a protocol late in the run does not wait for them. A protocol that is not run costs nothing.

const warmUps = new Map<string, (() => void)[]>();

/** Registers a warm-up for a protocol (by its id), started when a run that includes the protocol begins. */
export function warmUpWhenRun(protocolId: string, warmUp: () => void): void {
  const list = warmUps.get(protocolId) ?? [];
  // Step files are loaded once per process, but a warm-up registered twice is started once.
  if (!list.includes(warmUp)) list.push(warmUp);
  warmUps.set(protocolId, list);
}

/** Starts the warm-ups of these protocols. A warm-up is an optimisation: one that throws is left out. */
export function warmUpProtocols(protocolIds: Iterable<string>): void {
  for (const id of protocolIds)
    for (const warmUp of warmUps.get(id) ?? []) {
      try {
        warmUp();
      } catch {
        // The work is done when it is first needed, as without a warm-up.
      }
    }
}
