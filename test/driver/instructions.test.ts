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

test('Diagnosekort texts: the clinic, codes with displays, Private, not on the card, backdating, updates', () => {
  const clinic = instructionFor(
    'diagnosekort.select-clinic',
    { patient: '2509479989', clinic: 'previous' },
    new Map(),
  );
  assert.match(clinic.title.da, /^Vælg klinik/);
  assert.match(clinic.title.en, /^Choose the clinic/);
  assert.match(clinic.text.da, /en anden klinik end den, som bruges i resten af testen/);
  const register = instructionFor(
    'diagnosekort.register-diagnosis',
    {
      patient: '2509479989',
      codes: [
        { system: 'urn:oid:1.2.208.176.2.4.12', code: 'DE119a' },
        { system: 'urn:oid:1.2.208.176.2.31', code: 'T90', display: 'Diabetes Type 2' },
      ],
      status: 'current',
      recordedDate: '2022-03-14T14:26:00+01:00',
      onCard: false,
      private: true,
    },
    new Map(),
  );
  assert.match(register.text.da, /SKS-D DE119a, ICPC-2 T90 "Diabetes Type 2"/);
  assert.match(register.text.da, /IKKE til Diagnosekortet/);
  assert.match(register.text.da, /"Privat"/);
  assert.match(register.text.en, /Backdate the registration time to 2022-03-14 14:26 \(if the system cannot/);
  const names = new Map([['manual-1', 'SKS-D DB349 (trin/step 1)']]);
  const update = instructionFor(
    'diagnosekort.update-diagnosis',
    {
      patient: '2509479989',
      diagnosisId: 'manual-1',
      abatement: null,
      private: false,
      codes: [{ system: 'urn:oid:1.2.208.176.2.4.12', code: 'DB342a', display: 'COVID-19' }],
    },
    names,
  );
  assert.match(update.text.da, /SKS-D DB349 \(trin\/step 1\)/);
  assert.match(update.text.da, /slet afslutningsdatoen/);
  assert.match(update.text.en, /remove the "Private" marking/);
  assert.match(update.text.en, /change the code to SKS-D DB342a "COVID-19"/);
  const select = instructionFor('diagnosekort.select-diagnosis', { diagnosisId: 'manual-1' }, names);
  assert.match(select.text.da, /Tilføj diagnosen SKS-D DB349 .* til Diagnosekortet/);
});
