import { join } from 'node:path';
import type { CertificationResult } from '../result/types.ts';
import { detailSections } from './summary-details.ts';
import { overviewTable, protocolTable } from './summary-tables.ts';
import { TERMINAL_WIDTH, truncate } from './text-table.ts';
import type { Projection } from './types.ts';

export interface ConsoleSummaryOptions {
  /** The run folder as the user named it, for the report hint; without it the hint is relative to the run folder. */
  runDir?: string;
  /** False when the run skips the HTML report (`--no-html`); the hint then says how to make it. */
  htmlReport?: boolean;
}

/** The console summary for a run folder; the registry's instance prints a hint relative to the run folder. */
export function createConsoleSummaryProjection(options: ConsoleSummaryOptions = {}): Projection {
  return {
    name: 'console-summary',
    description:
      'Plain-text summary per protocol (approval, counts, what needs attention), printed and in summary.txt',
    async project({ result, writer, stdout }) {
      const text = summaryText(result, options);
      stdout.write(text);
      await writer.write('summary.txt', text);
    },
  };
}

export const consoleSummaryProjection: Projection = createConsoleSummaryProjection();

export function summaryText(result: CertificationResult, options: ConsoleSummaryOptions = {}): string {
  const { run, sut } = result;
  const reportPath = join('allure-report', 'index.html');
  const lines = [
    truncate(
      `certbench ${result.certbench.version}: run ${run.id} (${run.mode}, ${run.driver} driver${run.strict ? ', strict' : ''})`,
      TERMINAL_WIDTH,
    ),
    truncate(`SUT: ${sut.vendor} ${sut.system} ${sut.version}`, TERMINAL_WIDTH),
    ...result.protocols.flatMap((protocol) => ['', ...protocolTable(protocol)]),
    '',
    ...overviewTable(result),
    ...detailSections(result),
    '',
    truncate(`Outcome: ${result.outcome.summary} (exit code ${result.outcome.exitCode})`, TERMINAL_WIDTH),
    reportHint(options, reportPath),
  ];
  return `${lines.join('\n')}\n`;
}

function reportHint(options: ConsoleSummaryOptions, reportPath: string): string {
  if (options.htmlReport === false)
    return `Report: not generated (--no-html); run: certbench report ${options.runDir ?? '<run folder>'}`;
  return options.runDir === undefined
    ? `Report: ${reportPath} (in the run folder)`
    : `Report: ${join(options.runDir, reportPath)}`;
}
