import type { ElementNode } from '../conformance/element-tree.ts';
import type { Membership } from '../terminology/membership.ts';
import type { Occurrence } from './occurrences.ts';
import type { Session } from './session.ts';
import { isObject } from './values.ts';
import { profileName, ruleOf } from './walk.ts';

interface Coded {
  system?: string;
  code: string;
}

/** The codes of a value, by its type: a code, a Coding, a CodeableConcept's codings, a Quantity's unit code. */
function codesOf(type: string, value: unknown): Coded[] | 'no-code' | undefined {
  if (typeof value === 'string') return [{ code: value }];
  if (!isObject(value)) return undefined;
  const coding = (c: unknown): Coded[] =>
    isObject(c) && typeof c.code === 'string'
      ? [{ code: c.code, ...(typeof c.system === 'string' ? { system: c.system } : {}) }]
      : [];
  if (type === 'CodeableConcept') {
    const codes = (Array.isArray(value.coding) ? value.coding : []).flatMap(coding);
    return codes.length > 0 ? codes : 'no-code';
  }
  return coding(value);
}

/** A required binding: the value's code (at least one coding of a CodeableConcept) must be in the value set. */
export function checkBinding(
  occurrence: Occurrence,
  node: ElementNode,
  valueSet: string,
  session: Session,
): void {
  const codes = codesOf(occurrence.type, occurrence.value);
  if (codes === undefined || (Array.isArray(codes) && codes.length === 0)) return;
  const name = session.terminology.describe(valueSet);
  const report = (
    severity: 'error' | 'information',
    message: string,
    code: 'binding' | 'terminology-unchecked' = 'binding',
  ) => session.report({ severity, code, location: occurrence.location, ...ruleOf(node), message });
  if (codes === 'no-code')
    return report(
      'error',
      `${node.def.path} has no coding: ${profileName(node)} requires a code from ${name}`,
    );
  const results: { coded: Coded; membership: Membership }[] = codes.map((coded) => ({
    coded,
    membership:
      occurrence.type !== 'code' && occurrence.type !== 'string' && occurrence.type !== 'uri' && !coded.system
        ? { result: 'out' }
        : session.terminology.check(valueSet, coded.code, coded.system),
  }));
  if (results.some((r) => r.membership.result === 'in')) return;
  const unknown = results.find((r) => r.membership.result === 'unknown');
  if (unknown?.membership.result === 'unknown')
    return report(
      'information',
      `${describe(unknown.coded)} could not be checked against ${name} offline (${unknown.membership.reason})`,
      'terminology-unchecked',
    );
  const shown = results.map((r) => describe(r.coded)).join(', ');
  report('error', `${shown} is not in ${name}, which ${profileName(node)} requires for ${node.def.path}`);
}

function describe(coded: Coded): string {
  return coded.system ? `code "${coded.code}" (system ${coded.system})` : `code "${coded.code}"`;
}
