// Checks of the intelligent-indbakke protocol: what the GP system's inbox, patient replies, fees and audit log show
// after each delivered lab report (rules in src/rules/inbox/inbox-rules.ts).
import { Then } from '@cucumber/cucumber';
import {
  answeredOnce,
  auditActionsNamed,
  auditedActions,
  groupedWithProducers,
  keptForTheDoctor,
  noFees,
  nothingAboutOthers,
  notAutoHandled,
  nothingAudited,
  onlyResults,
  shownAsReported,
  repliesAbout,
  repliesSayNoOtherPerson,
  showsTypeInForce,
  stateIs,
  type ReportedResult,
} from '../../src/rules/inbox/inbox-rules.ts';
import { resultOf } from '../../src/rules/inbox/delivery.ts';
import type { InboxSnapshot } from '../../src/rules/inbox/inbox-view.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { automaticOnly } from '../common/assessment.ts';
import {
  inboxScenario,
  ordered,
  requisitionNumber,
  type AppointmentOutput,
  type DeliveredReport,
  type DeliveryOutput,
} from './state.ts';

interface Seen {
  requisition: string;
  /** The inbox of the requisition's patient after each delivery, in order. */
  after: InboxSnapshot[];
  latest: InboxSnapshot;
  outputs: ReadonlyMap<string, unknown>;
}

async function seen(
  world: CertbenchWorld,
  ref: string,
  patient = ordered(world, ref).patient,
): Promise<Seen> {
  const outcome = await world.realise();
  const after = inboxScenario(world).deliveries.flatMap((d) => {
    const snapshot = (outcome.outputs.get(d.step) as DeliveryOutput | undefined)?.snapshots[patient];
    return snapshot ? [snapshot] : [];
  });
  const latest = after.at(-1);
  if (!latest) throw new Error(`no report was delivered in this scenario for ${patient}`);
  return { requisition: requisitionNumber(world.ctx.runId, ref), after, latest, outputs: outcome.outputs };
}

const INBOX = 'observations inbox.items, inbox.patient-messages';

/**
 * Performs the plan; false in a manual run, where the operator performed it and the assessor's step that follows
 * decides (the manual driver has no observations to read).
 */
async function observed(world: CertbenchWorld): Promise<boolean> {
  await world.realise();
  return automaticOnly(world);
}

Then(
  'every complete, well-formed report was answered with a 2xx status',
  async function (this: CertbenchWorld) {
    if (!(await observed(this))) return;
    const outcome = await this.realise();
    // Complete reports only: a cut-off or incomplete one (an element left out or empty) may be refused (II-3.4.2).
    const wellFormed = inboxScenario(this).deliveries.filter(
      (d) => !d.cutOff && d.omit === undefined && d.blank === undefined,
    );
    const problems = wellFormed.flatMap((d) => {
      const { status, excerpt } = (outcome.outputs.get(d.step) as DeliveryOutput).answer;
      return status !== undefined && (status < 200 || status > 299)
        ? [
            `${d.step} (from ${d.lab} on requisition ${d.requisition}) was answered HTTP ${status}: ${excerpt ?? ''}`,
          ]
        : [];
    });
    this.verify('the receiving endpoint accepted every report', problems, {
      location: 'POST inbound/lab-report',
      expected: '2xx',
    });
  },
);

Then(
  'requisition {string} is answered automatically: the patient got exactly one automatic reply',
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    const patient = ordered(this, ref).patient;
    this.verify(
      'one automatic reply to the patient, with a text naming no other person',
      [...answeredOnce(latest, requisition), ...repliesSayNoOtherPerson(latest, requisition, patient)],
      {
        location: 'observation inbox.patient-messages',
        expected: `one reply about requisition ${requisition}; where its text is shown, not empty and without another person's name or CPR number`,
      },
    );
  },
);

Then(
  "requisition {string} is archived and no longer in the doctor's inbox",
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    this.verify('archived after the automatic reply', stateIs(latest, requisition, 'archived'), {
      location: 'observation inbox.items',
      expected: 'state archived',
    });
  },
);

Then(
  'no fee \\(ydelse) is registered for the automatic reply on requisition {string}',
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    this.verify('no fee for an automatic reply', noFees(latest, requisition), {
      location: 'observation inbox.fees',
      expected: 'no fee',
    });
  },
);

Then(
  'the audit log records the automatic reply and the archiving of requisition {string}, each with its time',
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    this.verify(
      'automatic actions are logged',
      auditedActions(latest, requisition, ['auto-reply', 'archive']),
      {
        location: 'observation inbox.audit',
        expected: 'auto-reply and archive entries with a dateTime, the system as actor where one is named',
      },
    );
  },
);

