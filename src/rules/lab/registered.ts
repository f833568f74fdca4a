import type { Resource } from '../../fhir/bundle.ts';
import { agreedAnalysis } from './agreed-analyses.ts';
import { npuCodeOf, type LabMessage } from './message.ts';
import type { Database } from './model.ts';
import { DATABASE_OF } from './model.ts';

/** One analysis of a result as the protocol registered it in the SUT. */
export interface RegisteredAnalysis {
  /** NPU code; absent for a local analysis without one. */
  npu?: string;
  display: string;
  quantity?: { value: number; comparator?: '<' | '<=' | '>=' | '>'; unit?: string };
  /** Dipstick grade or other result text. */
  grade?: string;
  organism?: { system: string; code: string; display: string };
}

/** A local lab result (one sampling, one or more analyses) as registered; what the shared message must reflect. */
export interface RegisteredResult {
  ref: string;
  patient: string;
  /** Sampling time as registered, a FHIR dateTime with offset. */
  samplingTime: string;
  refusedConsent: boolean;
  analyses: RegisteredAnalysis[];
}

export function label(result: RegisteredResult): string {
  return `"${result.ref}"`;
}

/** The database a result belongs in, when every analysis is agreed and of one discipline. */
export function databaseOf(result: RegisteredResult): Database | undefined {
  const databases = new Set(result.analyses.map((a) => agreedDiscipline(a)));
  const [only] = databases;
  return databases.size === 1 && only !== undefined ? only : undefined;
}

function agreedDiscipline(analysis: RegisteredAnalysis): Database | undefined {
  const agreed = agreedAnalysis(analysis.npu);
  return agreed ? DATABASE_OF[agreed.discipline] : undefined;
}

/** Whether the result may be shared at all: every analysis is on the agreed list. */
export function isAgreed(result: RegisteredResult): boolean {
  return result.analyses.every((a) => agreedAnalysis(a.npu) !== undefined);
}

/** The Observation of a message that carries this analysis's NPU code. */
export function observationFor(message: LabMessage, analysis: RegisteredAnalysis): Resource | undefined {
  return message.observations.find((o) => analysis.npu !== undefined && npuCodeOf(o) === analysis.npu);
}

/** Whether a message is about this result: it carries one of the result's NPU codes for the same patient. */
export function concerns(message: LabMessage, result: RegisteredResult): boolean {
  return result.analyses.some((a) => observationFor(message, a) !== undefined);
}

/**
 * What the GP system shows of a result's analyses (observation lab.results, LabAnalysisView) is what was registered:
 * each registered analysis is listed with its NPU code and its value (number and unit, grade, or organism code).
 */
export function shownAsRegistered(shown: unknown, result: RegisteredResult): string[] {
  const analyses = (Array.isArray(shown) ? shown : []) as {
    npu?: unknown;
    quantity?: { value?: unknown; unit?: unknown };
    grade?: unknown;
    organism?: { code?: unknown };
  }[];
  return result.analyses.flatMap((a) => {
    const found = analyses.find((v) => typeof v === 'object' && v !== null && v.npu === a.npu);
    if (!found) return [`${label(result)}: lab.results shows no analysis ${a.npu ?? a.display}`];
    const same = a.quantity
      ? found.quantity?.value === a.quantity.value && found.quantity.unit === a.quantity.unit
      : a.organism
        ? found.organism?.code === a.organism.code
        : found.grade === a.grade;
    const expected = a.quantity
      ? `${a.quantity.value} ${a.quantity.unit ?? ''}`
      : (a.organism?.code ?? a.grade);
    return same
      ? []
      : [
          `${label(result)}: lab.results shows ${a.npu ?? a.display} as ${JSON.stringify(found)}, expected ${expected}`,
        ];
  });
}

/**
 * The history the GP sees of a result (observation lab.results history): at least one entry per action the GP took
 * on it (the registration and each later action), each with its time (a dateTime) and a text saying what happened.
 * The wording is the system's own: no source fixes it.
 */
export function historyShown(history: unknown, result: RegisteredResult, actions: number): string[] {
  const entries = (Array.isArray(history) ? history : []) as unknown[];
  const problems: string[] = [];
  if (entries.length < actions)
    problems.push(
      `${label(result)}: lab.results shows ${entries.length} history entries, expected at least ${actions} (the registration and each later action)`,
    );
  for (const [i, item] of entries.entries()) {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as {
      at?: unknown;
      event?: unknown;
    };
    if (typeof entry.at !== 'string' || Number.isNaN(Date.parse(entry.at)))
      problems.push(
        `${label(result)}: history[${i}].at is ${JSON.stringify(entry.at ?? null)}, expected a dateTime`,
      );
    if (typeof entry.event !== 'string' || entry.event.trim() === '')
      problems.push(
        `${label(result)}: history[${i}].event is ${JSON.stringify(entry.event ?? null)}, expected a text saying what happened`,
      );
  }
  return problems;
}
