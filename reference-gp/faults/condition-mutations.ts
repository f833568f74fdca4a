// Content faults in the Conditions' code and clinical status: the diagnosetekst rule (SKS-D display, else ICPC-2
// display, never looked up), incomplete historical codes shared as they are, and clinicalStatus.
import { diagnosisText, ICPC_2, SKS_D } from '../state.ts';
import { CONDITION_CATEGORY } from '../diagnosekort/systems.ts';
import type { ContentFault } from './catalogue.ts';
import type { Mutation } from './document-mutations.ts';
import { conditions } from './package-access.ts';

/** A small stand-in for an SKS-D lookup: what a GP system must NOT do with a missing display. */
const SKS_D_DISPLAYS: Readonly<Record<string, string>> = { DE119a: 'Type 2-diabetes uden komplikationer' };
const WELL_FORMED: Record<string, RegExp> = { [SKS_D]: /^D[A-Z][0-9]{2}/, [ICPC_2]: /^[A-Z][0-9]{2}$/ };

const isAbated = (c: fhir4.Condition) => c.abatementDateTime !== undefined;
const isProblemListItem = (c: fhir4.Condition) =>
  (c.category ?? []).some((cat) =>
    cat.coding?.some((coding) => coding.system === CONDITION_CATEGORY && coding.code === 'problem-list-item'),
  );

export const CODE_MUTATIONS = {
  'text-from-icpc-first': (pkg) => {
    for (const { resource, diagnosis } of pkg.conditions) {
      const text = diagnosisText(diagnosis.codes, [ICPC_2, SKS_D]);
      if (resource.code && text !== undefined) resource.code.text = text;
    }
  },
  'text-looked-up': (pkg) => {
    for (const { resource, diagnosis } of pkg.conditions) {
      const sks = diagnosis.codes.find((c) => c.system === SKS_D);
      if (sks?.code === undefined || sks.display !== undefined || !resource.code) continue;
      const display = SKS_D_DISPLAYS[sks.code] ?? `SKS ${sks.code}`;
      resource.code.text = display;
      for (const coding of resource.code.coding ?? []) if (coding.system === SKS_D) coding.display = display;
    }
  },
  'drop-incomplete-codings': (pkg) => {
    for (const c of conditions(pkg)) {
      if (!c.code) continue;
      const kept = (c.code.coding ?? []).filter(
        (coding) => coding.code !== undefined && WELL_FORMED[coding.system ?? '']?.test(coding.code) === true,
      );
      if (kept.length > 0) c.code.coding = kept;
      else delete c.code.coding;
      if (c.code.text === undefined && c.code.coding === undefined) delete c.code;
    }
  },
  'empty-code-element': (pkg) => {
    for (const c of conditions(pkg)) c.code ??= {};
  },
  'condition-empty-coding': (pkg) => {
    for (const { resource, diagnosis } of pkg.conditions)
      if (diagnosis.codes.length === 0) resource.code = { coding: [] };
  },
  'category-type-without-code': (pkg) => {
    for (const { resource, diagnosis } of pkg.conditions)
      if (diagnosis.type === undefined)
        resource.category?.unshift({ coding: [{ system: CONDITION_CATEGORY }] });
  },
} satisfies Partial<Record<ContentFault, Mutation>>;

export const CLINICAL_STATUS_MUTATIONS = {
  'clinical-status-missing-when-abated': (pkg) => {
    for (const c of conditions(pkg)) if (isAbated(c)) delete c.clinicalStatus;
  },
  'clinical-status-inactive': (pkg) => {
    for (const c of conditions(pkg)) {
      if (isAbated(c)) for (const coding of c.clinicalStatus?.coding ?? []) coding.code = 'inactive';
    }
  },
  'no-clinical-status-on-problem-list': (pkg) => {
    for (const c of conditions(pkg)) if (isProblemListItem(c) && !isAbated(c)) delete c.clinicalStatus;
  },
} satisfies Partial<Record<ContentFault, Mutation>>;