Then(
  'the inbox shows requisition {string} with the auto-handling type {string}',
  async function (this: CertbenchWorld, ref: string, autoHandling: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    this.verify('type in force shown', showsTypeInForce(latest, requisition, autoHandling), {
      location: INBOX,
      expected: `autoHandling ${autoHandling} where shown`,
    });
  },
);

Then(
  "requisition {string} stays in the doctor's inbox and the patient gets no automatic reply",
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    this.verify('kept for the doctor', keptForTheDoctor(latest, requisition), {
      location: INBOX,
      expected: 'state inbox, no reply',
    });
  },
);

function afterReport(found: Seen, n: number): InboxSnapshot {
  const snapshot = found.after[n - 1];
  if (!snapshot) throw new Error(`there is no report ${n} in this scenario`);
  return snapshot;
}

Then(
  'after report {int}, requisition {string} is neither answered nor archived automatically',
  async function (this: CertbenchWorld, n: number, ref: string) {
    if (!(await observed(this))) return;
    const found = await seen(this, ref);
    this.verify(
      `not auto-handled after report ${n}`,
      notAutoHandled(afterReport(found, n), found.requisition),
      {
        location: INBOX,
        expected: 'no reply, not archived',
      },
    );
  },
);

Then(
  'after report {int}, requisition {string} is answered automatically and archived',
  async function (this: CertbenchWorld, n: number, ref: string) {
    if (!(await observed(this))) return;
    const found = await seen(this, ref);
    const snapshot = afterReport(found, n);
    this.verify(
      `auto-handled after report ${n}`,
      [...answeredOnce(snapshot, found.requisition), ...stateIs(snapshot, found.requisition, 'archived')],
      { location: INBOX, expected: 'one reply, state archived' },
    );
  },
);

function deliveredResults(world: CertbenchWorld, ref: string): { npu: string; producer: string }[] {
  return inboxScenario(world)
    .deliveries.filter((d) => d.requisition === ref)
    .flatMap((d) => d.rows.map((r) => ({ npu: r.npu, producer: r.producer || d.lab })));
}

/** What the laboratories reported of each result of the requisition (the XRPT01 certbench sent). */
function reportedResults(world: CertbenchWorld, ref: string): ReportedResult[] {
  return inboxScenario(world)
    .deliveries.filter((d) => d.requisition === ref)
    .flatMap((d) =>
      d.rows.map((row) => {
        const sent = resultOf(row, d.lab);
        return {
          npu: sent.npu,
          producerIdentifier: sent.producer.identifier,
          name: sent.name,
          ...(sent.unit ? { unit: sent.unit } : {}),
        };
      }),
    );
}

Then(
  'requisition {string} is one inbox item with the results of every report',
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    this.verify(
      'grouped under the requisition',
      groupedWithProducers(latest, requisition, deliveredResults(this, ref), false),
      { location: 'observation inbox.items', expected: 'one item holding every delivered result' },
    );
  },
);

Then(
  'every result of requisition {string} shows the producer the laboratory reported',
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    this.verify(
      'each result shows its producer',
      [
        ...groupedWithProducers(latest, requisition, deliveredResults(this, ref), true),
        ...shownAsReported(latest, requisition, reportedResults(this, ref)),
      ],
      {
        location: 'observation inbox.items results[].producer, results[].unit, results[].name',
        expected:
          'ProducerOfLabResult/IdentifierCode; where shown, ProducerOfLabResult/Identifier and Unit as reported and a non-empty analysis name',
      },
    );
  },
);

Then(
  'requisition {string} got exactly one automatic reply, and only after its last analysis arrived',
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, after, latest } = await seen(this, ref);
    const problems: string[] = [];
    after.slice(0, -1).forEach((snapshot, index) => {
      const replies = repliesAbout(snapshot, requisition, problems);
      if (replies > 0)
        problems.push(
          `after report ${index + 1}, before every analysis had arrived, the patient got ${replies} automatic replies`,
        );
    });
    problems.push(...answeredOnce(latest, requisition));
    this.verify('one reply once the requisition is complete', problems, {
      location: 'observation inbox.patient-messages',
      expected: 'no reply before the last analysis, exactly one after',
    });
  },
);

function appointmentLook(found: Seen, patient: string): AppointmentOutput {
  const look = found.outputs.get(`appointment ${patient}`) as AppointmentOutput | undefined;
  if (!look) throw new Error(`the inbox of ${patient} was not looked at on the appointment day`);
  return look;
}

Then(
  'requisition {string} is archived without a reply, and still archived on the day before the appointment',
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const found = await seen(this, ref);
    const look = appointmentLook(found, ordered(this, ref).patient);
    const dayBefore = { ...found.latest, items: look.dayBefore };
    this.verify(
      'archived until the appointment',
      [
        ...stateIs(found.latest, found.requisition, 'archived'),
        ...notRepliedTo(found.latest, found.requisition),
        ...stateIs(dayBefore, found.requisition, 'archived').map((p) => `on ${look.dates.dayBefore}: ${p}`),
      ],
      { location: 'observation inbox.items (asOf)', expected: 'archived, no reply' },
    );
  },
);

