// Writes the JSON Schemas of the user-written YAML files (for editors: yaml-language-server) from the same zod
// schemas certbench validates with. `npm test` fails when the committed files drift (test/input/json-schema.test.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/input/json-schemas.ts';
import { PACKAGE_ROOT } from '../src/run/package-root.ts';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(PACKAGE_ROOT, 'schemas', name), `${JSON.stringify(schema, null, 2)}\n`);
}
