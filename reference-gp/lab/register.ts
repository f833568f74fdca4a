// The GP registers a local lab result (one sampling, one or more analyses). Agreed analyses of a patient with a
// CPR are shared at once; anything else stays in the clinic's record only. Invalid entries are refused (422).
import { randomUUID } from 'node:crypto';
import type { GpContext } from '../context.ts';
import { reuseIdentifiers } from '../faults/lab-behaviour.ts';
import { invalid } from '../http/problem.ts';
import { asObject, optionalString, requiredString, type Input } from '../input.ts';
import { danishDateTime } from '../time.ts';
import { catalogueEntry, DIPSTICK_GRADES } from './catalogue.ts';
import { labPerson } from './persons.ts';
import type { Comparator, LabAnalysis, LabResult } from './records.ts';
import { share } from './share.ts';

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const COMPARATORS: readonly string[] = ['<', '<=', '>=', '>'];

export async function registerResult(ctx: GpContext, input: Input): Promise<Record<string, unknown>> {
  const { faults, state } = ctx;
  const person = labPerson(state, input['patient']);
  const samplingTime = requiredString(input, 'samplingTime');
  if (!DATETIME.test(samplingTime))
    throw invalid('input.samplingTime must be a dateTime with seconds and offset');
  const now = ctx.clock();
  // Fault: a sampling time in the future is accepted (and shared).
  if (Date.parse(samplingTime) > now.getTime() && !faults.has('lab-accepts-future-sampling-time'))
    throw invalid(`input.samplingTime ${samplingTime} lies in the future`);
  if (!Array.isArray(input['analyses']) || input['analyses'].length === 0)
    throw invalid('input.analyses must be a non-empty array');
  const analyses = input['analyses'].map((a, i) =>
    parseAnalysis(ctx, asObject(a, `input.analyses[${i}]`), i),
  );
  const disciplines = new Set(analyses.map((a) => catalogueEntry(a.npu)?.discipline ?? 'biochemistry'));
  if (disciplines.size > 1) throw invalid('register biochemistry and microbiology as separate results');
  const refused = input['refusedConsent'] === true && !faults.has('ignores-refused-consent');
  const registeredAt = danishDateTime(now);
  const result: LabResult = {
    id: randomUUID(),
    identifier: newIdentifier(),
    person: person.id,
    samplingTime,
    registeredAt,
    discipline: disciplines.has('microbiology') ? 'microbiology' : 'biochemistry',
    analyses,
    status: 'final',
    refusedConsent: refused,
    deleted: false,
    // Fault: a result kept locally is shown as waiting for the database's answer.
    sharing: faults.has('lab-local-result-shown-pending') ? 'pending' : 'not-shared',
    messages: [],
    history: [{ at: registeredAt, event: refused ? 'registered (nægtet samtykke)' : 'registered' }],
  };
  // Fault: identifiers derived from the patient and the NPU code, so different results share them.
  if (faults.has('lab-reuse-identifiers')) reuseIdentifiers(result);
  state.lab.set(person.id, [...(state.lab.get(person.id) ?? []), result]);
  if (shareable(ctx, result, person.cpr !== undefined)) await share(ctx, result, person, 'new-message');
  return { resultId: result.id, shared: result.messages.length > 0 };
}

/** Only agreed analyses of a person with a CPR are shared (faults widen this). */
function shareable(ctx: GpContext, result: LabResult, hasCpr: boolean): boolean {
  const { faults } = ctx;
  if (!hasCpr && !faults.has('lab-shares-replacement-cpr')) return false;
  return result.analyses.every((a) => {
    if (a.npu === undefined) return faults.has('lab-shares-without-npu-code');
    return catalogueEntry(a.npu) !== undefined || faults.has('lab-shares-non-agreed');
  });
}

/** A new globally unique identifier (urn:uuid) of a report or an analysis, the same in every message about it. */
function newIdentifier(): string {
  return `urn:uuid:${randomUUID()}`;
}

function parseAnalysis(ctx: GpContext, input: Input, index: number): LabAnalysis {
  const where = `input.analyses[${index}]`;
  const npu = optionalString(input, 'npu');
  if (npu !== undefined && !/^NPU\d{5}$/.test(npu)) throw invalid(`${where}.npu must look like NPU19748`);
  const entry = catalogueEntry(npu);
  const display = entry?.display ?? requiredString(input, 'display');
  const identifier = newIdentifier();
  const base = { npu, display, identifier }; // npu left out of the JSON for a local analysis without one
  if (typeof input['value'] === 'number')
    return { ...base, quantity: quantityOf(ctx, input, where, entry?.unit) };
  if (input['organism'] !== undefined) {
    const organism = asObject(input['organism'], `${where}.organism`);
    return {
      ...base,
      organism: {
        system: requiredString(organism, 'system'),
        code: requiredString(organism, 'code'),
        display: requiredString(organism, 'display'),
      },
    };
  }
  const grade = requiredString(input, 'grade');
  if (entry?.kind === 'grade' && !DIPSTICK_GRADES.includes(grade))
    throw invalid(`${where}.grade must be one of ${DIPSTICK_GRADES.join(', ')}`);
  return { ...base, grade };
}

function quantityOf(ctx: GpContext, input: Input, where: string, unit?: { ucum: string; text: string }) {
  const comparator = optionalString(input, 'comparator');
  if (comparator !== undefined && !COMPARATORS.includes(comparator))
    throw invalid(`${where}.comparator must be one of ${COMPARATORS.join(' ')}`);
  // comparator left out of the JSON when there is none
  const value = { value: input['value'] as number, comparator: comparator as Comparator | undefined };
  const given = optionalString(input, 'unit');
  // Fault: a numeric result without unit is accepted.
  if (given === undefined && ctx.faults.has('lab-accepts-value-without-unit')) return value;
  if (given === undefined) throw invalid(`${where}.unit is required for a numeric result`);
  if (unit !== undefined && given !== unit.text)
    throw invalid(`${where}.unit is ${given}, expected ${unit.text} for this analysis`);
  return { ...value, unit: given, ucum: unit?.ucum ?? given };
}
