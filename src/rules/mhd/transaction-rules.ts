import { emptyJsonElements, structuralIssues } from '../../fhir/structural.ts';
import { entriesOf, isResource } from '../../fhir/bundle.ts';

/**
 * The envelope of an ITI-65 Provide Document Bundle as FHIR R4 defines a transaction: every entry carries a request
 * (invariant bdl-3) with a method and a url (both 1..1); a create (POST) names the resource type as its url, an
 * update (PUT) its type and then an id or a search (FHIR R4 RESTful API: create `POST [type]`, update
 * `PUT [type]/[id]`, conditional update `PUT [type]?[search]`). Any other method (GET, DELETE, …) submits nothing.
 */
export function transactionRequestProblems(transaction: unknown): string[] {
  return entriesOf(transaction).flatMap((entry, index) => {
    const resource = isResource(entry.resource) ? entry.resource : undefined;
    const request = (entry as { request?: { method?: unknown; url?: unknown } }).request;
    const where = `entry[${index}]${resource ? ` (${resource.resourceType})` : ''}`;
    if (typeof request !== 'object' || request === null)
      return [`${where} has no request (FHIR R4 bdl-3: every transaction entry has one)`];
    const { method, url } = request;
    if (method !== 'POST' && method !== 'PUT')
      return [`${where}: request.method is ${JSON.stringify(method)}, expected POST (or PUT) to submit it`];
    if (!resource) return [];
    const type = resource.resourceType;
    if (method === 'POST')
      return url === type ? [] : [`${where}: POST to ${JSON.stringify(url)}, expected ${type}`];
    const update = typeof url === 'string' && (url.startsWith(`${type}/`) || url.startsWith(`${type}?`));
    return update
      ? []
      : [`${where}: PUT to ${JSON.stringify(url)}, expected ${type}/[id] or ${type}?[search]`];
  });
}

/**
 * Empty JSON elements of the transaction (FHIR R4 JSON: never an empty string, object or array, never null),
 * outside the DocumentReference, which DK-XDS-10 judges on its own.
 */
export function transactionEmptyElements(transaction: unknown): string[] {
  const envelope = Object.entries((transaction ?? {}) as Record<string, unknown>).filter(
    ([key]) => key !== 'entry',
  );
  return [
    ...emptyJsonElements(Object.fromEntries(envelope)),
    ...entriesOf(transaction).flatMap((entry, index) => {
      const { resource, ...rest } = entry;
      const judgedElsewhere = isResource(resource) && resource.resourceType === 'DocumentReference';
      return emptyJsonElements(judgedElsewhere ? rest : entry, `entry[${index}]`);
    }),
  ];
}

/**
 * Structural FHIR R4 problems of the transaction (element names, cardinalities, data types of the base
 * specification: e.g. a List with an element List does not have, a Binary without its contentType), outside the
 * DocumentReference, which DK-XDS-10 validates against MedCom's profile.
 */
export function transactionStructureProblems(transaction: unknown): string[] {
  return structuralIssues(transaction)
    .filter((issue) => !issue.location.startsWith('DocumentReference'))
    .map((issue) => `${issue.location}: ${issue.message}`);
}
