// Bounded work on content from the SUT: JSON and XML depth, PDF pages, inflated size and reading time, each refused
// with a message naming the limit; a PDF being read does not starve certbench's own servers.
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { request } from 'node:http';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { CheckFailed } from '../../src/checks/check-failed.ts';
import { parseJsonAnswer } from '../../src/driver/http-driver.ts';
import {
  checkXmlDepth,
  jsonDepth,
  LimitExceeded,
  MAX_PDF_PAGES,
  parseJsonBounded,
  xmlDepth,
} from '../../src/limits/parse-limits.ts';
import { readPdf } from '../../src/rules/dsj/pdf.ts';
import { localServer } from '../support/server.ts';

test('JSON deeper than the limit is refused before parsing, naming the limit; strings do not count', () => {
  const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
  assert.throws(() => parseJsonBounded(deep), LimitExceeded);
  assert.throws(() => parseJsonBounded(deep), /JSON nested deeper than certbench's limit of 256 levels/);
  assert.equal(jsonDepth('{"a":[1,{"b":"[[[[\\"{{{"}]}'), 3);
  assert.deepEqual(parseJsonBounded('{"a":[1,2]}'), { a: [1, 2] });
});

test('an automation answer nested too deep fails the checkpoint (not a RangeError)', () => {
  const body = Buffer.from(`{"output":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`);
  const outcome = {
    exchange: { request: { method: 'POST', url: 'u' } } as never,
    status: 200,
    headers: { 'content-type': 'application/json' },
    body,
  };
  assert.throws(
    () => parseJsonAnswer(outcome, 'action x'),
    (e: unknown) => {
      assert.ok(e instanceof CheckFailed);
      assert.match(e.message, /action x: JSON nested deeper than certbench's limit/);
      return true;
    },
  );
});

test('XML deeper than the limit is refused, comments, CDATA and self-closing elements aside', () => {
  assert.equal(xmlDepth('<?xml version="1.0"?><!-- <x> --><a><b/><c><![CDATA[<d><e>]]></c></a>'), 2);
  const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
  assert.throws(() => checkXmlDepth(deep), /XML nested deeper than certbench's limit of 256 levels/);
});

test('a PDF with more pages than the limit is not read, and the message names the limit', async () => {
  const pdf = await PDFDocument.create();
  for (let i = 0; i <= MAX_PDF_PAGES; i++) pdf.addPage([100, 100]);
  const reading = await readPdf(await pdf.save());
  assert.equal(reading.opened, false);
  assert.match(reading.opened ? '' : reading.error, /501 pages is over its limit of 500 pages/);
});

/** A PDF whose one content stream inflates to `inflated` bytes. */
function bomb(inflated: number): Buffer {
  const stream = deflateSync(Buffer.alloc(inflated, 0x20), { level: 9 });
  const parts = [
    '%PDF-1.4\n',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R >> endobj\n',
    `4 0 obj << /Length ${stream.length} /Filter /FlateDecode >> stream\n`,
  ];
  return Buffer.concat([
    Buffer.from(parts.join(''), 'latin1'),
    stream,
    Buffer.from('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

test('a PDF decompression bomb is refused at the inflate limit, naming it', async () => {
  const reading = await readPdf(bomb(100 * 1024 * 1024));
  assert.equal(reading.opened, false);
  assert.match(reading.opened ? '' : reading.error, /inflate to more than its limit of 64 MiB/);
});

test('reading a PDF past its time limit stops, naming the limit', async () => {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < 50; i++) pdf.addPage([100, 100]);
  const reading = await readPdf(await pdf.save(), {
    maxPages: 500,
    maxInflatedBytes: 64 * 1024 * 1024,
    timeoutMs: 1,
  });
  assert.equal(reading.opened, false);
  assert.match(reading.opened ? '' : reading.error, /longer than its limit of 1 ms/);
});

test("certbench's own servers keep answering while a large PDF is read", async () => {
  const base = await localServer((_req, res) => res.end('ok'));
  const pdf = await PDFDocument.create();
  for (let i = 0; i < 400; i++) pdf.addPage([100, 100]);
  let reading = true;
  const done = readPdf(await pdf.save()).finally(() => (reading = false));
  const answered = await new Promise<boolean>((resolve) => {
    request(base, (res) => {
      res.resume();
      res.on('end', () => resolve(reading));
    }).end();
  });
  assert.equal(answered, true, 'the server answered while the PDF was still being read');
  assert.equal((await done).opened, true);
});
