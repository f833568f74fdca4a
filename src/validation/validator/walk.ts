import { coreDefinitionUrl, fhirTypeCode } from '../conformance/definitions.ts';
import { contentTarget, type ElementNode } from '../conformance/element-tree.ts';
import { checkValue } from './element-checks.ts';
import { collectOccurrences, type Occurrence } from './occurrences.ts';
import { isPrimitive, jsonType, primitiveProblem } from './primitives.ts';
import { checkReference } from './references.ts';
import { validateResource } from './resources.ts';
import type { ResourceScope, Session } from './session.ts';
import { assignSlices } from './slicing.ts';
import { isObject } from './values.ts';

/** Where a rule comes from, for issues: the profile of the node and its element id. */
export function ruleOf(node: ElementNode): { profile: string; elementId: string } {
  return { profile: node.tree.sd.url, elementId: node.def.id };
}

/** The short name of a node's profile, for messages. */
export function profileName(node: ElementNode): string {
  return node.tree.sd.name ?? node.tree.sd.url;
}

/**
 * Walks a JSON object against the children of `parent`: values of each child element (cardinality, slices, type,
 * content), then every property that no element defines (an unknown element is an error in FHIR JSON).
 */
export function walkChildren(
  obj: Record<string, unknown>,
  parent: ElementNode,
  location: string,
  scope: ResourceScope,
  session: Session,
  isResourceRoot = false,
): void {
  const consumed = new Set<string>(isResourceRoot ? ['resourceType'] : []);
  const structure = (where: string, message: string): void =>
    session.report({ severity: 'error', code: 'structure', location: where, ...ruleOf(parent), message });
  for (const child of parent.children) {
    const occurrences = collectOccurrences(obj, child, location, consumed, structure);
    checkCardinality(child, occurrences.length, location, session);
    const slices = child.slices.length > 0 ? assignSlices(occurrences, child, location, scope, session) : [];
    occurrences.forEach((occurrence, i) => checkOccurrence(occurrence, child, slices[i], scope, session));
  }
  for (const key of Object.keys(obj)) {
    if (consumed.has(key)) continue;
    session.report({
      severity: 'error',
      code: 'unknown-element',
      location: `${location}.${key.replace(/^_/, '')}`,
      ...ruleOf(parent),
      message:
        `unknown element "${key}": ${parent.def.path} has no such element` +
        (profileName(parent) === parent.def.path ? '' : ` (${profileName(parent)})`),
    });
  }
  if (!isResourceRoot && Object.keys(obj).every((k) => k === 'id'))
    structure(location, 'element has no value and no children (ele-1): leave it out instead');
}

function checkCardinality(node: ElementNode, count: number, location: string, session: Session): void {
  const min = node.def.min ?? 0;
  const max = node.def.max === undefined || node.def.max === '*' ? Infinity : Number(node.def.max);
  const where = `${location}.${node.name}`;
  if (count < min)
    session.report({
      severity: 'error',
      code: 'cardinality',
      location: where,
      ...ruleOf(node),
      message:
        count === 0
          ? `${node.def.path} is missing: ${profileName(node)} requires it (min ${min})`
          : `${node.def.path} occurs ${count} times: ${profileName(node)} requires at least ${min}`,
    });
  if (count > max)
    session.report({
      severity: 'error',
      code: 'cardinality',
      location: where,
      ...ruleOf(node),
      message:
        max === 0
          ? `${node.def.path} is not allowed by ${profileName(node)} (max 0)`
          : `${node.def.path} occurs ${count} times: ${profileName(node)} allows at most ${max}`,
    });
}

const resourceTypes = new Map<string, boolean>();

function isResourceType(type: string, session: Session): boolean {
  if (type === 'Resource' || type === 'DomainResource') return true;
  let known = resourceTypes.get(type);
  if (known === undefined) {
    known = session.context.structureDefinition(coreDefinitionUrl(type))?.resource.kind === 'resource';
    resourceTypes.set(type, known);
  }
  return known;
}

