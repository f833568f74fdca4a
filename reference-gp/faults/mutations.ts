// The one place content faults act: every active content fault mutates the share package just before it is
// sealed (serialised, hashed) and sent. The compiler checks that every content fault has a mutation.
import type { SharePackage } from '../diagnosekort/transaction.ts';
import type { ContentFault, FaultName } from './catalogue.ts';
import {
  BUNDLE_MUTATIONS,
  COMPOSITION_MUTATIONS,
  CONDITION_MUTATIONS,
  PATIENT_MUTATIONS,
  type Mutation,
} from './document-mutations.ts';
import { CLINICAL_STATUS_MUTATIONS, CODE_MUTATIONS } from './condition-mutations.ts';
import { METADATA_MUTATIONS, TRANSPORT_MUTATIONS } from './metadata-mutations.ts';

const MUTATIONS: Record<ContentFault, Mutation> = {
  ...BUNDLE_MUTATIONS,
  ...COMPOSITION_MUTATIONS,
  ...PATIENT_MUTATIONS,
  ...CONDITION_MUTATIONS,
  ...CODE_MUTATIONS,
  ...CLINICAL_STATUS_MUTATIONS,
  ...TRANSPORT_MUTATIONS,
  ...METADATA_MUTATIONS,
};

export function applyContentFaults(pkg: SharePackage, faults: ReadonlySet<FaultName>): void {
  for (const fault of faults) {
    if (Object.hasOwn(MUTATIONS, fault)) MUTATIONS[fault as ContentFault](pkg);
  }
}
