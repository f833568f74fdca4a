import type { CertificationResult, CheckpointResult, ProtocolResult } from '../result/types.ts';
import { failureMessage, firstLine, skipMessage, underlyingFailure } from './status-messages.ts';
import type { Projection } from './types.ts';
import { xmlAttribute, xmlText } from './xml-escape.ts';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  durationMs: number;
}

/** JUnit XML for CI systems: one testsuite per protocol, one testcase per checkpoint. */
export const junitProjection: Projection = {
  name: 'junit',
  description: 'JUnit XML (one testsuite per protocol, one testcase per checkpoint) in junit.xml',
  async project({ result, writer }) {
    await writer.write('junit.xml', junitXml(result));
  },
};

export function junitXml(result: CertificationResult): string {
  const suites = result.protocols.map((protocol) => testsuite(result, protocol));
  const total = countAll(result.protocols.flatMap((protocol) => protocol.checkpoints));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'certbench', ...countAttributes(total), timestamp: result.run.startedAt })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testsuite(result: CertificationResult, protocol: ProtocolResult): string {
  const counts = countAll(protocol.checkpoints);
  const properties = {
    title: protocol.title,
    version: protocol.version,
    standard: `${protocol.standard.packageId} ${protocol.standard.version}`,
    ...(protocol.officialProtocol
      ? { 'medcom.testProtocol': `${protocol.officialProtocol.title} ${protocol.officialProtocol.version}` }
      : {}),
    approval: protocol.approval,
    'sut.vendor': result.sut.vendor,
    'sut.system': result.sut.system,
    'sut.version': result.sut.version,
    'run.id': result.run.id,
    'certbench.version': result.certbench.version,
  };
  return [
    `  <testsuite${attributes({ name: protocol.id, ...countAttributes(counts), timestamp: result.run.startedAt })}>`,
    '    <properties>',
    ...Object.entries(properties).map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    '    </properties>',
    ...protocol.checkpoints.map((checkpoint) => testcase(protocol, checkpoint)),
    '  </testsuite>',
  ].join('\n');
}

function testcase(protocol: ProtocolResult, checkpoint: CheckpointResult): string {
  const open = `    <testcase${attributes({
    classname: `${protocol.id}.${checkpoint.useCase}`,
    name: `${checkpoint.id} ${checkpoint.title}${stepsNote(checkpoint)}`,
    time: seconds(checkpoint.durationMs),
  })}`;
  const body = outcome(checkpoint);
  return body === undefined ? `${open}/>` : `${open}>\n      ${body}\n    </testcase>`;
}

/** MedCom's step numbers where the id alone does not say them all. */
function stepsNote(checkpoint: CheckpointResult): string {
  const steps = checkpoint.officialSteps ?? [];
  return steps.length > 1 ? ` (MedCom steps ${steps.join(', ')})` : '';
}

function outcome(checkpoint: CheckpointResult): string | undefined {
  switch (checkpoint.status) {
    case 'passed':
      return undefined;
    case 'failed':
      return element(
        'failure',
        { message: firstLine(failureMessage(checkpoint)), type: checkpoint.grade },
        failureMessage(checkpoint),
      );
    case 'harness-error': {
      const message = checkpoint.message ?? 'harness error';
      return element('error', { message: firstLine(message), type: 'harness-error' }, message);
    }
    case 'waived':
    case 'pending':
    case 'not-applicable':
      // The whole message goes in the attribute: CI tools show it as the skip reason.
      return element(
        'skipped',
        { message: skipMessage(checkpoint) ?? checkpoint.status },
        underlyingFailure(checkpoint),
      );
    default: {
      // A new status must be mapped here before it compiles.
      const unmapped: never = checkpoint.status;
      throw new Error(`no JUnit mapping for status ${String(unmapped)}`);
    }
  }
}

function element(name: string, attrs: Record<string, string>, text: string | undefined): string {
  return text === undefined
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${xmlText(text)}</${name}>`;
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

function countAll(checkpoints: readonly CheckpointResult[]): Counts {
  const count = (...statuses: CheckpointResult['status'][]): number =>
    checkpoints.filter((checkpoint) => statuses.includes(checkpoint.status)).length;
  return {
    tests: checkpoints.length,
    failures: count('failed'),
    errors: count('harness-error'),
    skipped: count('waived', 'pending', 'not-applicable'),
    durationMs: checkpoints.reduce((sum, checkpoint) => sum + checkpoint.durationMs, 0),
  };
}

function countAttributes(counts: Counts): Record<string, string | number> {
  const { tests, failures, errors, skipped, durationMs } = counts;
  return { tests, failures, errors, skipped, time: seconds(durationMs) };
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);