/** Checks one value against its element (and the slice it matched): type, content, and the element's rules. */
export function checkOccurrence(
  occurrence: Occurrence,
  base: ElementNode,
  slice: ElementNode | undefined,
  scope: ResourceScope,
  session: Session,
): void {
  const node = slice ?? base;
  const { value, type, location } = occurrence;
  const typeError = (message: string): void =>
    session.report({ severity: 'error', code: 'type', location, ...ruleOf(node), message });
  if (value === null) return typeError('null is not a value in FHIR JSON: leave the element out');
  if (isResourceType(type, session)) {
    const profiles = (node.def.type ?? []).flatMap((t) => t.profile ?? []);
    validateResource(value, location, profiles, scope, session);
    return;
  }
  const constraintRoots: ElementNode[] = [];
  if (isPrimitive(type)) {
    // R4 types Resource.id as a plain string; its content rule is the id type's.
    const lexical = node.def.base?.path === 'Resource.id' ? 'id' : type;
    const problem = value === undefined ? undefined : primitiveProblem(lexical, value);
    if (problem) typeError(`${node.def.path} ${problem}`);
    if (occurrence.extension !== undefined) walkPrimitiveExtension(occurrence, node, session, scope);
  } else {
    if (value === undefined)
      return typeError(`"_" properties are for primitive values; ${node.def.path} is a ${type}`);
    if (!isObject(value))
      return typeError(`${node.def.path} must be an object (${type}), not ${jsonType(value)}`);
    const source = childSource(node, type, value, location, session);
    if (source) {
      walkChildren(value, source, location, scope, session);
      if (source.tree !== node.tree && source === source.tree.root) constraintRoots.push(source);
    }
    if (type === 'Extension') checkExtensionShape(value, node, location, session);
    if (type === 'Reference') checkReference(value, node, location, scope, session);
  }
  const typeRoot = session.context.typeTree(type)?.root;
  if (typeRoot) constraintRoots.push(typeRoot);
  checkValue(occurrence, slice ? [base, slice] : [base], constraintRoots, scope, session);
}

/**
 * The element whose children describe a complex value: the element itself when the snapshot expands it, the
 * element a contentReference names, else the type's definition (its profile, the extension's definition by url,
 * or the R4 core type).
 */
export function childSource(
  node: ElementNode,
  type: string,
  value: Record<string, unknown>,
  location: string,
  session: Session,
): ElementNode | undefined {
  if (node.children.length > 0) return node;
  const referenced = contentTarget(node);
  if (referenced) return referenced;
  let profile = node.def.type?.find((t) => fhirTypeCode(t) === type)?.profile?.[0];
  if (!profile && type === 'Extension' && typeof value.url === 'string') {
    const definition = session.context.structureDefinition(value.url)?.resource;
    if (definition?.type === 'Extension') profile = value.url;
    else
      session.report({
        severity: node.name === 'modifierExtension' ? 'error' : 'warning',
        code: 'profile',
        location,
        ...ruleOf(node),
        message: `extension ${value.url} is not defined in the loaded packages, so its content was not checked`,
      });
  }
  const tree = session.context.tree(profile ?? coreDefinitionUrl(type));
  if (!tree)
    session.report({
      severity: 'error',
      code: 'profile',
      location,
      ...ruleOf(node),
      message: `the definition of ${profile ?? type} is not in the loaded packages`,
    });
  return tree?.root;
}

function walkPrimitiveExtension(
  occurrence: Occurrence,
  node: ElementNode,
  session: Session,
  scope: ResourceScope,
): void {
  const location = occurrence.location;
  if (!isObject(occurrence.extension)) {
    session.report({
      severity: 'error',
      code: 'structure',
      location,
      ...ruleOf(node),
      message: `the "_" sibling of ${node.def.path} must be an object with id and/or extension`,
    });
    return;
  }
  const source = node.children.length > 0 ? node : session.context.typeTree(occurrence.type)?.root;
  if (!source) return;
  const withoutValue: ElementNode = {
    ...source,
    children: source.children.filter((c) => c.name !== 'value'),
  };
  walkChildren(occurrence.extension, withoutValue, location, scope, session);
}

// ext-1, natively: an extension has either nested extensions or a value, not both and not neither.
function checkExtensionShape(
  value: Record<string, unknown>,
  node: ElementNode,
  location: string,
  session: Session,
): void {
  const hasValue = Object.keys(value).some((k) => /^value[A-Z]/.test(k));
  const hasExtensions = Array.isArray(value.extension) && value.extension.length > 0;
  if (hasValue === hasExtensions)
    session.report({
      severity: 'error',
      code: 'invariant',
      key: 'ext-1',
      location,
      ...ruleOf(node),
      message: hasValue
        ? 'an extension must have either nested extensions or a value, not both (ext-1)'
        : 'an extension must have either nested extensions or a value (ext-1)',
    });
}
