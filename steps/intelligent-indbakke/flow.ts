// Set-up steps of the intelligent-indbakke protocol: they only plan; the first check performs the plan.
import { Given, When, type DataTable } from '@cucumber/cucumber';
import type { ResultRow } from '../../src/rules/inbox/delivery.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import {
  planAppointmentLook,
  planDefaultHandling,
  planDelivery,
  planHandlingChange,
  planOrder,
  planReset,
  planRestoreDefault,
  type OrderSpec,
} from './plan.ts';
import { inboxScenario, ordered } from './state.ts';

function usePatient(world: CertbenchWorld, patient: string, reset: boolean): void {
  const scenario = inboxScenario(world);
  if (scenario.patients.includes(patient)) return;
  scenario.patients.push(patient);
  if (reset) planReset(world, patient);
}

/** "8,3-10,5", "-5", "40-" → limits as numbers. */
function limitsOf(text: string): { lower?: number; upper?: number } | undefined {
  if (!text) return undefined;
  const match = /^([\d,]*)-([\d,]*)$/.exec(text);
  if (!match) throw new Error(`clinic limits "${text}" must be lower-upper, -upper or lower-`);
  const number = (s: string | undefined) => (s ? Number(s.replace(',', '.')) : undefined);
  const lower = number(match[1]);
  const upper = number(match[2]);
  return { ...(lower !== undefined ? { lower } : {}), ...(upper !== undefined ? { upper } : {}) };
}

function order(
  world: CertbenchWorld,
  patient: string,
  ref: string,
  autoHandling: string | undefined,
  table: DataTable,
  days?: number,
) {
  usePatient(world, patient, true);
  const scenario = inboxScenario(world);
  if (scenario.requisitions.has(ref)) throw new Error(`requisition "${ref}" is ordered twice`);
  scenario.requisitions.set(ref, {
    ref,
    patient,
    ...(days !== undefined ? { appointmentInDays: days } : {}),
  });
  const analyses: OrderSpec['analyses'] = table.hashes().map((row) => {
    const clinicLimits = limitsOf(row['klinikkens grænser'] ?? '');
    return { npu: row['NPU'] ?? '', ...(clinicLimits ? { clinicLimits } : {}) };
  });
  planOrder(world, {
    ref,
    patient,
    ...(autoHandling !== undefined ? { autoHandling } : {}),
    ...(days !== undefined ? { appointmentInDays: days } : {}),
    analyses,
  });
}

Given(
  'test patient {string} has requisition {string} ordered with auto-handling {string} for:',
  function (this: CertbenchWorld, patient: string, ref: string, handling: string, table: DataTable) {
    order(this, patient, ref, handling, table);
  },
);

Given(
  'test patient {string} has requisition {string} ordered with auto-handling {string} and an appointment in {int} days for:',
  function (
    this: CertbenchWorld,
    patient: string,
    ref: string,
    handling: string,
    days: number,
    table: DataTable,
  ) {
    order(this, patient, ref, handling, table, days);
  },
);

Given(
  'test patient {string} has requisition {string} ordered without choosing an auto-handling type for:',
  function (this: CertbenchWorld, patient: string, ref: string, table: DataTable) {
    order(this, patient, ref, undefined, table);
  },
);

Given(
  "the clinic's default auto-handling type is {string}",
  function (this: CertbenchWorld, handling: string) {
    planDefaultHandling(this, handling);
  },
);

Given(
  "afterwards the clinic's default auto-handling type is set back to what it was, even if a step failed",
  function (this: CertbenchWorld) {
    planRestoreDefault(this);
  },
);

Given(
  'the GP changes the auto-handling type of requisition {string} to {string}',
  function (this: CertbenchWorld, ref: string, handling: string) {
    planHandlingChange(this, ref, ordered(this, ref).patient, handling);
  },
);

