// The reference GP system: certbench's honest in-memory GP system and its catalogue of named faults.
export { startReferenceGp, type ReferenceGp, type ReferenceGpOptions } from './server.ts';
export { FAULTS, listFaults, type FaultInfo, type FaultName } from './faults/catalogue.ts';
