import fhirPackage from 'fhir';

/** One structural problem found by the R4 validator. */
export interface StructuralIssue {
  location: string;
  message: string;
}

let validator: InstanceType<typeof fhirPackage.Fhir> | undefined;

/**
 * Structural FHIR R4 validation with the `fhir` package (Lantana FHIR.js): element names, cardinality, data type
 * formats and required bindings of the base specification. Unknown elements are errors (as in R4 JSON). Profile
 * (MedCom StructureDefinition) validation is a separate concern.
 */
export function structuralIssues(resource: unknown): StructuralIssue[] {
  validator ??= new fhirPackage.Fhir();
  const response = validator.validate(resource as object, { errorOnUnexpected: true });
  return response.messages
    .filter((m) => String(m.severity) === 'error')
    .map((m) => ({ location: m.location ?? '?', message: m.message ?? 'invalid' }));
}

/**
 * Empty elements in FHIR JSON: FHIR R4 JSON representation, "objects are never empty, arrays are never empty, and
 * properties never have null values" (nor empty strings; the validator above accepts all three). Paths as
 * `relatesTo` or `content[0].attachment.title`.
 */
export function emptyJsonElements(value: unknown, path = ''): string[] {
  if (value === null) return [`${path} is null`];
  if (value === '') return [`${path} is an empty string`];
  if (Array.isArray(value))
    return value.length === 0
      ? [`${path} is an empty array`]
      : value.flatMap((item, i) => emptyJsonElements(item, `${path}[${i}]`));
  if (typeof value !== 'object') return [];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [`${path || 'the resource'} is an empty object`];
  return entries.flatMap(([key, item]) => emptyJsonElements(item, path ? `${path}.${key}` : key));
}
