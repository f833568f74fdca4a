// The entry of the worker that writes a run's exchange files as the run goes (exchange-files-ahead.ts). Plain
// JavaScript, loaded from the installation folder: it imports the worker's module, compiled (dist/) or, when the CLI
// runs the TypeScript sources, through tsx, which it registers here (a worker does not inherit the parent's loader).
import { workerData } from 'node:worker_threads';

const { module } = workerData;
if (module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(module);
