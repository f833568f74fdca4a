// Plan steps of the intelligent-indbakke protocol: reset and order through the automation API, deliver XRPT01
// reports as a laboratory, and look at the inbox right after each delivery.
import { isAutoHandling } from '../../src/rules/inbox/auto-handling.ts';
import { buildLabReport } from '../../src/rules/inbox/xrpt01-build.ts';
import { labReportOf } from '../../src/rules/inbox/delivery.ts';
import type { InboxSnapshot } from '../../src/rules/inbox/inbox-view.ts';
import { danishDateAfter, shiftDate } from '../../src/rules/inbox/local-time.ts';
import type { SutDriver } from '../../src/driver/types.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import {
  answerOf,
  inboxScenario,
  requisitionNumber,
  type AppointmentOutput,
  type DeliveredReport,
  type DeliveryOutput,
} from './state.ts';

export const LAB_REPORT_CHANNEL = 'lab-report';

async function snapshotOf(driver: SutDriver, patient: string): Promise<InboxSnapshot> {
  return {
    items: await driver.observe('inbox.items', { patient }),
    messages: await driver.observe('inbox.patient-messages', { patient }),
    fees: await driver.observe('inbox.fees', { patient }),
    audit: await driver.observe('inbox.audit', { patient }),
  };
}

export function planReset(world: CertbenchWorld, patient: string): void {
  world.addToPlan({
    name: `reset ${patient}`,
    key: patient,
    run: ({ driver }) => driver.perform('patient.reset', { patient }),
  });
}

export interface OrderSpec {
  ref: string;
  patient: string;
  /** Absent: the GP does not choose, the clinic's default applies. */
  autoHandling?: string;
  appointmentInDays?: number;
  analyses: { npu: string; clinicLimits?: { lower?: number; upper?: number } }[];
}

export function planOrder(world: CertbenchWorld, spec: OrderSpec): void {
  world.addToPlan({
    name: `order ${spec.ref}`,
    key: spec,
    run: async ({ ctx, driver }) => {
      const appointment =
        spec.appointmentInDays === undefined
          ? undefined
          : danishDateAfter(ctx.clock.now(), spec.appointmentInDays);
      const output = await driver.perform('inbox.order-requisition', {
        patient: spec.patient,
        requisition: requisitionNumber(ctx.runId, spec.ref),
        ...(spec.autoHandling !== undefined ? { autoHandling: spec.autoHandling } : {}),
        ...(appointment ? { appointment } : {}),
        analyses: spec.analyses,
      });
      // Later steps look at the inbox on the day ordered, even if the run crosses midnight meanwhile.
      return appointment ? { ...output, appointment } : output;
    },
  });
}

/** Sets the clinic's default auto-handling type, a clinic-wide setting: see planRestoreDefault. */
export function planDefaultHandling(world: CertbenchWorld, autoHandling: string): void {
  const scenario = inboxScenario(world);
  const step = `clinic default ${autoHandling} (${scenario.defaultSettings.length + 1})`;
  scenario.defaultSettings.push(step);
  world.addToPlan({
    name: step,
    key: autoHandling,
    run: ({ driver }) => driver.perform('inbox.set-default-auto-handling', { autoHandling }),
  });
}

/**
 * Puts the clinic's default back as it was before the scenario's first change (the `previous` the SUT reported;
 * "ingen", the default as delivered, when it reported none). A clean-up step: it runs even when the plan failed.
 */
export function planRestoreDefault(world: CertbenchWorld): void {
  const first = inboxScenario(world).defaultSettings[0];
  if (!first) throw new Error("the scenario does not change the clinic's default auto-handling type");
  world.addToPlan({
    name: 'clinic default restored',
    key: first,
    cleanup: true,
    run: ({ driver, outputs }) => {
      const previous = (outputs.get(first) as { previous?: unknown } | undefined)?.previous;
      const autoHandling = isAutoHandling(previous) ? previous : 'ingen';
      return driver.perform('inbox.set-default-auto-handling', { autoHandling, restore: true });
    },
  });
}

/**
 * The GP changes the auto-handling type of a requisition already ordered (before its results are in), with an
 * appointment `appointmentInDays` from now where given (arkiver-til-aftale).
 */
