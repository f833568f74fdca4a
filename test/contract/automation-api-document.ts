// The automation API document as a validator: requests and answers are judged by a kept OpenAPI library
// (openapi-backend, its schemas compiled by ajv's JSON Schema 2020-12 class, the dialect of OpenAPI 3.1), and the
// document itself against the OpenAPI 3.1 schema (@seriousme/openapi-schema-validator).
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import { parse } from 'yaml';

export const DOCUMENT_FILE = new URL('../../api/automation-api.openapi.yaml', import.meta.url);

export function readDocument(): Document {
  return parse(readFileSync(DOCUMENT_FILE, 'utf8')) as Document;
}

/** The document's own check is the OpenAPI 3.1 one below; openapi-backend's built-in one knows only 3.0. */
class OpenApi31Backend extends OpenAPIBackend {
  override validateDefinition(): Document {
    return this.document;
  }
}

export async function documentProblems(): Promise<string[]> {
  const result = await new Validator().validate(
    parse(readFileSync(DOCUMENT_FILE, 'utf8')) as Record<string, unknown>,
  );
  return result.valid ? [] : (result.errors as object[]).map((e) => JSON.stringify(e));
}

export interface HttpTraffic {
  method: string;
  /** Path and query, e.g. `/certbench/v1/observations/lab.results?patient=0101010101`. */
  url: string;
  contentType?: string;
  body?: unknown;
}

export interface Contract {
  /** The operation a request names, or undefined when the document has no such path and method. */
  operation(method: string, url: string): Operation | undefined;
  /** Problems of a request against the document (empty when it conforms). */
  requestProblems(request: HttpTraffic): string[];
  /** Problems of an answer to `operation` with this status and body. */
  answerProblems(operation: Operation, status: number, body: unknown): string[];
}

export async function loadContract(): Promise<Contract> {
  const api = new OpenApi31Backend({
    definition: readDocument(),
    strict: true,
    customizeAjv: (_ajv, options) => {
      const ajv = new Ajv2020({ ...options, strict: false, allErrors: true });
      addFormats.default(ajv);
      return ajv;
    },
  });
  await api.init();
  const split = (url: string) => {
    const at = new URL(url, 'http://sut');
    return { path: at.pathname, query: Object.fromEntries(at.searchParams) };
  };
  const text = (errors: { instancePath?: string; message?: string }[] | null | undefined) =>
    (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
  return {
    operation: (method, url) => api.matchOperation({ method, ...split(url), headers: {} }),
    requestProblems: (request) => {
      const { path, query } = split(request.url);
      const result = api.validateRequest({
        method: request.method,
        path,
        query,
        headers: request.contentType ? { 'content-type': request.contentType } : {},
        body: request.body,
      });
      return text(result.errors);
    },
    answerProblems: (operation, status, body) => text(api.validateResponse(body, operation, status).errors),
  };
}