Given(
  'the GP changes the auto-handling type of requisition {string} to {string} with an appointment in {int} days',
  function (this: CertbenchWorld, ref: string, handling: string, days: number) {
    const requisition = ordered(this, ref);
    requisition.appointmentInDays = days;
    planHandlingChange(this, ref, requisition.patient, handling, days);
  },
);

function rowsOf(table: DataTable): ResultRow[] {
  return table.hashes().map((row) => ({
    npu: row['NPU'] ?? '',
    value: row['svar'] ?? '',
    ...(row['status'] ? { status: row['status'] } : {}),
    ...(row['interval'] ? { interval: row['interval'] } : {}),
    ...(row['flag'] ? { flag: row['flag'] } : {}),
    ...(row['producent'] ? { producer: row['producent'] } : {}),
    ...(row['type'] ? { type: row['type'] } : {}),
  }));
}

When(
  /^laboratory "([^"]+)" delivers a "([^"]+)" report on requisition "([^"]+)" for (?:test patient|the patient unknown to the GP system) "([^"]+)":$/,
  function (this: CertbenchWorld, lab: string, status: string, ref: string, cpr: string, table: DataTable) {
    ordered(this, ref);
    usePatient(this, cpr, false);
    planDelivery(this, { lab, requisition: ref, cpr, rows: rowsOf(table) }, status);
  },
);

When(
  'laboratory {string} delivers a {string} report on requisition {string} for test patient {string}, cut off before its end:',
  function (this: CertbenchWorld, lab: string, status: string, ref: string, cpr: string, table: DataTable) {
    ordered(this, ref);
    planDelivery(this, { lab, requisition: ref, cpr, rows: rowsOf(table), cutOff: true }, status);
  },
);

/** A report without an element, or with it empty: well-formed, but without what XRPT01 requires. */
When(
  /^laboratory "([^"]+)" delivers a "([^"]+)" report on requisition "([^"]+)" for test patient "([^"]+)", (?:without its "([^"]+)" element|with its "([^"]+)" element empty):$/,
  function (
    this: CertbenchWorld,
    lab: string,
    status: string,
    ref: string,
    cpr: string,
    omit: string | undefined,
    blank: string | undefined,
    table: DataTable,
  ) {
    ordered(this, ref);
    const element = omit ?? blank ?? '';
    if (!/^[A-Za-z]+$/.test(element)) throw new Error(`"${element}" is not an XRPT01 element name`);
    planDelivery(
      this,
      { lab, requisition: ref, cpr, rows: rowsOf(table), ...(omit ? { omit } : { blank: element }) },
      status,
    );
  },
);

When(
  'laboratory {string} delivers a {string} report on requisition {string} for test patient {string}, with the XRPT01 namespace bound to the prefix {string}:',
  function (
    this: CertbenchWorld,
    lab: string,
    status: string,
    ref: string,
    cpr: string,
    prefix: string,
    table: DataTable,
  ) {
    ordered(this, ref);
    planDelivery(this, { lab, requisition: ref, cpr, rows: rowsOf(table), prefix }, status);
  },
);

When(
  'laboratory {string} delivers a {string} report on requisition {string}, which nobody ordered, for test patient {string}:',
  function (this: CertbenchWorld, lab: string, status: string, ref: string, cpr: string, table: DataTable) {
    if (inboxScenario(this).requisitions.has(ref))
      throw new Error(
        `requisition "${ref}" is ordered in this scenario; a report nobody ordered needs another`,
      );
    usePatient(this, cpr, false);
    planDelivery(this, { lab, requisition: ref, cpr, rows: rowsOf(table), unordered: true }, status);
  },
);

When(
  'the inbox of test patient {string} is looked at on the day before the appointment of requisition {string} and on the appointment day',
  function (this: CertbenchWorld, patient: string, ref: string) {
    const days = ordered(this, ref).appointmentInDays;
    if (days === undefined) throw new Error(`requisition "${ref}" has no appointment`);
    planAppointmentLook(this, patient, days);
  },
);
