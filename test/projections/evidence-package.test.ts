// The evidence package's ZIP on its own: every entry comes back byte for byte with its SHA-256 in SHA256SUMS, also
// when several packages of a run carry the same record (compressed once) and a file is empty.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { evidencePackage } from '../../src/projections/test-protocol/package.ts';
import type { Writer } from '../../src/projections/types.ts';

const files: Record<string, Buffer> = {
  'exchanges/a.json': Buffer.from('{"resourceType":"Bundle"}'),
  'exchanges/empty.txt': Buffer.alloc(0),
};
const writer: Writer = {
  write: () => Promise.resolve(),
  read: (path) => Promise.resolve(files[path] ?? Buffer.from(`missing ${path}`)),
  copy: () => Promise.resolve(),
};

test('packages sharing the record unzip to their own entries, in order, with matching SHA256SUMS', async () => {
  const record = Buffer.from(JSON.stringify({ run: 'x'.repeat(200_000), æøå: 'Målinger' }));
  for (const protocol of ['diagnosekort', 'dsj-gmv2']) {
    const zip = await evidencePackage(
      writer,
      [
        { name: `${protocol}.html`, content: Buffer.from(`<p>${protocol}</p>`) },
        { name: 'certification-result.json', content: record },
      ],
      [
        { name: `${protocol}_3.3.1.1_A.json`, step: '3.3.1.1', source: 'exchanges/a.json' },
        { name: `${protocol}_3.3.1.1_B.txt`, step: '3.3.1.1', source: 'exchanges/empty.txt' },
      ],
    );
    const entries = unzipSync(zip);
    assert.deepEqual(Object.keys(entries), [
      `${protocol}.html`,
      'certification-result.json',
      `evidence/${protocol}_3.3.1.1_A.json`,
      `evidence/${protocol}_3.3.1.1_B.txt`,
      'SHA256SUMS',
    ]);
    assert.deepEqual(Buffer.from(entries['certification-result.json'] as Uint8Array), record);
    assert.equal(entries[`evidence/${protocol}_3.3.1.1_B.txt`]?.length, 0);
    const sums = new TextDecoder().decode(entries['SHA256SUMS']).trimEnd().split('\n');
    assert.equal(sums.length, 4);
    for (const line of sums) {
      const [hash, name] = line.split('  ') as [string, string];
      assert.equal(
        createHash('sha256')
          .update(entries[name] as Uint8Array)
          .digest('hex'),
        hash,
        name,
      );
    }
  }
});
