// The flow of MedCom's "Test protocol for Sending a ConditionList" 1.0.2 with its test diagnoses: one patient, two
// clinics, use cases S1(1)-S1(7) in order and then the incomplete diagnoses of 3.4.2. Every feature of the protocol
// starts from the same flow, so it runs once per run (src/steps-api/plan.ts) and a testcamp operator performs it
// once, step by step. Plan steps are named by the official step they perform; checks read the documents by step.
import { Given } from '@cucumber/cucumber';
import { ActionRefused, CheckFailed } from '../../src/checks/check-failed.ts';
import type { RegisteredDiagnosis } from '../../src/rules/conditionlist/registration.ts';
import type { CardDiagnosis } from '../../src/rules/conditionlist/view-rules.ts';
import type { PlanEnv, PlanStep } from '../../src/steps-api/plan.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { setFlow, type DiagnosekortFlow } from './state.ts';
import { fhirTime, registrationInput, testDiagnoses } from './test-data.ts';

/** A diagnosis of the flow as it stands: on the card or not, Private or not, at which clinic, deleted or not. */
interface Entry {
  diagnosis: RegisteredDiagnosis;
  clinic: 'previous' | 'current';
  onCard: boolean;
  private: boolean;
  deleted: boolean;
  /** Plan steps that changed it. */
  changes: string[];
}

class FlowBuilder {
  readonly steps: PlanStep[] = [];
  readonly entries = new Map<string, Entry>();
  clinic: 'previous' | 'current' = 'current';
  readonly flow: DiagnosekortFlow;
  readonly patient: string;

  constructor(patient: string) {
    this.patient = patient;
    this.flow = {
      patient,
      documents: new Map(),
      views: new Map(),
      registeredBy: new Map(),
      emptyShare: '',
      incomplete: new Map(),
    };
  }

  private add(name: string, key: unknown, run: PlanStep['run']): void {
    this.steps.push({ name, key, run });
  }

  private card(): Entry[] {
    return [...this.entries.values()].filter((e) => e.clinic === this.clinic && e.onCard && !e.deleted);
  }

  reset(step: string): void {
    this.add(`${step} reset patient`, this.patient, ({ driver }) =>
      driver.perform('patient.reset', { patient: this.patient }),
    );
  }

  selectClinic(step: string, clinic: 'previous' | 'current'): void {
    this.clinic = clinic;
    this.add(`${step} choose clinic ${clinic}`, clinic, ({ driver }) =>
      driver.perform('diagnosekort.select-clinic', { patient: this.patient, clinic }),
    );
  }

  register(
    step: string,
    diagnosis: RegisteredDiagnosis,
    options: { onCard?: boolean; private?: boolean } = {},
  ): string {
    const name = `${step} register ${diagnosis.ref}`;
    const input = registrationInput(this.patient, diagnosis, options);
    this.entries.set(diagnosis.ref, {
      diagnosis,
      clinic: this.clinic,
      onCard: options.onCard ?? true,
      private: options.private ?? false,
      deleted: false,
      changes: [name],
    });
    this.flow.registeredBy.set(diagnosis.ref, name);
    this.add(name, input, async ({ driver }) => {
      const output = await driver.perform('diagnosekort.register-diagnosis', input);
      if (typeof output['diagnosisId'] !== 'string')
        throw new CheckFailed('diagnosekort.register-diagnosis must return output.diagnosisId (string)', {
          actual: JSON.stringify(output),
        });
      return output;
    });
    return name;
  }

  /** Changes a registered diagnosis through an action; `apply` keeps the expected card in step. */
  change(
    step: string,
    ref: string,
    action: string,
    input: Record<string, unknown>,
    apply: (e: Entry) => void,
  ): void {
    const entry = this.entries.get(ref);
    if (!entry) throw new Error(`the flow has no diagnosis "${ref}"`);
    const name = `${step} ${action.replace('diagnosekort.', '')} ${ref}`;
    apply(entry);
    entry.changes.push(name);
    const registeredBy = this.flow.registeredBy.get(ref) ?? '';
    this.add(name, [ref, input], ({ driver, outputs }: PlanEnv) =>
      driver.perform(action, {
        patient: this.patient,
        diagnosisId: (outputs.get(registeredBy) as { diagnosisId: string }).diagnosisId,
        ...input,
      }),
    );
  }

