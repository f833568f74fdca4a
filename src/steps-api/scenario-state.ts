import type { CertbenchWorld } from './world.ts';

/**
 * Per-scenario state of a protocol's steps (what was planned, under which names), created on first use. Each
 * scenario has its own world, so the state lives exactly as long as the scenario.
 */
export function scenarioState<T>(create: () => T): (world: CertbenchWorld) => T {
  const states = new WeakMap<CertbenchWorld, T>();
  return (world) => {
    let state = states.get(world);
    if (state === undefined) {
      state = create();
      states.set(world, state);
    }
    return state;
  };
}
