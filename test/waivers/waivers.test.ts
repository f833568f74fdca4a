import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidInputError } from '../../src/errors/index.ts';
import { loadWaivers } from '../../src/waivers/load.ts';
import { waiverCoversCheckpoint, waiverCoversSut, waiverState } from '../../src/waivers/match.ts';
import { tempDir, writeTemp } from '../support/temp.ts';
import { waiver } from '../support/waiver.ts';

const REGISTER = `waivers:
  - id: W-2026-001
    checkpoints: [DK-3.3.1.25, "DK-3.4.*"]
    sut: { vendor: EG A/S, system: Clinea, versions: ">=4.2 <5" }
    reason: LABA/MiBA owners accept refused consent handling later
    approvedBy: MedCom standards team
    granted: 2026-06-01
    expires: 2027-01-01
`;

test('a valid register loads with run defaulting to true', async () => {
  const file = await writeTemp(await tempDir(), 'waivers.yaml', REGISTER);
  const [w] = await loadWaivers(file);
  assert.equal(w?.id, 'W-2026-001');
  assert.equal(w?.run, true);
});

test('a malformed register names file, line and field', async () => {
  const text = REGISTER.replace('expires: 2027-01-01', 'expires: 1st of January').replace(
    '    approvedBy: MedCom standards team\n',
    '',
  );
  const file = await writeTemp(await tempDir(), 'waivers.yaml', text);
  const error = await loadWaivers(file).catch((e: unknown) => e);
  assert.ok(error instanceof InvalidInputError);
  const expires = error.issues.find((i) => i.field === 'waivers[0].expires');

  assert.equal(expires?.line, 7);
  assert.match(expires?.message ?? '', /YYYY-MM-DD/);
  assert.ok(
    error.issues.some((i) => i.field === 'waivers[0].approvedBy'),
    JSON.stringify(error.issues),
  );
});

test('expiry before grant, bad ranges and duplicate ids are rejected', async () => {
  const bad = REGISTER.replace('granted: 2026-06-01', 'granted: 2027-06-01').replace('>=4.2 <5', 'four-ish');
  const error = await loadWaivers(await writeTemp(await tempDir(), 'w.yaml', bad)).catch((e: unknown) => e);
  assert.ok(error instanceof InvalidInputError);
  assert.ok(error.issues.some((i) => i.field === 'waivers[0].expires' && /after granted/.test(i.message)));
  assert.ok(error.issues.some((i) => i.field === 'waivers[0].sut.versions'));
  const twice = `${REGISTER}${REGISTER.replace('waivers:\n', '')}`;
  const dup = await loadWaivers(await writeTemp(await tempDir(), 'w2.yaml', twice)).catch((e: unknown) => e);
  assert.ok(dup instanceof InvalidInputError && /duplicate waiver id/.test(dup.message));
});

test('a waiver is active from granted until (not including) expires', () => {
  const w = waiver({ granted: '2026-06-01', expires: '2027-01-01' });
  assert.equal(waiverState(w, new Date('2026-05-31T23:59:59Z')), 'not-yet-valid');
  assert.equal(waiverState(w, new Date('2026-06-01T00:00:00Z')), 'active');
  assert.equal(waiverState(w, new Date('2026-12-31T23:59:59Z')), 'active');
  assert.equal(waiverState(w, new Date('2027-01-01T00:00:00Z')), 'expired');
});

test('checkpoint patterns and SUT version ranges', () => {
  const w = waiver({
    checkpoints: ['DK-3.4.*', 'DK-3.3.1.2'],
    sut: { vendor: 'EG A/S', system: 'Clinea', versions: '>=4.2 <5' },
  });
  assert.ok(waiverCoversCheckpoint(w, 'DK-3.4.7'));
  assert.ok(waiverCoversCheckpoint(w, 'DK-3.3.1.2'));
  assert.ok(!waiverCoversCheckpoint(w, 'DK-3.3.1.20'), 'an id is matched whole, not as a prefix');
  assert.ok(waiverCoversSut(w, { vendor: 'EG A/S', system: 'Clinea', version: '4.2.1' }));
  assert.ok(
    waiverCoversSut(w, { vendor: 'EG A/S', system: 'Clinea', version: '4.3' }),
    'non-semver versions are coerced',
  );
  assert.ok(!waiverCoversSut(w, { vendor: 'EG A/S', system: 'Clinea', version: '5.0.0' }));
  assert.ok(!waiverCoversSut(w, { vendor: 'CGM', system: 'Clinea', version: '4.2.1' }));
});
