// Shipped YAML is parsed when dist/ is built and read as JSON by the runs (src/input/yaml-file.ts): what a run reads
// from dist/yaml-cache must be what parsing the YAML gives, and a file whose text changed is parsed again.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { z } from 'zod';
import { PARSED_YAML_DIR, parseYaml, readShippedYaml } from '../../src/input/yaml-file.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';

const shipped = (folder: string): string[] =>
  readdirSync(join(PACKAGE_ROOT, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? shipped(join(folder, entry.name))
      : entry.name.endsWith('.yaml')
        ? [join(folder, entry.name)]
        : [],
  );
const SHIPPED = ['protocols', 'profiles', join('src', 'validation')].flatMap(shipped);
const prebuiltOf = (text: string) =>
  join(PARSED_YAML_DIR, `${createHash('sha256').update(text).digest('hex')}.json`);

test('every prebuilt file holds what the YAML text it is named by parses to', (t) => {
  if (!existsSync(PARSED_YAML_DIR)) return t.skip('dist/ is not built');
  for (const file of SHIPPED) {
    const text = readFileSync(join(PACKAGE_ROOT, file), 'utf8');
    const prebuilt = prebuiltOf(text);
    if (!existsSync(prebuilt)) continue;
    assert.deepEqual(JSON.parse(readFileSync(prebuilt, 'utf8')), parse(text), file);
  }
});

test('a text no build parsed is parsed as YAML, with the line of a schema problem', () => {
  const schema = z.strictObject({ id: z.string() });
  assert.deepEqual(parseYaml('id: x\n', 'a.yaml', schema, 'test'), { id: 'x' });
  assert.throws(
    () => parseYaml('id: x\nother: 1\n', 'a.yaml', schema, 'test'),
    (error: Error & { issues?: { line?: number }[] }) => error.issues?.[0]?.line === 2,
  );
});

test('the data files a run reads are prebuilt, and readShippedYaml gives what parsing gives', (t) => {
  if (!existsSync(PARSED_YAML_DIR)) return t.skip('dist/ is not built');
  for (const file of [
    join('protocols', 'data', 'diagnosekort', 'test-diagnoses-1.0.0.yaml'),
    join('protocols', 'data', 'gmv2', 'codes.yaml'),
    join('src', 'validation', 'known-issues.yaml'),
  ]) {
    const text = readFileSync(join(PACKAGE_ROOT, file), 'utf8');
    assert.ok(existsSync(prebuiltOf(text)), `${file} is prebuilt`);
    assert.deepEqual(readShippedYaml(join(PACKAGE_ROOT, file)), parse(text), file);
  }
});

test('readShippedYaml parses a text no build saw', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'certbench-yaml-')), 'data.yaml');
  writeFileSync(file, 'list: [1, two]\nnested: { a: true }\n');
  assert.deepEqual(readShippedYaml(file), { list: [1, 'two'], nested: { a: true } });
});
