// The entry of the worker that writes a run's exchange files as the run goes (exchange-files-ahead.ts). Plain
// JavaScript, loaded from the installation folder: it imports the worker's module, compiled (dist/) or, when the CLI
// runs the TypeScript sources, through tsx (registered here when the parent process registered it by its API, which
// a worker does not inherit).
import { workerData } from 'node:worker_threads';

const { module } = workerData;
try {
  await import(module);
} catch (error) {
  if (!module.endsWith('.ts') || error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  const { register } = await import('tsx/esm/api');
  register();
  await import(module);
}
