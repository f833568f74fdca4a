#!/usr/bin/env node
// Entry point: registers the TypeScript loader (tsx) so the CLI, the step definitions cucumber imports and the
// reference GP system all run from source, then hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
