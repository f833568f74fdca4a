import type { CheckRecord, CheckpointResult, StepRecord } from '../../result/types.ts';
import { firstLine } from '../status-messages.ts';
import type { Parameter, StatusDetails, StepResult } from './model.ts';
import { allureStepStatus } from './status.ts';

/**
 * The Gherkin steps, then one step per check made on the SUT.
 * The record keeps durations, not start times, so steps are laid end to end from the checkpoint's start.
 */
export function checkpointSteps(checkpoint: CheckpointResult, start: number): StepResult[] {
  let cursor = start;
  // Cucumber's hooks are certbench's own set-up: a passed one says nothing to a reader, a failed one is named.
  const shown = checkpoint.steps.filter((step) => !(isHook(step) && step.status === 'passed'));
  const steps = shown.map((step) => {
    const result = gherkinStep(step, cursor);
    cursor = result.stop;
    return result;
  });
  return [...steps, ...checkpoint.checks.map((check) => checkStep(check, cursor))];
}

const isHook = (step: StepRecord): boolean => step.keyword.trim() === 'Hook';

function gherkinStep(step: StepRecord, start: number): StepResult {
  const result: StepResult = {
    // A hook's text is cucumber's id for it, which means nothing to a reader.
    name: isHook(step) ? 'certbench scenario set-up (hook)' : `${step.keyword.trim()} ${step.text}`,
    status: allureStepStatus(step.status),
    stage: 'finished',
    start,
    stop: start + step.durationMs,
    steps: [],
    attachments: [],
    parameters: [],
  };
  if (step.error !== undefined) result.statusDetails = { message: firstLine(step.error), trace: step.error };
  return result;
}

function checkStep(check: CheckRecord, at: number): StepResult {
  const details: StatusDetails = {};
  if (check.expected !== undefined) details.expected = check.expected;
  if (check.actual !== undefined) details.actual = check.actual;
  // Allure 2 shows only message and trace, so expected/actual are spelled out in the message too.
  const comparison = [
    check.expected === undefined ? undefined : `expected: ${check.expected}`,
    check.actual === undefined ? undefined : `actual: ${check.actual}`,
  ].filter((line) => line !== undefined);
  if (comparison.length > 0) details.message = comparison.join('\n');
  const parameters: Parameter[] = check.location ? [{ name: 'location', value: check.location }] : [];
  const result: StepResult = {
    name: `${check.passed ? '✔' : '✘'} ${check.description}`,
    status: check.passed ? 'passed' : 'failed',
    stage: 'finished',
    start: at,
    stop: at,
    steps: [],
    attachments: [],
    parameters,
  };
  if (Object.keys(details).length > 0) result.statusDetails = details;
  return result;
}
