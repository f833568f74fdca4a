import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { jsonSchemas } from '../../src/input/json-schemas.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';

test('the committed JSON Schemas match the schemas certbench validates with (run scripts/generate-schemas.ts)', () => {
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const committed = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', name), 'utf8')) as unknown;
    assert.deepEqual(committed, schema, `schemas/${name} is out of date`);
  }
});
