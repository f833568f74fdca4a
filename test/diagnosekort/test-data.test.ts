// certbench's copy of MedCom's test diagnoses (protocols/data/diagnosekort) says what MedCom's document says: every
// row of Table 1 and Table 2, with its codes, displays, note, status, type and times.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { SHARED } from '../support/temp.ts';

interface Row {
  step?: string;
  icpc?: (string | null)[];
  sks?: (string | null)[];
  note?: string;
  status?: string;
  type?: string;
  registered?: string;
  onset?: string;
  abatement?: string;
}

const data = parse(
  readFileSync(join(PACKAGE_ROOT, 'protocols/data/diagnosekort/test-diagnoses-1.0.0.yaml'), 'utf8'),
) as { table1: Row[]; table2: Row[] };
const markdown = readFileSync(
  join(SHARED, 'examples/medcom/test-protocols/ConditionList_Diagnoses_Send.md'),
  'utf8',
);

/** The rows of the Markdown tables: cells trimmed, "(blank)" as empty, line breaks inside a cell as one space. */
function rows(): string[][] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .map((l) =>
      l
        .slice(2, -2)
        .split(' | ')
        .map((c) => c.replace(/\s*<br>\s*/g, ' ').trim())
        .map((c) => (c === '(blank)' ? '' : c)),
    );
}

const code = (cell: string | null | undefined) => cell ?? '';
/** A time of the test data as MedCom writes it ("2011-09-26 11:23"). */
const time = (t: string | undefined) => (t ?? '').replace('T', ' ');

test("Table 1 holds every diagnosis of MedCom's Table 1, as MedCom writes it", () => {
  const official = rows().filter((r) => /^3\.\d\.\d\.\d$/.test(r[0] ?? ''));
  assert.equal(official.length, data.table1.length);
  official.forEach((r, i) => {
    const ours = data.table1[i] as Row;
    const same = (s?: string) => (s === 'Same as reg. date and time' ? time(ours.registered) : (s ?? ''));
    assert.deepEqual(
      [
        ours.step,
        code(ours.icpc?.[0]),
        code(ours.icpc?.[1]),
        code(ours.sks?.[0]),
        code(ours.sks?.[1]),
        ours.note,
      ],
      [r[0], r[1], r[2], r[3], r[4], r[5]],
      `row ${i + 1}`,
    );
    assert.equal(ours.status, r[6]?.toLowerCase());
    assert.equal(ours.type, r[7]?.toLowerCase());
    assert.equal(time(ours.registered), r[8]);
    assert.equal(time(ours.onset), same(r[9]));
    assert.equal(time(ours.abatement), same(r[10]));
  });
});

test("Table 2 holds every incomplete diagnosis of MedCom's Table 2, codes and displays as they are", () => {
  const all = rows();
  const start = all.findIndex((r) => r[0] === 'ICPC Code');
  const official = all.slice(start + 1);
  assert.equal(official.length, data.table2.length);
  official.forEach((r, i) => {
    const ours = data.table2[i] as Row;
    assert.deepEqual(
      [code(ours.icpc?.[0]), code(ours.icpc?.[1]), code(ours.sks?.[0]), code(ours.sks?.[1])],
      [r[0], r[1], r[2], r[3]],
      `row ${i + 1}`,
    );
  });
});
