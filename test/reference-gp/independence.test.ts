// The reference GP is an independent implementation: it must not use the judge's code, or a shared mistake passes
// on both sides. It takes nothing from src/ (rules, FHIR helpers, projections) or steps/; what both sides need
// as plain data (code lists) is read from data files under protocols/data, each naming its source.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';

/** Static, side-effect, type-only and dynamic imports and re-exports, with the module they name. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function judgeImports(source: string): string[] {
  return [...source.matchAll(IMPORT)]
    .map((m) => m[1] ?? '')
    .filter((specifier) => /^(\.\.\/)+(src|steps)\//.test(specifier));
}

test('the import scan sees every form of import of the judge', () => {
  const forms = [
    "import { x } from '../../src/rules/pregnancy/codes.ts';",
    "import type { T } from '../src/fhir/bundle.ts';",
    "export { y } from '../../steps/dsj/flow.ts';",
    "import '../../src/rules/inbox/side-effect.ts';",
    "const m = await import('../../src/rules/x.ts');",
  ];
  assert.deepEqual(
    forms.map((f) => judgeImports(f).length),
    [1, 1, 1, 1, 1],
  );
  assert.deepEqual(judgeImports("import { z } from 'zod'; import { a } from './codes.ts';"), []);
});

test("the reference GP imports none of the judge's code (src/, steps/)", () => {
  const dir = join(PACKAGE_ROOT, 'reference-gp');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 50, 'the reference GP sources were found');
  const importing = files.flatMap((file) =>
    judgeImports(readFileSync(join(dir, file), 'utf8')).map((specifier) => `${file}: ${specifier}`),
  );
  assert.deepEqual(importing, [], 'a reference GP file imports the judge');
});
