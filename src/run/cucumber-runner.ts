import { Writable } from 'node:stream';
import { join } from 'node:path';
import {
  loadConfiguration,
  loadSupport,
  runCucumber,
  type ISupportCodeLibrary,
} from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';
import { HarnessError } from '../errors/index.ts';
import { STEP_FILES } from './package-root.ts';

export interface CucumberRunOptions {
  root: string;
  featureDirs: string[];
  tagExpression: string;
  runId: string;
  /** Skip the scenarios after the first failed one. */
  failFast?: boolean;
  onMessage: (envelope: Envelope) => void;
}

// Step files are ES modules: importing them twice in one process registers nothing the second time, so the
// support code library is loaded once per process and reused by later runs (tests, benchmark, sensitivity). The
// promise is kept, so runs started at once (a testcamp console's) wait for the one load instead of each loading.
let supportCache: { key: string; library: Promise<ISupportCodeLibrary> } | undefined;

const quietEnvironment = (root: string) => ({
  cwd: root,
  stdout: new Writable({ write: (_c, _e, done) => done() }),
  stderr: process.stderr,
});

/**
 * Starts loading the step definitions now: they are the same for every run from this installation, and a run starts
 * this before it starts the SUT side, so reading the step files overlaps what that side waits for. The run's
 * scenarios wait for this load (a failure is reported there).
 */
export function preloadSteps(root: string): void {
  if (supportCache?.key === root) return;
  const environment = quietEnvironment(root);
  const library = loadConfiguration({ provided: { import: [STEP_FILES], format: [] } }, environment).then(
    ({ runConfiguration }) => loadSupport(runConfiguration, environment),
  );
  // Handled here; the run awaits the same promise and reports its failure.
  library.catch(() => undefined);
  supportCache = { key: root, library };
}

/** Runs the selected scenarios through cucumber's programmatic API, in-process and serially. */
export async function runScenarios(options: CucumberRunOptions): Promise<void> {
  const environment = quietEnvironment(options.root);
  const { runConfiguration } = await loadConfiguration(
    {
      provided: {
        paths: options.featureDirs.map((d) => join(d, '**/*.feature')),
        import: [STEP_FILES],
        format: [],
        tags: options.tagExpression,
        worldParameters: { runId: options.runId },
        strict: false,
        failFast: options.failFast ?? false,
      },
    },
    environment,
  );
  const key = `${options.root}`;
  if (supportCache?.key !== key) {
    supportCache = { key, library: loadSupport(runConfiguration, environment) };
  }
  const support = await supportCache.library;
  try {
    await runCucumber({ ...runConfiguration, support }, environment, options.onMessage);
  } catch (error) {
    throw new HarnessError(`cucumber could not run the protocols: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Tag expression for what runs: the selected protocols, minus what is not applicable, not testable or not run. */
export function tagExpressionFor(
  protocolIds: string[],
  excludedCheckpoints: string[],
  only?: Set<string>,
): string {
  const protocols = protocolIds.map((id) => `@protocol:${id}`).join(' or ');
  const excluded = excludedCheckpoints.map((id) => ` and not @cp:${id}`).join('');
  const restricted = only ? ` and (${[...only].map((id) => `@cp:${id}`).join(' or ')})` : '';
  return `(${protocols})${excluded}${restricted}`;
}
