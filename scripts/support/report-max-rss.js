// Loaded with --import into a process the benchmark measures: at exit, writes the process's peak resident memory
// (KiB, from getrusage) to the file named by CERTBENCH_BENCH_RSS_FILE, and its peak memory and CPU time as JSON
// ({ maxRssKiB, userMs, systemMs }) to the file named by CERTBENCH_BENCH_USAGE_FILE.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

// The process's own figures, written once, by its main thread (a worker thread may load this hook too).
if (isMainThread)
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const file = process.env.CERTBENCH_BENCH_RSS_FILE;
    if (file) writeFileSync(file, String(usage.maxRSS));
    const json = process.env.CERTBENCH_BENCH_USAGE_FILE;
    if (json)
      writeFileSync(
        json,
        JSON.stringify({
          maxRssKiB: usage.maxRSS,
          userMs: usage.userCPUTime / 1000,
          systemMs: usage.systemCPUTime / 1000,
        }),
      );
  });