  /** Reads the card as the GP sees it (automatic runs; in a manual run the assessor looks at the screen). */
  view(step: string): void {
    const observe = `${step} view the Diagnosekort`;
    const card: CardDiagnosis[] = this.card().map((e) => ({ ...e.diagnosis, private: e.private }));
    this.flow.views.set(step, { step, observe, card });
    this.add(
      observe,
      card.map((c) => c.ref),
      ({ ctx, driver }) =>
        ctx.manual
          ? Promise.resolve(undefined)
          : driver.observe('diagnosekort.diagnoses', { patient: this.patient }),
    );
  }

  /** `unlessAllRefused`: registrations the SUT may refuse; when it refused them all, there is nothing to share. */
  share(step: string, unlessAllRefused: string[] = []): void {
    const name = `${step} create the ConditionList`;
    const shared = this.card().filter((e) => !e.private);
    const times = shared
      .flatMap((e) => [e.diagnosis.registered, e.diagnosis.abatement])
      .filter((t): t is string => !!t);
    const latest = times.sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
    this.flow.documents.set(step, {
      step,
      share: name,
      card: shared.map((e) => ({ ...e.diagnosis })),
      changes: this.steps.map((s) => s.name).filter((n) => shared.some((e) => e.changes.includes(n))),
      ...(latest ? { latestClinicalTime: latest } : {}),
    });
    this.add(name, this.patient, async ({ ctx, driver, record, outputs }) => {
      const refused = (n: string) => (outputs.get(n) as { refused?: string } | undefined)?.refused;
      if (unlessAllRefused.length > 0 && unlessAllRefused.every(refused))
        return { skipped: `the SUT refused every diagnosis: ${refused(unlessAllRefused[0] ?? '') ?? ''}` };
      const recipient = ctx.counterparts.documentSharing;
      const before = recipient.count;
      await driver.perform('diagnosekort.share', { patient: this.patient });
      const submission = await recipient.waitForSubmission(before, ctx.profile.counterparts.waitTimeoutMs);
      record(submission.exchange);
      return submission;
    });
  }

  /**
   * A receiving system asks for the Diagnosekort when every diagnosis is deleted (3.3.7.2): the SUT may refuse or
   * answer, but no document may reach document sharing.
   */
  shareEmpty(step: string): void {
    const name = `${step} request the ConditionList of the empty card`;
    this.flow.emptyShare = name;
    this.add(name, this.patient, async ({ ctx, driver, record }) => {
      const recipient = ctx.counterparts.documentSharing;
      const before = recipient.count;
      try {
        await driver.perform('diagnosekort.share', { patient: this.patient });
      } catch (error) {
        if (error instanceof ActionRefused) return { refused: error.message };
        throw error;
      }
      try {
        const submission = await recipient.waitForSubmission(before, ctx.profile.counterparts.waitTimeoutMs);
        record(submission.exchange);
        return { submission };
      } catch {
        return { answered: true };
      }
    });
  }

  /** Table 2: a system may refuse a diagnosis it cannot hold; the protocol then points to another way (3.4.2.1). */
  registerIncomplete(step: string, diagnosis: RegisteredDiagnosis): void {
    const name = this.register(step, diagnosis);
    this.flow.incomplete.set(name, diagnosis);
    const planned = this.steps.at(-1);
    if (!planned) return;
    const original = planned;
    const run = (env: PlanEnv) => original.run(env);
    this.steps[this.steps.length - 1] = {
      ...planned,
      run: async (env) => {
        try {
          return await run(env);
        } catch (error) {
          if (error instanceof ActionRefused) return { refused: error.message };
          throw error;
        }
      },
    };
  }
}

