// The automation API description and the reference GP system name the same actions, observations and inbound
// channels, and every operation of the description is routed by the reference GP: a protocol that adds one to the
// reference GP must document it for vendors too. (test/contract judges the traffic of a full run against it.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTIONS } from '../../reference-gp/actions.ts';
import { INBOUND } from '../../reference-gp/inbound.ts';
import { OBSERVATIONS } from '../../reference-gp/observations.ts';
import { startReferenceGp } from '../../reference-gp/index.ts';
import { readDocument } from '../contract/automation-api-document.ts';

interface Parameter {
  name: string;
  in: string;
  schema?: { enum?: string[] };
}
type Spec = { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };

const spec = readDocument() as unknown as Spec;
const PREFIX = '/certbench/v1';

/** The names of the per-name paths under `folder`, e.g. the actions of `/certbench/v1/actions/<action>`. */
function namesUnder(folder: string): string[] {
  return Object.keys(spec.paths)
    .filter((p) => p.startsWith(`${PREFIX}/${folder}/`))
    .map((p) => p.slice(`${PREFIX}/${folder}/`.length))
    .sort();
}

function pathEnum(path: string, method: string, name: string): string[] {
  const parameter = spec.paths[path]?.[method]?.parameters?.find((p) => p.name === name && p.in === 'path');
  assert.ok(parameter?.schema?.enum, `${method.toUpperCase()} ${path} has an enum for {${name}}`);
  return [...parameter.schema.enum].sort();
}

test('every reference GP action is in the API description (one path each), and only those', () => {
  assert.deepEqual(namesUnder('actions'), Object.keys(ACTIONS).sort());
});

test('every reference GP observation is in the API description (one path each), and only those', () => {
  assert.deepEqual(namesUnder('observations'), Object.keys(OBSERVATIONS).sort());
});

test('every inbound channel of the reference GP is in the API description, and only those', () => {
  assert.deepEqual(
    pathEnum('/certbench/v1/inbound/{channel}', 'post', 'channel'),
    Object.keys(INBOUND).sort(),
  );
});

test('the reference GP routes every operation of the description, and nothing else', async () => {
  const token = 'routes-test-token';
  const gp = await startReferenceGp({ token });
  try {
    const call = async (method: string, path: string, body?: string) => {
      const answer = await fetch(`${gp.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body }),
      });
      return { status: answer.status, text: await answer.text() };
    };
    for (const [path, methods] of Object.entries(spec.paths)) {
      const concrete = path.replace('{channel}', Object.keys(INBOUND)[0] ?? '');
      for (const method of Object.keys(methods)) {
        const upper = method.toUpperCase();
        const { status, text } = await call(
          upper,
          upper === 'GET' ? `${concrete}?patient=0101010101` : concrete,
          upper === 'GET' ? undefined : '{}',
        );
        // An empty body may be refused (422) or answered; a route that is missing answers 404/405.
        assert.ok(status !== 404 && status !== 405, `${upper} ${concrete} is routed (got ${status} ${text})`);
      }
    }
    assert.equal((await call('POST', `${PREFIX}/actions/no.such-action`, '{}')).status, 404);
    assert.equal((await call('GET', `${PREFIX}/observations/no.such?patient=0101010101`)).status, 404);
    assert.equal((await call('PUT', `${PREFIX}/no-such-endpoint`, '{}')).status, 404);
  } finally {
    await gp.stop();
  }
});
