import type { Grade } from '../../protocols/schema.ts';
import type { CheckpointResult, ProtocolResult } from '../../result/types.ts';
import type { Label, Link } from './model.ts';
import { publicText } from './public-text.ts';

/** Allure's severity names; F1 blocks approval outright, F4 is only a remark. */
const severityByGrade = {
  F1: 'blocker',
  F2: 'critical',
  F3: 'normal',
  F4: 'minor',
} as const satisfies Record<Grade, string>;

export function useCaseTitle(protocol: ProtocolResult, useCaseId: string): string {
  const useCase = protocol.useCases.find((candidate) => candidate.id === useCaseId);
  return useCase ? `${useCase.id} ${useCase.title}` : useCaseId;
}

/** Behaviours tab: epic = protocol, feature = use case, story = checkpoint; suites mirror it for the Suites tab. */
export function labelsFor(protocol: ProtocolResult, checkpoint: CheckpointResult): Label[] {
  const useCase = useCaseTitle(protocol, checkpoint.useCase);
  const labels: Label[] = [
    { name: 'epic', value: protocol.title },
    { name: 'feature', value: useCase },
    { name: 'story', value: `${checkpoint.id} ${checkpoint.title}` },
    {
      name: 'parentSuite',
      value: `${protocol.title} ${protocol.version}${protocol.variant ? ` (${protocol.variant})` : ''}`,
    },
    { name: 'suite', value: useCase },
    { name: 'severity', value: severityByGrade[checkpoint.grade] },
    { name: 'grade', value: checkpoint.grade },
    // The verdict as certbench computed it: Allure's status alone cannot tell waived from pending.
    { name: 'verdict', value: checkpoint.status },
    { name: 'framework', value: 'certbench' },
    { name: 'package', value: protocol.id },
  ];
  if (protocol.variant) labels.push({ name: 'variant', value: protocol.variant });
  // The step numbers of MedCom's test protocol, so a MedCom tester finds "3.4.3.2" in the report.
  for (const step of checkpoint.officialSteps ?? []) labels.push({ name: 'medcomStep', value: step });
  if (protocol.officialProtocol && !checkpoint.officialSteps)
    labels.push({ name: 'tag', value: 'certbench-own-check' });
  if (checkpoint.waiver)
    labels.push({ name: 'waiver', value: checkpoint.waiver.id }, { name: 'tag', value: 'waived' });
  if (checkpoint.provisional) labels.push({ name: 'tag', value: 'provisional' });
  if (checkpoint.mode === 'manual') labels.push({ name: 'tag', value: 'manual' });
  return labels;
}

/** Requirements with an address become links; the ones without stay in the description. */
export function requirementLinks(checkpoint: CheckpointResult, protocolId: string): Link[] {
  return checkpoint.requirements.flatMap((requirement) =>
    requirement.url
      ? [{ name: publicText(requirement.text, protocolId), url: requirement.url, type: 'link' }]
      : [],
  );
}
