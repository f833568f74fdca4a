// The automation API description and the reference GP system name the same actions, observations and inbound
// channels: a protocol that adds one to the reference GP must document it for vendors too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { ACTIONS } from '../../reference-gp/actions.ts';
import { INBOUND } from '../../reference-gp/inbound.ts';
import { OBSERVATIONS } from '../../reference-gp/observations.ts';

interface Parameter {
  name: string;
  in: string;
  schema?: { enum?: string[] };
}
type Spec = { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };

const spec = parse(
  readFileSync(new URL('../../api/automation-api.openapi.yaml', import.meta.url), 'utf8'),
) as Spec;

function pathEnum(path: string, method: string, name: string): string[] {
  const parameter = spec.paths[path]?.[method]?.parameters?.find((p) => p.name === name && p.in === 'path');
  assert.ok(parameter?.schema?.enum, `${method.toUpperCase()} ${path} has an enum for {${name}}`);
  return [...parameter.schema.enum].sort();
}

test('every reference GP action is in the API description, and only those', () => {
  assert.deepEqual(pathEnum('/certbench/v1/actions/{action}', 'post', 'action'), Object.keys(ACTIONS).sort());
});

test('every reference GP observation is in the API description, and only those', () => {
  assert.deepEqual(
    pathEnum('/certbench/v1/observations/{observation}', 'get', 'observation'),
    Object.keys(OBSERVATIONS).sort(),
  );
});

test('every inbound channel of the reference GP is in the API description, and only those', () => {
  assert.deepEqual(
    pathEnum('/certbench/v1/inbound/{channel}', 'post', 'channel'),
    Object.keys(INBOUND).sort(),
  );
});
