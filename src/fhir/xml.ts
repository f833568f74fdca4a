// FHIR R4 XML from FHIR JSON, with the `fhir` package (Lantana FHIR.js 4.12.0, already certbench's structural
// validator): it writes elements in the order of the R4 definitions, primitives as value attributes, and the
// narrative in the XHTML namespace. Used where a protocol asks a receiver to load the same message as XML and as
// JSON (kommunale-proevesvar 3.3.5); tests keep MedCom's HomeCareObservation examples equal after a round trip.
import fhirPackage from 'fhir';

let converter: InstanceType<typeof fhirPackage.Fhir> | undefined;

/** The resource as FHIR XML (the `fhir` package loads the R4 model once, on first use). */
export function toFhirXml(resource: object): string {
  converter ??= new fhirPackage.Fhir();
  return converter.jsonToXml(JSON.stringify(resource));
}
