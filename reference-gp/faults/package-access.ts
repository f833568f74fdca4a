// Small lookups into a SharePackage, shared by the content-fault mutations.
import type { SharePackage } from '../diagnosekort/transaction.ts';

type ResourceType = fhir4.FhirResource['resourceType'];
type ResourceOf<T extends ResourceType> = Extract<fhir4.FhirResource, { resourceType: T }>;

export function ofType<T extends ResourceType>(
  resources: readonly fhir4.Resource[],
  type: T,
): ResourceOf<T>[] {
  return resources.filter((r): r is ResourceOf<T> => r.resourceType === type);
}

export function documentResources(pkg: SharePackage): fhir4.FhirResource[] {
  return (pkg.document.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

function single<T>(items: T[], what: string): T {
  const [first] = items;
  if (first === undefined) throw new Error(`reference GP: no ${what} in the share package`);
  return first;
}

export const composition = (pkg: SharePackage) =>
  single(ofType(documentResources(pkg), 'Composition'), 'Composition');
export const patient = (pkg: SharePackage) => single(ofType(documentResources(pkg), 'Patient'), 'Patient');
export const organization = (pkg: SharePackage) =>
  single(ofType(documentResources(pkg), 'Organization'), 'Organization');
export const conditions = (pkg: SharePackage) => pkg.conditions.map((c) => c.resource);
export const containedPatient = (pkg: SharePackage) =>
  single(ofType(pkg.documentReference.contained ?? [], 'Patient'), 'contained Patient');
export const attachments = (pkg: SharePackage) => pkg.documentReference.content.map((c) => c.attachment);

/** The SubmissionSet List of the ITI-65 transaction. */
export const submissionSet = (pkg: SharePackage): fhir4.List | undefined =>
  ofType(
    (pkg.transaction.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])),
    'List',
  )[0];
