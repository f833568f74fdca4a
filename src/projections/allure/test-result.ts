import type { CertificationResult, CheckpointResult, ProtocolResult } from '../../result/types.ts';
import { labelsFor, requirementLinks, useCaseTitle } from './labels.ts';
import { publicText } from './public-text.ts';
import { nameBasedUuid, stableHash } from './ids.ts';
import type { StepResult, TestResult } from './model.ts';
import { allureStatus, checkpointStatusDetails } from './status.ts';
import { checkpointSteps } from './steps.ts';

export interface CheckpointPlacement {
  protocol: ProtocolResult;
  checkpoint: CheckpointResult;
  /** Epoch milliseconds; the record keeps durations only, so the caller lays checkpoints end to end. */
  start: number;
  /** The steps holding the checkpoint's exchanges (see attachments.ts). */
  evidence: StepResult[];
}

/** One checkpoint as one Allure test result. Pure: the projection does the writing. */
export function checkpointTestResult(
  result: CertificationResult,
  placement: CheckpointPlacement,
): TestResult {
  const { protocol, checkpoint, start, evidence } = placement;
  const testResult: TestResult = {
    uuid: nameBasedUuid(result.run.id, protocol.id, checkpoint.id),
    // Independent of the run and the SUT version, so a re-certification continues the checkpoint's history.
    historyId: stableHash(protocol.id, checkpoint.id),
    testCaseId: stableHash(protocol.id, checkpoint.id),
    name: `${checkpoint.id} ${checkpoint.title}`,
    fullName: `${protocol.id}:${checkpoint.id}`,
    titlePath: [protocol.title, useCaseTitle(protocol, checkpoint.useCase)],
    description: description(checkpoint, protocol),
    status: allureStatus(checkpoint.status),
    stage: 'finished',
    start,
    stop: start + checkpoint.durationMs,
    labels: labelsFor(protocol, checkpoint),
    links: requirementLinks(checkpoint, protocol.id),
    parameters: [
      { name: 'SUT vendor', value: result.sut.vendor, excluded: true },
      { name: 'SUT system', value: result.sut.system, excluded: true },
      { name: 'SUT version', value: result.sut.version, excluded: true },
    ],
    steps: [...evidence, ...checkpointSteps(checkpoint, start)],
    attachments: [],
  };
  const details = checkpointStatusDetails(checkpoint);
  if (details) testResult.statusDetails = details;
  return testResult;
}

/** Markdown: requirements (also those without a link), provisional source and scenario location. */
function description(checkpoint: CheckpointResult, protocol: ProtocolResult): string {
  const lines = [
    `**Grade:** ${checkpoint.grade} · **Mode:** ${checkpoint.mode} · **Verdict:** ${checkpoint.status}`,
  ];
  const official = protocol.officialProtocol;
  if (official)
    lines.push(
      '',
      checkpoint.officialSteps
        ? `**MedCom test step${checkpoint.officialSteps.length > 1 ? 's' : ''}:** ${checkpoint.officialSteps.join(', ')} (${official.title} ${official.version})`
        : `**certbench's own check**, beyond ${official.title} ${official.version}`,
    );
  if (checkpoint.requirements.length > 0) {
    lines.push('', '**Requirements**', '');
    for (const requirement of checkpoint.requirements) {
      const text = publicText(requirement.text, protocol.id);
      lines.push(requirement.url ? `- [${text}](${requirement.url})` : `- ${text}`);
    }
  }
  if (checkpoint.provisional)
    lines.push('', `**Provisional** (source: ${publicText(checkpoint.provisional.source, protocol.id)})`);
  if (checkpoint.scenario) {
    const { uri, line, name } = checkpoint.scenario;
    lines.push('', `**Scenario:** ${name} (${uri}:${line})`);
  }
  return lines.join('\n');
}
