/**
 * The shapes of the files in an `allure-results` folder (Allure 2 results format, read by Allure 2 and 3).
 * Plain data, no behaviour: the projection builds these and the writer serialises them.
 */

export type AllureStatus = 'passed' | 'failed' | 'broken' | 'skipped' | 'unknown';
export type AllureStage = 'scheduled' | 'running' | 'finished' | 'pending' | 'interrupted';

export interface StatusDetails {
  message?: string;
  trace?: string;
  expected?: string;
  actual?: string;
  known?: boolean;
  muted?: boolean;
  flaky?: boolean;
}

export interface Label {
  name: string;
  value: string;
}

export interface Link {
  name?: string;
  url: string;
  /** `link`, `issue`, `tms` or a custom type. */
  type?: string;
}

export interface Parameter {
  name: string;
  value: string;
  /** Excluded parameters do not take part in Allure's own history id. */
  excluded?: boolean;
  mode?: 'default' | 'masked' | 'hidden';
}

export interface Attachment {
  name: string;
  /** File name inside `allure-results/`. */
  source: string;
  /** Media type, e.g. `application/json`. */
  type: string;
}

export interface StepResult {
  name: string;
  status: AllureStatus;
  statusDetails?: StatusDetails;
  stage: AllureStage;
  start: number;
  stop: number;
  steps: StepResult[];
  attachments: Attachment[];
  parameters: Parameter[];
}

/** One `<uuid>-result.json`. */
export interface TestResult extends Omit<StepResult, 'name'> {
  uuid: string;
  name: string;
  fullName: string;
  /** Same value across runs for the same test, so Allure can show history and retries. */
  historyId: string;
  testCaseId: string;
  titlePath?: string[];
  description?: string;
  labels: Label[];
  links: Link[];
}

/** One entry of `categories.json`: results matching status and message regex are grouped under `name`. */
export interface Category {
  name: string;
  description?: string;
  matchedStatuses?: AllureStatus[];
  messageRegex?: string;
  traceRegex?: string;
  flaky?: boolean;
}

/** `executor.json`: who produced the results. */
export interface Executor {
  name: string;
  type: string;
  buildName?: string;
  buildOrder?: number;
  buildUrl?: string;
  reportName?: string;
  reportUrl?: string;
  url?: string;
}
