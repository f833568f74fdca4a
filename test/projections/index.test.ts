import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProjections, runProjections } from '../../src/projections/index.ts';
import type { Projection } from '../../src/projections/types.ts';
import { sampleRun } from './result-builder.ts';

const stdout = { write: () => true };

describe('projection registry', () => {
  it('registers the built-in projections under their own names, each described', () => {
    for (const [key, projection] of Object.entries(builtinProjections)) {
      assert.equal(projection.name, key);
      assert.ok(projection.description.length > 0);
    }
    assert.deepEqual(Object.keys(builtinProjections), [
      'allure-results',
      'junit',
      'test-protocol',
      'console-summary',
    ]);
  });

  it('runs every built-in projection on one record', async () => {
    const run = sampleRun();
    await runProjections(Object.values(builtinProjections), { ...run, stdout });
    for (const path of ['junit.xml', 'summary.txt', 'allure-results/categories.json'])
      assert.ok(run.writer.files.has(path));
  });

  it('names the projection that failed and keeps the cause', async () => {
    const cause = new Error('disk full');
    const broken: Projection = { name: 'broken', description: 'fails', project: () => Promise.reject(cause) };
    const ran: string[] = [];
    const ok: Projection = {
      name: 'ok',
      description: 'records',
      project: () => {
        ran.push('ok');
        return Promise.resolve();
      },
    };
    await assert.rejects(runProjections([ok, broken, ok], { ...sampleRun(), stdout }), (error: Error) => {
      assert.equal(error.message, 'projection "broken" failed: disk full');
      assert.equal(error.cause, cause);
      return true;
    });
    assert.deepEqual(ran, ['ok']);
  });
});
