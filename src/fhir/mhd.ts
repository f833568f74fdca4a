import { createHash } from 'node:crypto';
import { LimitExceeded, parseJsonBounded } from '../limits/parse-limits.ts';
import { entriesOf, isResource, type Resource } from './bundle.ts';

/** What a Provide Document Bundle (IHE MHD ITI-65) carries, with every deviation found on the way. */
export interface ProvideDocumentBundle {
  documentReference?: Resource;
  binary?: Resource;
  /** The document, decoded from the Binary that the DocumentReference points to. */
  document?: Resource;
  /** The exact bytes of the document as sent (for size and hash). */
  documentBytes?: Buffer;
  problems: string[];
}

/**
 * Unpacks an ITI-65 transaction: exactly one DocumentReference whose content.attachment.url points to a Binary
 * entry holding the document (base64), as MHD requires. Never throws: problems are listed for checkpoints to judge.
 * `fhirDocument: false` is for documents that are not FHIR JSON (e.g. CDA): only their bytes are unpacked.
 */
export function unpackProvideDocumentBundle(
  transaction: unknown,
  options: { fhirDocument?: boolean } = {},
): ProvideDocumentBundle {
  const problems: string[] = [];
  const t = transaction as { resourceType?: unknown; type?: unknown } | undefined;
  if (t?.resourceType !== 'Bundle' || t.type !== 'transaction') {
    return {
      problems: [`expected a Bundle of type transaction, got ${String(t?.resourceType)} ${String(t?.type)}`],
    };
  }
  const entries = entriesOf(transaction);
  const refs = entries.filter(
    (e) => isResource(e.resource) && e.resource.resourceType === 'DocumentReference',
  );
  if (refs.length !== 1) problems.push(`expected exactly one DocumentReference entry, found ${refs.length}`);
  const documentReference = refs[0]?.resource;
  if (!documentReference) return { problems };

  const attachment = (
    documentReference.content as
      { attachment?: { url?: unknown; size?: unknown; hash?: unknown } }[] | undefined
  )?.[0]?.attachment;
  const url = attachment?.url;
  const binaryEntry = entries.find((e) => typeof url === 'string' && e.fullUrl === url);
  if (typeof url !== 'string') {
    problems.push('DocumentReference.content[0].attachment.url is missing');
    return { documentReference, problems };
  }
  if (!binaryEntry || !isResource(binaryEntry.resource)) {
    problems.push(
      `DocumentReference.content[0].attachment.url ${url} does not match the fullUrl of any entry`,
    );
    return { documentReference, problems };
  }
  const binary = binaryEntry.resource;
  if (binary.resourceType !== 'Binary') {
    problems.push(
      `the attachment url points to a ${binary.resourceType}, expected a Binary holding the document`,
    );
    return { documentReference, problems };
  }
  if (typeof binary.data !== 'string') {
    problems.push('the Binary has no data');
    return { documentReference, binary, problems };
  }
  const documentBytes = Buffer.from(binary.data, 'base64');
  let document: Resource | undefined;
  if (options.fhirDocument !== false) {
    try {
      const parsed: unknown = parseJsonBounded(documentBytes.toString('utf8'));
      if (isResource(parsed)) document = parsed;
      else problems.push('the Binary data is JSON but not a FHIR resource');
    } catch (error) {
      problems.push(
        error instanceof LimitExceeded
          ? `the Binary data: ${error.message}`
          : `the Binary data is not JSON: ${(error as Error).message}`,
      );
    }
  }
  if (attachment?.size !== documentBytes.length) {
    problems.push(
      `attachment.size is ${String(attachment?.size)}, the document is ${documentBytes.length} bytes`,
    );
  }
  const sha1 = createHash('sha1').update(documentBytes).digest('base64');
  if (attachment?.hash !== sha1)
    problems.push(
      `attachment.hash is ${String(attachment?.hash)}, the SHA-1 (base64) of the document is ${sha1}`,
    );
  return { documentReference, binary, ...(document ? { document } : {}), documentBytes, problems };
}
