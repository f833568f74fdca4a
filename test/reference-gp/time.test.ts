// The reference GP's Danish time (its own EU summer-time rule) agrees with the time zone database, every half hour
// over twelve years and around each change, without sharing certbench's time code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { danishDateTime } from '../../reference-gp/time.ts';

const copenhagen = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

test('Danish local time and offset as the time zone database has them', () => {
  const wrong: string[] = [];
  for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2031, 0, 1); t += 1_800_000) {
    const ours = danishDateTime(new Date(t));
    const expected = copenhagen.format(new Date(t)).replace(' ', 'T');
    if (!ours.startsWith(expected)) wrong.push(`${new Date(t).toISOString()}: ${ours}, expected ${expected}`);
  }
  assert.deepEqual(wrong.slice(0, 5), []);
  assert.equal(danishDateTime(new Date('2026-03-29T00:59:59Z')), '2026-03-29T01:59:59.000+01:00');
  assert.equal(danishDateTime(new Date('2026-03-29T01:00:00Z')), '2026-03-29T03:00:00.000+02:00');
  assert.equal(danishDateTime(new Date('2026-10-25T00:59:59Z')), '2026-10-25T02:59:59.000+02:00');
  assert.equal(danishDateTime(new Date('2026-10-25T01:00:00Z')), '2026-10-25T02:00:00.000+01:00');
});
