// Eight vendors at one console: eight Diagnosekort rehearsals at once, each in its own SUT session, counterparts
// and output folder, and nothing of one reaches another (answers, "fejl", uploads, ports, messages, logins).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FormData } from 'undici';
import { loadTestcampConfig } from '../../src/testcamp/config.ts';
import { startTestcamp } from '../../src/testcamp/testcamp.ts';
import { ConsoleClient, rehearsalConfig, rehearse } from '../support/console-client.ts';
import { checkpoints } from '../support/run.ts';
import { journalEvents } from '../support/testcamp.ts';

const IDS = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'];

test('eight rehearsals at once through one console: each finishes on its own, and nothing crosses between them', async () => {
  const config = await loadTestcampConfig(await rehearsalConfig(IDS, '', true));
  const camp = await startTestcamp(config);
  try {
    const clients = await Promise.all(
      IDS.map(async (id) => {
        const operator = new ConsoleClient(camp.url);
        const assessor = new ConsoleClient(camp.url);
        await operator.login(`operator-token-${id}-0123456789`);
        await assessor.login(`assessor-token-${id}-0123456789`);
        return { id, operator, assessor };
      }),
    );
    // A login is for its own run only.
    assert.equal((await clients[0]?.operator.page('/runs/v2'))?.status, 403);
    assert.equal(
      (await clients[1]?.assessor.form('/runs/v1/fejl', { step: '1', decision: 'confirm' }))?.status,
      403,
    );
    // Each vendor's "fejl" at its own step, each assessor's screenshot with the run's name in it.
    const finished = await Promise.all(
      clients.map(({ id, operator, assessor }, n) => {
        let given = false;
        return rehearse(id, operator, assessor, {
          fejlAt: n + 2,
          assessment: () => {
            const form = new FormData();
            form.append('decision', 'OK');
            if (!given) {
              given = true;
              form.append('evidence', new Blob([`screenshot of ${id}`], { type: 'text/plain' }), `${id}.txt`);
            }
            return form;
          },
        });
      }),
    );
    assert.deepEqual(
      finished,
      IDS.map(() => true),
    );

    const ports = new Set<number>();
    const runIds = new Set<string>();
    for (const [n, run] of config.runs.entries()) {
      const events = journalEvents(run.out);
      const corrected = events.filter((e) => e.type === 'fejl-corrected').map((e) => e.step);
      assert.deepEqual(corrected, [n + 2], `${run.id}: only its own fejl`);
      const uploads = events.filter((e) => e.type === 'upload');
      assert.deepEqual(
        uploads.map((u) => u.name),
        [`${run.id}.txt`],
        `${run.id}: only its own upload`,
      );
      assert.equal(readFileSync(join(run.out, uploads[0]?.file ?? ''), 'utf8'), `screenshot of ${run.id}`);
      const port = events.find((e) => e.type === 'run')?.counterpartsPort ?? 0;
      ports.add(port);
      // Everything the run's counterparts received came to its own port; no other run's port is in its messages.
      const messages = readFileSync(join(run.out, 'messages.ndjson'), 'utf8');
      assert.match(messages, new RegExp(`127\\.0\\.0\\.1:${port}/document-sharing`));
      const result = camp.slots.get(run.id)?.result;
      assert.ok(result, `${run.id} has a result`);
      runIds.add(result.run.id);
      assert.deepEqual(
        checkpoints(result)
          .filter((c) => c.status !== 'passed')
          .map((c) => `${c.id} ${c.status} ${c.message ?? ''}`),
        [],
        `${run.id} passes like the automatic run`,
      );
    }
    assert.equal(ports.size, IDS.length, 'each run has counterparts of its own');
    assert.equal(runIds.size, IDS.length);
    for (const run of config.runs) {
      const messages = readFileSync(join(run.out, 'messages.ndjson'), 'utf8');
      const own = journalEvents(run.out).find((e) => e.type === 'run')?.counterpartsPort;
      for (const port of ports)
        if (port !== own)
          assert.ok(!messages.includes(`127.0.0.1:${port}/`), `${run.id} has nothing of port ${port}`);
    }
  } finally {
    await camp.stop();
  }
});