function notRepliedTo(snapshot: InboxSnapshot, requisition: string): string[] {
  const problems: string[] = [];
  const replies = repliesAbout(snapshot, requisition, problems);
  return replies > 0
    ? [...problems, `the patient got ${replies} automatic replies about ${requisition}, expected none`]
    : problems;
}

Then(
  "on the appointment day, requisition {string} is back in the doctor's inbox",
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const found = await seen(this, ref);
    const look = appointmentLook(found, ordered(this, ref).patient);
    const onTheDay = { ...found.latest, items: look.appointmentDay };
    this.verify(
      'resurfaces on the appointment day',
      stateIs(onTheDay, found.requisition, 'inbox').map((p) => `on ${look.dates.appointmentDay}: ${p}`),
      { location: `observation inbox.items?asOf=${look.dates.appointmentDay}`, expected: 'state inbox' },
    );
  },
);

Then(
  'the audit log records that requisition {string} was archived until the appointment',
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    this.verify(
      'archiving until the appointment is logged',
      auditedActions(latest, requisition, ['archive-until-appointment']),
      {
        location: 'observation inbox.audit',
        expected: 'an archive-until-appointment entry with a dateTime',
      },
    );
  },
);

Then(
  "nothing is handled automatically for requisition {string}: it is in the doctor's inbox, no reply is sent and no automatic action is logged",
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    this.verify(
      'Ingen handles nothing',
      [...keptForTheDoctor(latest, requisition), ...nothingAudited(latest, requisition)],
      {
        location: `${INBOX}, inbox.audit`,
        expected: 'state inbox, no reply, no audit entry',
      },
    );
  },
);

Then(
  "after the correction, requisition {string} is back in the doctor's inbox",
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    this.verify(
      'a correction re-opens the requisition',
      [...stateIs(latest, requisition, 'inbox'), ...auditActionsNamed(latest, requisition)],
      {
        location: 'observations inbox.items, inbox.audit',
        expected: 'state inbox; every audit entry of the requisition an action the automation API names',
      },
    );
  },
);

Then(
  'the correction of requisition {string} is not answered automatically: the patient got only the first reply',
  async function (this: CertbenchWorld, ref: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref);
    this.verify('no automatic reply to a correction', answeredOnce(latest, requisition), {
      location: 'observation inbox.patient-messages',
      expected: 'the one reply sent before the correction',
    });
  },
);

Then(
  "the report on requisition {string} for the unknown patient {string} is in the doctor's inbox and nothing is handled automatically",
  async function (this: CertbenchWorld, ref: string, unknown: string) {
    if (!(await observed(this))) return;
    const forPatient = await seen(this, ref);
    const forUnknown = await seen(this, ref, unknown);
    const requisition = forPatient.requisition;
    this.verify(
      'an unknown patient is never auto-handled',
      [
        ...stateIs(forUnknown.latest, requisition, 'inbox').map((p) => `for ${unknown}: ${p}`),
        ...notRepliedTo(forUnknown.latest, requisition).map((p) => `for ${unknown}: ${p}`),
        ...notAutoHandled(forPatient.latest, requisition),
      ],
      {
        location: `${INBOX} (patient ${unknown} and the ordering patient)`,
        expected: 'state inbox, no reply',
      },
    );
  },
);

Then(
  'the report on requisition {string} for the other test patient {string} is handled automatically for neither patient',
  async function (this: CertbenchWorld, ref: string, other: string) {
    if (!(await observed(this))) return;
    const forPatient = await seen(this, ref);
    const forOther = await seen(this, ref, other);
    const requisition = forPatient.requisition;
    this.verify(
      'a report for another patient than the requisition’s is never auto-handled',
      [
        ...notAutoHandled(forOther.latest, requisition).map((p) => `for ${other}: ${p}`),
        ...notAutoHandled(forPatient.latest, requisition),
      ],
      {
        location: `${INBOX} (patient ${other} and the ordering patient)`,
        expected: 'no reply, not archived, for either patient',
      },
    );
  },
);

Then(
  "the report on requisition {string} is in the doctor's inbox under the patient it names, {string}",
  async function (this: CertbenchWorld, ref: string, named: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref, named);
    this.verify(
      'a report is shown under the patient it names',
      stateIs(latest, requisition, 'inbox').map((p) => `for ${named}: ${p}`),
      { location: `observation inbox.items (patient ${named})`, expected: 'one item, state inbox' },
    );
  },
);

