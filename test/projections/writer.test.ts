import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { allWritten, BatchedWrites, FileSystemWriter } from '../../src/projections/writer.ts';
import { tempDir } from '../support/temp.ts';

test('the file system writer writes many files at once into new folders, none lost', async () => {
  const root = await tempDir();
  const writer = new FileSystemWriter(root);
  const names = Array.from({ length: 300 }, (_, i) => `deep/${i % 7}/file-${i}.json`);
  await Promise.all(names.map((name, i) => writer.write(name, `{"n":${i}}`)));
  const texts = await Promise.all(names.map((name) => readFile(join(root, name), 'utf8')));
  assert.deepEqual(
    texts,
    names.map((_, i) => `{"n":${i}}`),
  );
});

test('a copy has the same bytes under a second name, as a link where the file system allows', async () => {
  const root = await tempDir();
  const writer = new FileSystemWriter(root);
  await writer.write('evidence/ev-1.json', '{"exchange":1}');
  await writer.copy('evidence/ev-1.json', 'allure-results/a-attachment.json');
  await writer.copy('evidence/ev-1.json', 'allure-results/b-attachment.json');
  assert.equal(await readFile(join(root, 'allure-results/b-attachment.json'), 'utf8'), '{"exchange":1}');
  const [original, linked] = await Promise.all(
    ['evidence/ev-1.json', 'allure-results/a-attachment.json'].map((f) => stat(join(root, f))),
  );
  assert.equal(linked?.ino, original?.ino, 'on one local file system the copy is a hard link');
  await writer.write('evidence/ev-2.json', '{"exchange":2}');
  await writer.copy('evidence/ev-2.json', 'allure-results/a-attachment.json');
  assert.equal(
    await readFile(join(root, 'allure-results/a-attachment.json'), 'utf8'),
    '{"exchange":2}',
    'a copy replaces what is there, as a write does',
  );
  assert.equal(
    await readFile(join(root, 'evidence/ev-1.json'), 'utf8'),
    '{"exchange":1}',
    'replacing a linked copy never writes through to the evidence it was linked to',
  );
  await assert.rejects(writer.copy('evidence/missing.json', 'allure-results/c.json'), /ENOENT/);
});

test('allWritten waits for every write and then fails with the first error', async () => {
  const done: string[] = [];
  const slow = new Promise<void>((resolve) =>
    setTimeout(() => {
      done.push('slow');
      resolve();
    }, 20),
  );
  await assert.rejects(
    allWritten([Promise.reject(new Error('first')), slow, Promise.reject(new Error('second'))]),
    /first/,
  );
  assert.deepEqual(done, ['slow'], 'nothing is left running behind the failure');
});

test('a write replaces a file that has a second name, and never writes through to it', async () => {
  const root = await tempDir();
  const writer = new FileSystemWriter(root);
  await writer.write('allure-results/a-attachment.txt', 'same headers\n');
  await writer.copy('allure-results/a-attachment.txt', 'allure-results/b-attachment.txt');
  await writer.write('allure-results/a-attachment.txt', 'other headers\n');
  assert.equal(await readFile(join(root, 'allure-results/a-attachment.txt'), 'utf8'), 'other headers\n');
  assert.equal(
    await readFile(join(root, 'allure-results/b-attachment.txt'), 'utf8'),
    'same headers\n',
    'the other name keeps its bytes',
  );
});

test('batched writes hold at most two batches at once and fail only once nothing runs', async () => {
  let running = 0;
  let most = 0;
  const done: number[] = [];
  const write = (n: number, fail = false) => {
    running++;
    most = Math.max(most, running);
    return new Promise<void>((resolve, reject) =>
      setTimeout(() => {
        running--;
        done.push(n);
        if (fail) reject(new Error(`write ${n} failed`));
        else resolve();
      }, 5),
    );
  };
  const writes = new BatchedWrites(3);
  for (let n = 0; n < 10; n++) await writes.add(write(n));
  await writes.flush();
  assert.equal(done.length, 10);
  assert.ok(most <= 6, `at most two batches of three at once, saw ${most}`);

  const failing = new BatchedWrites(2);
  await failing.add(write(1, true), write(2));
  // The second batch waits for the first, which failed: its error comes once the second is written too.
  await assert.rejects(failing.add(write(3), write(4)), /write 1 failed/);
  assert.equal(running, 0, 'the batch after the failed one has finished too');
  assert.deepEqual([...done].slice(-4).sort(), [1, 2, 3, 4]);
});
