// A GMv2 document as submitted through IHE MHD ITI-65: unpacks the transaction, recognises the format from the
// bytes, and reads the document into the neutral model with the reader of its format.
import type { Resource } from '../../fhir/bundle.ts';
import { unpackProvideDocumentBundle, type ProvideDocumentBundle } from '../../fhir/mhd.ts';
import { readCdaDocument, type CdaHeader } from './cda-reader.ts';
import type { DocumentFormat } from './codes.ts';
import { readFhirDocument } from './fhir-reader.ts';
import type { ReadDocument } from './model.ts';
import { parseJsonBounded } from '../../limits/parse-limits.ts';

export interface GmSubmission {
  unpacked: ProvideDocumentBundle;
  /** The format the bytes are in (XML → cda, JSON → fhir), when recognisable. */
  format?: DocumentFormat;
  read?: ReadDocument;
  /** CDA only: the header as written. */
  header?: CdaHeader;
  /** FHIR only: the document Bundle. */
  bundle?: Resource;
}

export function formatOfBytes(bytes: Buffer | undefined): DocumentFormat | undefined {
  const first = bytes
    ?.toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()[0];
  return first === '<' ? 'cda' : first === '{' ? 'fhir' : undefined;
}

/** Never throws; what cannot be read is in `unpacked.problems` / `read.problems`. */
export function readSubmission(transaction: unknown): GmSubmission {
  try {
    return read(transaction);
  } catch (error) {
    // The readers are tolerant; this is the last guard against input no one foresaw.
    return {
      unpacked: { problems: [`the submission could not be read: ${(error as Error).message}`] },
    };
  }
}

function read(transaction: unknown): GmSubmission {
  const unpacked = unpackProvideDocumentBundle(transaction, { fhirDocument: false });
  const format = formatOfBytes(unpacked.documentBytes);
  if (!unpacked.documentBytes || !format) return { unpacked, ...(format ? { format } : {}) };
  const text = unpacked.documentBytes.toString('utf8');
  if (format === 'cda') {
    const read = readCdaDocument(text);
    return { unpacked, format, read, ...(read.header ? { header: read.header } : {}) };
  }
  let bundle: unknown;
  try {
    bundle = parseJsonBounded(text);
  } catch (error) {
    return {
      unpacked,
      format,
      read: {
        ...readFhirDocument(undefined),
        problems: [`the document is not JSON: ${(error as Error).message}`],
      },
    };
  }
  return { unpacked, format, read: readFhirDocument(bundle), bundle: bundle as Resource };
}
