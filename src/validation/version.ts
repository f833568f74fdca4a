import { createRequire } from 'node:module';
import { medplumDefinitions } from './packages/r4-core.ts';

/** certbench's FHIR validator; bump on any change to what it reports (recorded with every result). */
export const VALIDATOR_VERSION = '1.0.0';

/** The validator and the libraries its verdicts depend on, by version. */
export interface ValidatorVersion {
  name: 'certbench-fhir-validator';
  version: string;
  fhirpath: string;
  medplumDefinitions: string;
}

/** The running validator and library versions. */
export function validatorVersion(): ValidatorVersion {
  const require = createRequire(import.meta.url);
  const fhirpath = (require('fhirpath/package.json') as { version: string }).version;
  return {
    name: 'certbench-fhir-validator',
    version: VALIDATOR_VERSION,
    fhirpath,
    medplumDefinitions: medplumDefinitions().version,
  };
}
