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
