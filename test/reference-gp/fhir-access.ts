// Test helpers to take an ITI-65 transaction apart.
import { createHash } from 'node:crypto';

type Res = fhir4.FhirResource;

export function entryOf<T extends Res['resourceType']>(bundle: fhir4.Bundle<Res>, type: T) {
  const found = (bundle.entry ?? []).filter((e) => e.resource?.resourceType === type);
  return found as Array<fhir4.BundleEntry<Extract<Res, { resourceType: T }>>>;
}

export function resourcesOf<T extends Res['resourceType']>(bundle: fhir4.Bundle<Res>, type: T) {
  return entryOf(bundle, type).flatMap((e) => (e.resource ? [e.resource] : []));
}

export function first<T>(items: T[]): T {
  const [item] = items;
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

export interface Unpacked {
  transaction: fhir4.Bundle<Res>;
  documentReference: fhir4.DocumentReference;
  binary: fhir4.Binary;
  bytes: Buffer;
  document: fhir4.Bundle<Res>;
}

export function unpack(transaction: fhir4.Bundle<Res> | undefined): Unpacked {
  if (!transaction) throw new Error('no transaction received');
  const binary = first(resourcesOf(transaction, 'Binary'));
  const bytes = Buffer.from(binary.data ?? '', 'base64');
  return {
    transaction,
    documentReference: first(resourcesOf(transaction, 'DocumentReference')),
    binary,
    bytes,
    document: JSON.parse(bytes.toString('utf8')) as fhir4.Bundle<Res>,
  };
}

export const sha1 = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('base64');