export function planHandlingChange(
  world: CertbenchWorld,
  ref: string,
  patient: string,
  autoHandling: string,
  appointmentInDays?: number,
): void {
  world.addToPlan({
    name: `change ${ref} to ${autoHandling}`,
    key: [ref, patient, autoHandling, appointmentInDays],
    run: async ({ ctx, driver }) => {
      const appointment =
        appointmentInDays === undefined ? undefined : danishDateAfter(ctx.clock.now(), appointmentInDays);
      const output = await driver.perform('inbox.change-auto-handling', {
        patient,
        requisition: requisitionNumber(ctx.runId, ref),
        autoHandling,
        ...(appointment ? { appointment } : {}),
      });
      // As planOrder: later steps look at the inbox on this appointment day.
      return appointment ? { ...output, appointment } : output;
    },
  });
}

/**
 * Delivers one report as `report` describes it: `cutOff` sends it without its closing tags (not well-formed XML),
 * `omit` leaves an element out, `blank` empties one, `prefix` binds the XRPT01 namespace to a prefix.
 */
export function planDelivery(
  world: CertbenchWorld,
  report: Omit<DeliveredReport, 'step'>,
  reportStatus: string,
): void {
  const scenario = inboxScenario(world);
  const step = `report ${scenario.deliveries.length + 1}`;
  scenario.deliveries.push({ ...report, step });
  const patients = [...scenario.patients];
  const { cutOff = false, prefix, omit, blank } = report;
  world.addToPlan({
    name: step,
    key: [report, reportStatus, patients],
    run: async ({ ctx, driver }): Promise<DeliveryOutput> => {
      const requisition = requisitionNumber(ctx.runId, report.requisition);
      const now = ctx.clock.now();
      const xml = buildLabReport(
        labReportOf({
          lab: report.lab,
          reportStatus,
          requisition,
          cpr: report.cpr,
          rows: report.rows,
          serial: `${requisition}${step.slice(7)}`,
          now,
        }),
        prefix,
      );
      const body = cutOff
        ? xml.slice(0, xml.lastIndexOf('</Result>'))
        : omit
          ? xml.replace(new RegExp(`\\s*<${omit}>[\\s\\S]*?</${omit}>`), '')
          : blank
            ? xml.replace(new RegExp(`<${blank}>[^<]*</${blank}>`), `<${blank}></${blank}>`)
            : xml;
      const answer = await driver.deliver({
        channel: LAB_REPORT_CHANNEL,
        contentType: 'application/xml',
        body,
        description: `XRPT01 ${reportStatus} from ${report.lab} on requisition ${requisition}${cutOff ? ' (cut off)' : ''}${omit ? ` (without ${omit})` : ''}${blank ? ` (${blank} empty)` : ''}${prefix ? ` (namespace prefix ${prefix})` : ''}`,
      });
      const snapshots: Record<string, InboxSnapshot> = {};
      // A manual driver has no observations: the assessor looks at the screen instead.
      if (driver.kind === 'http')
        for (const patient of patients) snapshots[patient] = await snapshotOf(driver, patient);
      return { answer: answerOf(answer), snapshots };
    },
  });
}

/** The appointment date an earlier order step of the plan used, if any. */
function orderedAppointment(outputs: ReadonlyMap<string, unknown>): string | undefined {
  for (const output of outputs.values()) {
    const appointment = (output as { appointment?: unknown } | undefined)?.appointment;
    if (typeof appointment === 'string') return appointment;
  }
  return undefined;
}

/** Looks at the inbox as of the day before the appointment and the appointment day. */
export function planAppointmentLook(world: CertbenchWorld, patient: string, inDays: number): void {
  world.addToPlan({
    name: `appointment ${patient}`,
    key: [patient, inDays],
    run: async ({ ctx, driver, outputs }): Promise<AppointmentOutput> => {
      const appointmentDay = orderedAppointment(outputs) ?? danishDateAfter(ctx.clock.now(), inDays);
      const dates = { dayBefore: shiftDate(appointmentDay, -1), appointmentDay };
      if (driver.kind === 'manual') return { dates, dayBefore: undefined, appointmentDay: undefined };
      return {
        dates,
        dayBefore: await driver.observe('inbox.items', { patient, asOf: dates.dayBefore }),
        appointmentDay: await driver.observe('inbox.items', { patient, asOf: dates.appointmentDay }),
      };
    },
  });
}
