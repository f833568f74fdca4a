// GMv2's pregnancy grouping by due date (no shared pregnancy id): a pure function, tested on its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupPregnancies, type GroupableDocument } from '../../src/rules/pregnancy/grouping.ts';

const doc = (
  id: string,
  consultationDate: string,
  due: { naegele?: string; ul?: string } = {},
): GroupableDocument => ({
  id,
  consultationDate,
  ...(due.naegele ? { naegeleDueDate: due.naegele } : {}),
  ...(due.ul ? { ultrasoundDueDate: due.ul } : {}),
});
const groups = (pregnancies: { documents: string[] }[]) => pregnancies.map((p) => [...p.documents].sort());

test('one pregnancy: Naegele and ultrasound due dates group together, undated documents join by date', () => {
  const result = groupPregnancies([
    doc('pscr1', '2025-04-22', { naegele: '2025-12-10' }),
    doc('pmr1', '2025-04-22'),
    doc('pmr2', '2025-07-29', { ul: '2025-12-12' }),
  ]);
  assert.deepEqual(groups(result.pregnancies), [['pmr1', 'pmr2', 'pscr1']]);
  assert.deepEqual(result.loose, []);
});

test('the latest-dated ultrasound due date wins over Naegele and earlier scans', () => {
  const [p] = groupPregnancies([
    doc('a', '2025-04-22', { naegele: '2025-12-10' }),
    doc('b', '2025-06-01', { ul: '2025-12-20' }),
    doc('c', '2025-08-01', { ul: '2025-12-15' }),
    doc('d', '2025-09-01', { naegele: '2025-12-01' }),
  ]).pregnancies;
  assert.equal(p?.dueDate, '2025-12-15');
  assert.equal(p?.start, '2025-03-10');
});

test('two pregnancies less than 40 weeks apart: the first ends where the second begins', () => {
  const result = groupPregnancies([
    doc('p1-pscr', '2024-10-21', { naegele: '2025-06-09' }),
    doc('p1-pmr', '2024-10-21'),
    doc('p2-pscr', '2025-03-31', { naegele: '2025-11-17' }),
    doc('p2-pmr', '2025-03-31'),
    doc('p2-pmr2', '2025-05-12', { ul: '2025-11-19' }),
  ]);
  assert.deepEqual(
    result.pregnancies.map((p) => [p.dueDate, p.start, p.end, [...p.documents].sort()]),
    [
      ['2025-06-09', '2024-09-02', '2025-02-11', ['p1-pmr', 'p1-pscr']],
      ['2025-11-19', '2025-02-12', '2025-11-19', ['p2-pmr', 'p2-pmr2', 'p2-pscr']],
    ],
  );
});

test("a second pregnancy documented with the first one's due date cannot be told apart", () => {
  const result = groupPregnancies([
    doc('p1-pscr', '2024-10-21', { naegele: '2025-06-09' }),
    doc('p2-pscr', '2025-03-31', { naegele: '2025-06-09' }),
    doc('p2-pmr', '2025-03-31'),
  ]);
  assert.deepEqual(groups(result.pregnancies), [['p1-pscr', 'p2-pmr', 'p2-pscr']]);
});

test('an undated document joins up to 13 weeks after the due date, later or earlier it stays loose', () => {
  const result = groupPregnancies([
    doc('pscr', '2025-04-22', { naegele: '2025-12-10' }),
    doc('after-birth', '2026-03-10'),
    doc('too-late', '2026-03-12'),
    doc('before', '2024-12-01'),
  ]);
  assert.deepEqual(groups(result.pregnancies), [['after-birth', 'pscr']]);
  assert.deepEqual(result.loose.sort(), ['before', 'too-late']);
});

test('an undated document after a short first pregnancy belongs to the next one', () => {
  const result = groupPregnancies([
    doc('p1', '2024-10-21', { naegele: '2025-06-09' }),
    doc('p2', '2025-08-01', { naegele: '2026-03-20' }),
    doc('undated', '2025-07-01'),
  ]);
  assert.deepEqual(groups(result.pregnancies), [['p1'], ['p2', 'undated']]);
  assert.deepEqual(groupPregnancies([]), { pregnancies: [], loose: [] });
});
