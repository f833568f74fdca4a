// Rules for the PDF attachments of a REF01 (medcom-standards-addendum.md §C.3, §C.4 items 2 and 3): the reference
// construct as MedCom's XML schema defines it, and the link from each reference to its binary object.
import { UUID_PATTERN } from '../../fhir/identifiers.ts';
import type { BinaryObjectView, Ref01Interchange, ReferenceView } from './ref01.ts';

/** ObjectCode values a PDF form may carry; which one DSJ uses is not public (§C.4 item 2, [U]). */
export const PDF_OBJECT_CODES = ['tekstfil', 'proprietaert_indhold'];

/** Problems of one Reference element that must point to a PDF binary object. */
export function pdfReferenceProblems(reference: ReferenceView): string[] {
  const problems: string[] = [];
  const description = reference.description ?? '';
  if (description.length === 0) problems.push('RefDescription is missing or empty');
  else if (description.length > 70)
    problems.push(
      `RefDescription has ${description.length} characters, at most 70 allowed: "${description}"`,
    );
  if (reference.kind !== 'BIN') {
    problems.push(`expected a BIN reference (an attached binary object), found ${reference.kind}`);
    return problems;
  }
  if (!UUID_PATTERN.test(reference.objectIdentifier ?? ''))
    problems.push(`ObjectIdentifier must be a UUID, found "${reference.objectIdentifier ?? ''}"`);
  if (!PDF_OBJECT_CODES.includes(reference.objectCode ?? ''))
    problems.push(
      `ObjectCode must be one of ${PDF_OBJECT_CODES.join(', ')}, found "${reference.objectCode ?? ''}"`,
    );
  if (reference.extensionCode !== 'pdf')
    problems.push(`ObjectExtensionCode must be pdf, found "${reference.extensionCode ?? ''}"`);
  if (!/^[1-9][0-9]*$/.test(reference.originalSize ?? ''))
    problems.push(`OriginalObjectSize must be a positive integer, found "${reference.originalSize ?? ''}"`);
  return problems;
}

/** Every binary object of the interchange, from all its BinaryLetters. */
export function binaryObjects(interchange: Ref01Interchange): BinaryObjectView[] {
  return interchange.binaryLetters.flatMap((letter) => letter.objects);
}

export type Resolution = { bytes: Buffer; object: BinaryObjectView; problems: string[] };

/**
 * Resolves a BIN reference to the one binary object of the same interchange with its ObjectIdentifier; the object's
 * metadata must repeat the reference's, and its decoded size must equal OriginalObjectSize (bytes, [U] unit).
 */
export function resolveReference(
  reference: ReferenceView,
  interchange: Ref01Interchange,
): Resolution | { problems: string[] } {
  const id = reference.objectIdentifier ?? '';
  const matches = binaryObjects(interchange).filter((o) => o.objectIdentifier === id);
  if (matches.length !== 1)
    return {
      problems: [
        `ObjectIdentifier ${id || '(none)'} matches ${matches.length} binary objects, expected exactly 1`,
      ],
    };
  const object = matches[0] as BinaryObjectView;
  const problems: string[] = [];
  for (const [field, mine, theirs] of [
    ['ObjectCode', reference.objectCode, object.objectCode],
    ['ObjectExtensionCode', reference.extensionCode, object.extensionCode],
    ['OriginalObjectSize', reference.originalSize, object.originalSize],
  ] as const)
    if (mine !== theirs)
      problems.push(
        `${field} is "${mine ?? ''}" in the reference but "${theirs ?? ''}" in the binary object`,
      );
  const base64 = (object.base64 ?? '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length === 0) {
    problems.push(`binary object ${id} has no valid Object_Base64Encoded content`);
    return { problems };
  }
  const bytes = Buffer.from(base64, 'base64');
  if (String(bytes.length) !== reference.originalSize)
    problems.push(
      `binary object ${id} decodes to ${bytes.length} bytes, OriginalObjectSize says ${reference.originalSize ?? ''}`,
    );
  return { bytes, object, problems };
}

/** Binary objects no reference points to (a receiver would show them nowhere). */
export function unreferencedObjects(interchange: Ref01Interchange): string[] {
  const referenced = new Set(
    interchange.referrals.flatMap((r) => r.references.map((ref) => ref.objectIdentifier ?? '')),
  );
  return binaryObjects(interchange)
    .filter((o) => !referenced.has(o.objectIdentifier ?? ''))
    .map((o) => `binary object ${o.objectIdentifier ?? '(no identifier)'} is not referenced by the referral`);
}
