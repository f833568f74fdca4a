import { appendFile, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RunEnvironment } from '../environment/environment.ts';

/**
 * In GitHub Actions (GITHUB_STEP_SUMMARY set), the run's summary goes into the job summary too, so the verdicts
 * show on the run's page without an extra action. Elsewhere nothing happens.
 */
export async function writeCiJobSummary(env: RunEnvironment, outDir: string): Promise<void> {
  const target = env.env['GITHUB_STEP_SUMMARY'];
  if (!target) return;
  let summary: string;
  try {
    summary = await readFile(join(resolve(env.cwd, outDir), 'summary.txt'), 'utf8');
  } catch {
    return; // --no-summary: nothing to show
  }
  await appendFile(target, `### certbench\n\n\`\`\`text\n${summary.replaceAll('```', "'''")}\`\`\`\n`);
}
