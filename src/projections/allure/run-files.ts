import type { CertificationResult } from '../../result/types.ts';
import type { Category, Executor } from './model.ts';

/**
 * Categories are tried in order and the first match wins, so the certbench-specific ones come before the
 * plain status buckets. Anchored, because Allure 3 searches the message where Allure 2 matches all of it.
 */
export const certbenchCategories: Category[] = [
  {
    name: 'Waived',
    description:
      'Failed (or not run) but covered by an active dispensation (waiver): its id, approver, expiry and reason are the message, the underlying failure is in the trace. Not pending: the system was tested.',
    matchedStatuses: ['unknown'],
    messageRegex: '^Waived:.*',
  },
  {
    name: 'Pending',
    description: 'Not yet tested: not testable yet, deferred, or awaiting the assessor.',
    matchedStatuses: ['skipped'],
    messageRegex: '^Pending:.*',
  },
  {
    name: 'Not applicable',
    description: 'An optional use case the SUT profile does not claim.',
    matchedStatuses: ['skipped'],
    messageRegex: '^Not applicable:.*',
  },
  {
    name: 'Harness error',
    description: 'A problem of certbench itself; it invalidates the run and is not a verdict on the SUT.',
    matchedStatuses: ['broken'],
  },
  {
    name: 'Remarks (F4)',
    description: 'F4 failures: allowed for approval, listed as remarks.',
    matchedStatuses: ['failed'],
    messageRegex: '^Remark \\(F4\\):.*',
  },
  {
    name: 'Blocking failures',
    description: 'Failed checkpoints graded F1–F3: the protocol is not approved.',
    matchedStatuses: ['failed'],
  },
];

/**
 * Who made the results: certbench, and in CI the build that ran it with its address (GitHub Actions, GitLab CI), so
 * Allure's trend names each build and links back to it. Only these public build facts are read from the environment.
 */
export function executor(
  result: CertificationResult,
  env: Record<string, string | undefined> = {},
): Executor {
  const base: Executor = {
    name: 'certbench',
    type: 'certbench',
    buildName: result.run.id,
    reportName: reportName(result),
  };
  const github = env['GITHUB_ACTIONS'] === 'true' && env['GITHUB_RUN_ID'];
  if (github) {
    const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
    const repository = env['GITHUB_REPOSITORY'] ?? '';
    const runNumber = Number(env['GITHUB_RUN_NUMBER']);
    return {
      ...base,
      name: 'GitHub Actions',
      type: 'github',
      buildName: `${env['GITHUB_WORKFLOW'] ?? 'workflow'} #${env['GITHUB_RUN_NUMBER'] ?? env['GITHUB_RUN_ID']} (certbench run ${result.run.id})`,
      ...(Number.isInteger(runNumber) ? { buildOrder: runNumber } : {}),
      buildUrl: `${server}/${repository}/actions/runs/${env['GITHUB_RUN_ID']}`,
      url: `${server}/${repository}`,
    };
  }
  if (env['GITLAB_CI'] === 'true' && env['CI_PIPELINE_URL']) {
    const pipeline = Number(env['CI_PIPELINE_IID']);
    return {
      ...base,
      name: 'GitLab CI',
      type: 'gitlab',
      buildName:
        `${env['CI_PROJECT_PATH'] ?? 'pipeline'} #${env['CI_PIPELINE_IID'] ?? env['CI_PIPELINE_ID'] ?? ''} ${env['CI_JOB_NAME'] ?? ''} (certbench run ${result.run.id})`.replace(
          /\s+/g,
          ' ',
        ),
      ...(Number.isInteger(pipeline) ? { buildOrder: pipeline } : {}),
      buildUrl: env['CI_JOB_URL'] ?? env['CI_PIPELINE_URL'],
      ...(env['CI_PROJECT_URL'] ? { url: env['CI_PROJECT_URL'] } : {}),
    };
  }
  return base;
}

export function reportName(result: CertificationResult): string {
  return `certbench: ${result.sut.vendor} ${result.sut.system} ${result.sut.version}`;
}

/** What identifies the run; nothing secret is in the record, and only identity is copied from it. */
export function environmentEntries(result: CertificationResult): [string, string][] {
  const { run, sut } = result;
  const entries: [string, string][] = [
    ['sut.vendor', sut.vendor],
    ['sut.system', sut.system],
    ['sut.version', sut.version],
    ['sut.profileSha256', sut.profileSha256],
    ['run.id', run.id],
    ['run.mode', run.mode],
    ['run.driver', run.driver],
    ['run.strict', String(run.strict)],
    ['run.startedAt', run.startedAt],
    ['run.finishedAt', run.finishedAt],
  ];
  if (run.previousRunId) entries.push(['run.previousRunId', run.previousRunId]);
  if (sut.referenceGp) entries.push(['referenceGp.faults', sut.referenceGp.faults.join(', ') || 'none']);
  for (const protocol of result.protocols) {
    const { standard } = protocol;
    entries.push([
      `protocol.${protocol.id}`,
      `${protocol.version} (${standard.packageId} ${standard.version})`,
    ]);
  }
  if (result.waiverRegister) entries.push(['waivers.register', result.waiverRegister.file]);
  entries.push(
    ['certbench.version', result.certbench.version],
    ['result.schemaVersion', result.schemaVersion],
  );
  return entries;
}
