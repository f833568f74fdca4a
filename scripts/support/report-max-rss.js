// Loaded with --import into a process the benchmark measures: at exit, writes the process's peak resident memory
// (KiB, from getrusage) to the file named by CERTBENCH_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.CERTBENCH_BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
