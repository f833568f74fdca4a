import { entriesOf, isResource, type Resource } from '../../fhir/bundle.ts';

/**
 * The SubmissionSet of an IHE MHD ITI-65 Provide Document Bundle (MHD 4.2, profile IHE.MHD.Minimal.SubmissionSet,
 * which every other SubmissionSet profile derives from): exactly one List with code MHDlistTypes#submissionset, mode
 * working (fixed), a date (1..1), a status (1..1 in FHIR R4 List), and an entry for every DocumentReference of the
 * transaction (the SubmissionSet lists what it submits; entry.item is a DocumentReference or a List), and, where
 * the ihe-sourceId extension is sent, an OID as its value (MHD: "The format of the identifier is an OID").
 * Not required: the identifiers, whose cardinalities changed between MHD versions, and the sourceId itself (1..1
 * in MHD 4.x, but MedCom publishes no SubmissionSet example and names no MHD version for national document
 * sharing, so a system that leaves it out is not shown to be wrong by any Danish source).
 */
const LIST_TYPES = /^https?:\/\/profiles\.ihe\.net\/ITI\/MHD\/CodeSystem\/MHDlistTypes$/;
const SOURCE_ID = /^https?:\/\/profiles\.ihe\.net\/ITI\/MHD\/StructureDefinition\/ihe-sourceId$/;
/** An OID (ISO/IEC 8824: arcs without leading zeros, the first 0-2), bare or as `urn:oid:` (RFC 3001). */
const OID = /^(urn:oid:)?[0-2](\.(0|[1-9]\d*))+$/;
const LIST_STATUS = ['current', 'retired', 'entered-in-error'];

interface Coding {
  system?: unknown;
  code?: unknown;
}

function isSubmissionSet(resource: Resource): boolean {
  const codings = (resource.code as { coding?: Coding[] } | undefined)?.coding;
  return (
    resource.resourceType === 'List' &&
    Array.isArray(codings) &&
    codings.some(
      (c) => c?.code === 'submissionset' && typeof c.system === 'string' && LIST_TYPES.test(c.system),
    )
  );
}

export function submissionSetProblems(transaction: unknown): string[] {
  const entries = entriesOf(transaction).filter((e) => isResource(e.resource));
  const sets = entries.filter((e) => isSubmissionSet(e.resource as Resource));
  if (sets.length !== 1)
    return [
      `the transaction has ${sets.length} SubmissionSets (List with code MHDlistTypes#submissionset), expected exactly one`,
    ];
  const set = sets[0]?.resource as Resource;
  const problems: string[] = [];
  if (set.mode !== 'working')
    problems.push(`SubmissionSet.mode is ${JSON.stringify(set.mode)}, expected "working"`);
  if (typeof set.status !== 'string' || !LIST_STATUS.includes(set.status))
    problems.push(`SubmissionSet.status is ${JSON.stringify(set.status)}, expected a List status (current)`);
  if (typeof set.date !== 'string' || set.date === '') problems.push('SubmissionSet.date is missing');
  const extensions = Array.isArray(set.extension) ? (set.extension as { url?: unknown }[]) : [];
  for (const extension of extensions.filter((e) => typeof e?.url === 'string' && SOURCE_ID.test(e.url))) {
    const value = (extension as { valueIdentifier?: { value?: unknown } }).valueIdentifier?.value;
    if (typeof value !== 'string' || !OID.test(value))
      problems.push(
        `SubmissionSet sourceId is ${JSON.stringify(value)}, expected an OID (IHE MHD ihe-sourceId)`,
      );
  }
  const items = new Set(
    ((set.entry as { item?: { reference?: unknown } }[] | undefined) ?? []).map((e) => e?.item?.reference),
  );
  for (const entry of entries) {
    const resource = entry.resource as Resource;
    if (resource.resourceType !== 'DocumentReference') continue;
    const names = [entry.fullUrl, `DocumentReference/${String(resource.id)}`];
    if (!names.some((name) => items.has(name)))
      problems.push(
        `the SubmissionSet has no entry for the DocumentReference ${String(entry.fullUrl ?? resource.id)}`,
      );
  }
  return problems;
}