Given(
  "MedCom's ConditionList send flow \\(test protocol 1.0.2) for test patient {string}",
  function (this: CertbenchWorld, patient: string) {
    const { table1, table2 } = testDiagnoses();
    const row = (ref: string) => {
      const found = table1.get(ref);
      if (!found) throw new Error(`${ref} is not in Table 1 of the test data`);
      return found;
    };
    const f = new FlowBuilder(patient);
    // S1(1): a card at a previous clinic, then the patient's current clinic.
    f.reset('3.3.1.1');
    f.view('3.3.1.1');
    f.selectClinic('3.3.1.2', 'previous');
    f.register('3.3.1.2', row('ingen-sygdom'));
    f.register('3.3.1.2', row('emfysem'));
    f.view('3.3.1.2');
    f.share('3.3.1.3');
    f.selectClinic('3.3.1.4', 'current');
    f.register('3.3.1.4', row('kol'));
    f.view('3.3.1.4');
    f.share('3.3.1.5');
    // S1(2)
    f.register('3.3.2.1', row('diabetes'));
    f.register('3.3.2.1', row('fedme'));
    f.view('3.3.2.1');
    f.share('3.3.2.2');
    // S1(3): one diagnosis not on the card, one marked Private.
    f.register('3.3.3.1', row('virus'), { onCard: false });
    f.register('3.3.3.2', row('depression'), { private: true });
    f.view('3.3.3.2');
    f.share('3.3.3.3');
    // S1(4)
    const abatement = fhirTime('2024-05-06T11:15');
    f.change(
      '3.3.4.1',
      'diabetes',
      'diagnosekort.update-diagnosis',
      { status: 'resolved', abatement },
      (e) => {
        e.diagnosis = { ...e.diagnosis, status: 'resolved', abatement };
      },
    );
    f.view('3.3.4.1');
    f.share('3.3.4.2');
    // S1(5)
    f.change(
      '3.3.5.1',
      'diabetes',
      'diagnosekort.update-diagnosis',
      { status: 'current', abatement: null },
      (e) => {
        const rest = { ...e.diagnosis, status: 'current' as const };
        delete rest.abatement;
        e.diagnosis = rest;
      },
    );
    const covid = {
      system: 'urn:oid:1.2.208.176.2.4.12',
      code: 'DB342a',
      display: 'COVID-19-infektion uden angivelse af lokalisation',
    };
    f.change('3.3.5.1', 'virus', 'diagnosekort.update-diagnosis', { codes: [covid] }, (e) => {
      e.diagnosis = {
        ...e.diagnosis,
        codes: [...e.diagnosis.codes.filter((c) => c.system !== covid.system), covid],
      };
    });
    f.change('3.3.5.1', 'virus', 'diagnosekort.select-diagnosis', {}, (e) => {
      e.onCard = true;
    });
    f.change('3.3.5.1', 'depression', 'diagnosekort.update-diagnosis', { private: false }, (e) => {
      e.private = false;
    });
    f.view('3.3.5.1');
    f.share('3.3.5.2');
    // S1(6)
    f.change('3.3.6.1', 'depression', 'diagnosekort.delete-diagnosis', {}, (e) => {
      e.deleted = true;
    });
    f.view('3.3.6.1');
    f.share('3.3.6.2');
    // S1(7)
    for (const ref of ['kol', 'diabetes', 'fedme', 'virus'])
      f.change('3.3.7.1', ref, 'diagnosekort.delete-diagnosis', {}, (e) => {
        e.deleted = true;
      });
    f.view('3.3.7.1');
    f.shareEmpty('3.3.7.2');
    // 3.4.2: the incomplete historical diagnoses, on the card of the same patient.
    for (const diagnosis of table2) f.registerIncomplete('3.4.2.1', diagnosis);
    f.view('3.4.2.1');
    f.share('3.4.2.2', [...f.flow.incomplete.keys()]);
    for (const step of f.steps) this.addToPlan(step);
    setFlow(this, f.flow);
  },
);
