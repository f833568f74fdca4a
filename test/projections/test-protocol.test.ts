// The filled-in test protocol and the evidence package of a run, read back as a MedCom tester would: the DOCX with a
// DOCX reader, the ZIP with an unzipper; and the empty protocol's steps are MedCom's, in MedCom's order.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { loadProtocols } from '../../src/protocols/load.ts';
import { blankProtocol } from '../../src/projections/test-protocol/blank.ts';
import { testProtocolDocument } from '../../src/projections/test-protocol/model.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { checkpoint, runReference } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const WAIVER = `waivers:
  - id: W-TEST-NOTE
    checkpoints: [DK-3.3.2.4]
    sut: { vendor: MedCom (certbench), system: certbench reference GP system }
    reason: the tillægstekst while the vendor changes the export
    approvedBy: MedCom
    granted: 2026-01-01
    expires: 2099-01-01
`;

test('the DOCX names every official step with its assessment and evidence; the ZIP holds them under MedCom names with their hashes', async () => {
  const dir = await tempDir();
  const { result, outDir } = await runReference({
    protocols: ['diagnosekort'],
    faults: ['note-shared'],
    waiversFile: await writeTemp(dir, 'w.yaml', WAIVER),
  });
  assert.equal(checkpoint(result, 'DK-3.3.1.11').status, 'failed');
  assert.equal(checkpoint(result, 'DK-3.3.2.4').status, 'waived');
  const text = (
    await mammoth.extractRawText({ buffer: readFileSync(join(outDir, 'test-protocol/diagnosekort.docx')) })
  ).value;
  const official = result.protocols[0]?.officialProtocol;
  assert.ok(official);
  for (const step of official.steps)
    assert.ok(text.includes(step.number), `step ${step.number} is in the DOCX`);
  assert.match(text, /Test protocol for Sending a ConditionList/);
  assert.match(text, /Self-test/);
  // Failed (its grade), waived (the dispensation), not judged (the reason), observable part only (assessor open).
  assert.match(text, /3\.3\.1\.11[\s\S]*?F2/);
  assert.match(text, /Dispensation W-TEST-NOTE \(udløber 2099-01-01\)/);
  assert.match(text, /3\.2\.1[\s\S]*?Ikke vurderet af certbench/);
  assert.match(text, /OK \(observable part\); the assessor's part: Afventer/);
  assert.match(text, /ConditionList_3\.3\.1\.3_A\.json/);
  assert.match(text, /certbench's verdict: Ikke godkendt/);

  const zip = unzipSync(readFileSync(join(outDir, 'test-protocol/diagnosekort-evidence.zip')));
  const names = Object.keys(zip);
  assert.ok(names.includes('ConditionList_Testprotocol_1.0.2.docx'));
  assert.ok(names.includes('certification-result.json'));
  const sums = new Map(
    new TextDecoder()
      .decode(zip['SHA256SUMS'])
      .trim()
      .split('\n')
      .map((line) => [line.slice(66), line.slice(0, 64)]),
  );
  for (const name of names.filter((n) => n !== 'SHA256SUMS')) {
    const data = zip[name] as Uint8Array;
    assert.equal(
      sums.get(name),
      createHash('sha256').update(data).digest('hex'),
      `${name} has its hash in SHA256SUMS`,
    );
  }
  const evidence = names.filter((n) => n.startsWith('evidence/'));
  assert.ok(evidence.length > 0);
  for (const name of evidence)
    assert.match(name, /^evidence\/ConditionList_\d+(\.\d+)+_[A-Z]+\.json$|^evidence\/ConditionList_DK-/);
  // Each evidence file is one of the record's exchanges, unchanged: its SHA-256 is the record's.
  const recorded = new Set(result.evidence.map((e) => e.sha256));
  for (const name of evidence)
    assert.ok(
      recorded.has(
        createHash('sha256')
          .update(zip[name] as Uint8Array)
          .digest('hex'),
      ),
      `${name} is in the record`,
    );
});

test("the empty protocol of an official protocol lists MedCom's steps in MedCom's order; a draft marks what is provisional", async () => {
  const catalogue = await loadProtocols(PACKAGE_ROOT);
  for (const id of ['diagnosekort', 'kommunale-proevesvar']) {
    const manifest = catalogue.manifests.find((m) => m.id === id);
    const official = catalogue.official.get(id)?.protocol;
    assert.ok(manifest && official, id);
    const doc = testProtocolDocument(blankProtocol(manifest));
    assert.equal(doc.kind, 'official');
    const steps = doc.sections
      .filter((s) => s.number !== 'certbench')
      .flatMap((s) => s.rows.map((r) => r.step));
    assert.deepEqual(
      steps,
      official.steps.map((s) => s.number),
      `${id}: official steps in official order`,
    );
    assert.ok(
      doc.sections.flatMap((s) => s.rows).every((r) => r.assessment === ''),
      'nothing is assessed yet',
    );
  }
  const lab = catalogue.manifests.find((m) => m.id === 'lab-sharing');
  assert.ok(lab);
  const draft = testProtocolDocument(blankProtocol(lab));
  assert.equal(draft.kind, 'draft');
  const rows = draft.sections.flatMap((s) => s.rows);
  assert.equal(rows.length, lab.checkpoints.length);
  const provisional = lab.checkpoints.filter((c) => c.provisional).map((c) => c.id);
  for (const row of rows.filter((r) => provisional.includes(r.step)))
    assert.match(row.expected, /Provisional: /);
});