Then(
  "the report on requisition {string}, which nobody ordered, is in the doctor's inbox of test patient {string} and nothing is handled automatically",
  async function (this: CertbenchWorld, ref: string, patient: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref, patient);
    this.verify(
      'a report nobody ordered is shown, never auto-handled',
      keptForTheDoctor(latest, requisition),
      {
        location: `${INBOX} (patient ${patient})`,
        expected: 'one item, state inbox, no reply',
      },
    );
  },
);

Then(
  "the replies, fees and audit log of each patient show nothing about another patient's requisitions",
  async function (this: CertbenchWorld) {
    if (!(await observed(this))) return;
    const outcome = await this.realise();
    const scenario = inboxScenario(this);
    const problems = scenario.patients.flatMap((patient) => {
      // Another patient's requisition: ordered for someone else, and no report on it names this patient.
      const others = new Set(
        [...scenario.requisitions.values()]
          .filter(
            (r) =>
              r.patient !== patient &&
              !scenario.deliveries.some((d) => d.requisition === r.ref && d.cpr === patient),
          )
          .map((r) => requisitionNumber(this.ctx.runId, r.ref)),
      );
      return scenario.deliveries.flatMap((d) => {
        const snapshot = (outcome.outputs.get(d.step) as DeliveryOutput | undefined)?.snapshots[patient];
        return snapshot
          ? nothingAboutOthers(snapshot, patient, others).map((p) => `after ${d.step}: ${p}`)
          : [];
      });
    });
    this.verify('each patient sees only their own', [...new Set(problems)], {
      location: 'observations inbox.patient-messages, inbox.fees, inbox.audit (each patient)',
      expected: "no row about another patient's requisition",
    });
  },
);

/** A malformed report (`which` picks it among the requisition's deliveries) is refused or shown, never auto-handled. */
async function refusedOrShown(
  world: CertbenchWorld,
  ref: string,
  which: (d: DeliveredReport) => boolean,
  what: string,
): Promise<void> {
  if (!(await observed(world))) return;
  const found = await seen(world, ref);
  const delivery = inboxScenario(world).deliveries.find((d) => d.requisition === ref && which(d));
  if (!delivery) throw new Error(`the scenario delivers no ${what} on requisition ${ref}`);
  const answer = (found.outputs.get(delivery.step) as DeliveryOutput).answer;
  const refused = answer.status !== undefined && answer.status >= 400 && answer.status <= 499;
  const problems = notAutoHandled(found.latest, found.requisition);
  if (!refused) {
    const shown = stateIs(found.latest, found.requisition, 'inbox');
    if (shown.length > 0)
      problems.push(
        `the report was answered HTTP ${answer.status ?? '(none)'} (not a 4xx refusal) and is not shown in the doctor's inbox: ${shown.join('; ')}`,
      );
  }
  world.verify(`a malformed report (${what}) is not handled silently`, problems, {
    location: 'POST inbound/lab-report answer; observation inbox.items',
    expected: '4xx refusal, or the report shown in the inbox; never a reply or archiving',
  });
}

Then(
  "the cut-off report on requisition {string} is refused or shown in the doctor's inbox, and never answered or archived automatically",
  async function (this: CertbenchWorld, ref: string) {
    await refusedOrShown(this, ref, (d) => d.cutOff === true, 'cut-off report');
  },
);

Then(
  "the report on requisition {string} without its {string} element is refused or shown in the doctor's inbox, and never answered or archived automatically",
  async function (this: CertbenchWorld, ref: string, element: string) {
    await refusedOrShown(this, ref, (d) => d.omit === element, `report without ${element}`);
  },
);

Then(
  "the report on requisition {string}, whose value is not a number, is refused or shown in the doctor's inbox, and never answered or archived automatically",
  async function (this: CertbenchWorld, ref: string) {
    await refusedOrShown(this, ref, () => true, 'numerisk value that is not a number');
  },
);

Then(
  'the item of the report on requisition {string} under patient {string} shows only the results the report carried',
  async function (this: CertbenchWorld, ref: string, patient: string) {
    if (!(await observed(this))) return;
    const { requisition, latest } = await seen(this, ref, patient);
    const carried = inboxScenario(this)
      .deliveries.filter((d) => d.requisition === ref && d.cpr === patient)
      .flatMap((d) => d.rows.map((r) => r.npu));
    this.verify('no result the laboratory did not report', onlyResults(latest, requisition, carried), {
      location: `observation inbox.items results (patient ${patient})`,
      expected: `results among ${[...new Set(carried)].join(', ')}`,
    });
  },
);

Then(
  "the report on requisition {string} with its {string} element empty is refused or shown in the doctor's inbox, and never answered or archived automatically",
  async function (this: CertbenchWorld, ref: string, element: string) {
    await refusedOrShown(this, ref, (d) => d.blank === element, `report with ${element} empty`);
  },
);
