// Where a run's time goes, marked by the run itself and read by npm run bench (scripts/bench.ts).

/** A file `certbench run` writes its RunTimings to (JSON), when set: for npm run bench. */
export const BENCH_PHASES_ENV = 'CERTBENCH_BENCH_PHASES_FILE';

/** Where a run's time went (wall and the process's CPU time per phase), for the benchmark. */
export interface RunTimings {
  /** From the process's start to the run's (loading the CLI). */
  beforeRunMs: number;
  startupMs: number;
  checkpointsMs: number;
  reportingMs: number;
  cpuMs: { beforeRun: number; startup: number; checkpoints: number; reporting: number };
}

/** CPU time (user + system) of this process so far. */
export const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
