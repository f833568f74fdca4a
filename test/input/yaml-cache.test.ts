// Shipped YAML is parsed when dist/ is built and read as JSON by the runs (src/input/yaml-file.ts): what a run reads
// from dist/yaml-cache must be what parsing the YAML gives, and a file whose text changed is parsed again.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { z } from 'zod';
import { PARSED_YAML_DIR, parseYaml } from '../../src/input/yaml-file.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';

const SHIPPED = ['protocols', join('protocols', 'official'), 'profiles'].flatMap((folder) =>
  readdirSync(join(PACKAGE_ROOT, folder))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(folder, f)),
);

test('every prebuilt file holds what the YAML text it is named by parses to', (t) => {
  if (!existsSync(PARSED_YAML_DIR)) return t.skip('dist/ is not built');
  for (const file of SHIPPED) {
    const text = readFileSync(join(PACKAGE_ROOT, file), 'utf8');
    const prebuilt = join(PARSED_YAML_DIR, `${createHash('sha256').update(text).digest('hex')}.json`);
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
