import type { Constraint } from '../conformance/definitions.ts';
import { fixedOrPattern, type ElementNode } from '../conformance/element-tree.ts';
import { checkBinding } from './bindings.ts';
import { evaluateInvariant } from './invariants.ts';
import type { Occurrence } from './occurrences.ts';
import type { ResourceScope, Session } from './session.ts';
import { jsonEquals, matchesPattern, show } from './values.ts';
import { profileName, ruleOf } from './walk.ts';

// Checked natively (walk.ts), faster and with clearer messages than through FHIRPath.
const NATIVE = new Set(['ele-1', 'ext-1']);

/**
 * The rules an element puts on a value: fixed and pattern values, maxLength, a required binding, and the invariants
 * of the element, its slice and the value's type.
 */
export function checkValue(
  occurrence: Occurrence,
  nodes: readonly ElementNode[],
  constraintRoots: readonly ElementNode[],
  scope: ResourceScope,
  session: Session,
): void {
  const { value, location } = occurrence;
  for (const node of nodes) {
    const required = fixedOrPattern(node.def);
    if (required?.kind === 'fixed' && !jsonEquals(value, required.value))
      session.report({
        severity: 'error',
        code: 'fixed-value',
        location,
        ...ruleOf(node),
        message: `${node.def.path} is ${show(value)}, but ${profileName(node)} requires exactly ${show(required.value)}`,
      });
    if (required?.kind === 'pattern' && !matchesPattern(value, required.value))
      session.report({
        severity: 'error',
        code: 'pattern',
        location,
        ...ruleOf(node),
        message: `${node.def.path} is ${show(value)}, but ${profileName(node)} requires ${show(required.value)}`,
      });
    if (
      typeof node.def.maxLength === 'number' &&
      typeof value === 'string' &&
      value.length > node.def.maxLength
    )
      session.report({
        severity: 'error',
        code: 'structure',
        location,
        ...ruleOf(node),
        message: `${node.def.path} is ${value.length} characters long: ${profileName(node)} allows at most ${node.def.maxLength}`,
      });
    if (node.def.binding?.strength === 'required' && node.def.binding.valueSet)
      checkBinding(occurrence, node, node.def.binding.valueSet, session);
  }
  const seen = new Set<string>(NATIVE);
  for (const node of [...nodes, ...constraintRoots]) {
    for (const constraint of node.def.constraint ?? []) {
      if (seen.has(constraint.key) || !constraint.expression) continue;
      seen.add(constraint.key);
      checkInvariant(constraint, occurrence, node, scope, session);
    }
  }
}

function checkInvariant(
  constraint: Constraint,
  occurrence: Occurrence,
  node: ElementNode,
  scope: ResourceScope,
  session: Session,
): void {
  const outcome = evaluateInvariant(constraint, occurrence, node, scope, session);
  if (outcome === true) return;
  const rule = { location: occurrence.location, ...ruleOf(node), key: constraint.key };
  if (outcome === false) {
    session.report({
      severity: constraint.severity === 'warning' ? 'warning' : 'error',
      code: 'invariant',
      ...rule,
      message: `${constraint.human.trim()} (invariant ${constraint.key} of ${profileName(node)} fails: ${constraint.expression ?? ''})`,
    });
  } else {
    session.report({
      severity: 'information',
      code: 'invariant',
      ...rule,
      message: `invariant ${constraint.key} could not be evaluated here (${outcome.message}); it was not checked`,
    });
  }
}
