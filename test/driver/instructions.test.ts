// Testcamp operators read these texts: every action of the automation API has its own, in Danish and English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTIONS } from '../../reference-gp/actions.ts';
import { instructionFor } from '../../src/driver/manual/instructions.ts';

test('every automation action has its own instruction text, not the generic one', () => {
  const generic = Object.keys(ACTIONS).filter((action) =>
    instructionFor(action, {}, new Map()).title.da.startsWith('Udfør handlingen'),
  );
  assert.deepEqual(generic, []);
});

test("the clinic's default type: the operator notes the setting, and is later asked to put it back", () => {
  const set = instructionFor(
    'inbox.set-default-auto-handling',
    { autoHandling: 'autosvar-ved-normal' },
    new Map(),
  );
  assert.match(set.text.da, /Notér klinikkens nuværende standardtype.*"autosvar-ved-normal"/);
  const restore = instructionFor(
    'inbox.set-default-auto-handling',
    { autoHandling: 'ingen', restore: true },
    new Map(),
  );
  assert.match(restore.text.da, /tilbage til den, der gjaldt før testen/);
  const unchosen = instructionFor(
    'inbox.order-requisition',
    { patient: '0504909995', requisition: 'M1abc', analyses: [{ npu: 'NPU19748' }] },
    new Map(),
  );
  assert.match(unchosen.text.da, /uden at vælge autohåndtering \(klinikkens standardtype gælder\)/);
});
