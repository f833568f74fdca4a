/** The parts of FHIR conformance resources the validator reads (R4 JSON, loosely typed: packages are input). */

/** ElementDefinition.type: a type code with its profiles and target profiles. */
export interface TypeRef {
  code: string;
  profile?: string[];
  targetProfile?: string[];
  aggregation?: string[];
  extension?: { url: string; valueUrl?: string }[];
}

/** How slices are told apart (ElementDefinition.slicing.discriminator). */
export interface Discriminator {
  type: 'value' | 'pattern' | 'type' | 'profile' | 'exists';
  path: string;
}

/** An invariant (ElementDefinition.constraint). */
export interface Constraint {
  key: string;
  severity: 'error' | 'warning';
  human: string;
  expression?: string;
  source?: string;
}

/** One snapshot element; fixed[x] and pattern[x] are read by their key prefix. */
export interface ElementDefinition {
  id: string;
  path: string;
  sliceName?: string;
  min?: number;
  max?: string;
  base?: { path: string; min?: number; max?: string };
  type?: TypeRef[];
  contentReference?: string;
  slicing?: { discriminator?: Discriminator[]; rules?: 'open' | 'closed' | 'openAtEnd'; ordered?: boolean };
  binding?: { strength: string; valueSet?: string };
  constraint?: Constraint[];
  maxLength?: number;
  [key: string]: unknown;
}

/** A profile, type or resource definition with its snapshot. */
export interface StructureDefinition {
  resourceType: 'StructureDefinition';
  url: string;
  version?: string;
  name?: string;
  title?: string;
  kind: string;
  type: string;
  abstract?: boolean;
  derivation?: 'constraint' | 'specialization';
  baseDefinition?: string;
  snapshot?: { element: ElementDefinition[] };
}

/** A code of a CodeSystem, with the codes below it. */
export interface Concept {
  code: string;
  display?: string;
  concept?: Concept[];
}

/** A CodeSystem; `content: complete` means all its codes are listed. */
export interface CodeSystem {
  resourceType: 'CodeSystem';
  url: string;
  content?: string;
  concept?: Concept[];
}

/** One compose.include (or exclude) of a ValueSet. */
export interface ValueSetInclude {
  system?: string;
  version?: string;
  concept?: { code: string }[];
  filter?: { property: string; op: string; value: string }[];
  valueSet?: string[];
}

/** A ValueSet: its definition (compose) and, when stored, its expansion. */
export interface ValueSet {
  resourceType: 'ValueSet';
  url: string;
  name?: string;
  title?: string;
  compose?: { include?: ValueSetInclude[]; exclude?: ValueSetInclude[] };
  expansion?: { contains?: ExpansionContains[] };
}

/** One code of a stored expansion. */
export interface ExpansionContains {
  system?: string;
  code?: string;
  contains?: ExpansionContains[];
}

/** `http://…|1.0` → `http://…`: the packages of one closure hold one version of each canonical. */
export function canonicalUrl(reference: string): string {
  const bar = reference.indexOf('|');
  return bar === -1 ? reference : reference.slice(0, bar);
}

/** The R4 core definition of a type or resource, by its type code. */
export function coreDefinitionUrl(typeCode: string): string {
  return `http://hl7.org/fhir/StructureDefinition/${typeCode}`;
}

/** Type code as FHIR names it: FHIRPath system types (used for ids, urls and primitive values) map to FHIR types. */
export function fhirTypeCode(type: TypeRef): string {
  if (!type.code.startsWith('http://hl7.org/fhirpath/System.')) return type.code;
  const declared = type.extension?.find(
    (e) => e.url === 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type',
  )?.valueUrl;
  return declared ?? 'string';
}
