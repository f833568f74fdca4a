// The lab faults cover the protocol, the reference GP's catalogue agrees with the rules' agreed list, and the
// profile's variant is checked against the manifest.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { AGREED } from '../../reference-gp/lab/catalogue.ts';
import { listFaults } from '../../reference-gp/index.ts';
import { loadProfile } from '../../src/profile/load.ts';
import type { SutProfile } from '../../src/profile/schema.ts';
import type { LoadedManifest } from '../../src/protocols/schema.ts';
import { profileVariants, variantIssues } from '../../src/protocols/variants.ts';
import { AGREED_ANALYSES } from '../../src/rules/lab/agreed-analyses.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const manifest = parse(readFileSync('protocols/lab-sharing.yaml', 'utf8')) as LoadedManifest;

describe('lab sharing protocol', () => {
  it('has a fault for every checkpoint, and its faults name only its checkpoints', () => {
    const ids = manifest.checkpoints.map((c) => c.id);
    const faults = listFaults().filter((f) => f.protocol === 'lab-sharing');
    const broken = new Set(faults.flatMap((f) => f.breaks));
    assert.deepEqual(
      ids.filter((id) => !broken.has(id)),
      [],
    );
    assert.deepEqual(
      [...broken].filter((id) => !ids.includes(id)),
      [],
    );
    assert.ok(faults.some((f) => f.name === 'ignores-refused-consent'));
    assert.ok(ids.length >= 25);
  });

  it('marks every checkpoint whose rule is not publicly verified provisional, with a source', () => {
    const provisional = manifest.checkpoints.filter((c) => c.provisional);
    assert.ok(provisional.length > 30);
    for (const c of provisional) assert.ok((c.provisional?.source.length ?? 0) > 20, c.id);
    for (const c of manifest.checkpoints) assert.ok(c.requirements.length > 0, c.id);
  });

  it('agrees with the reference GP on the agreed analyses, their displays and units', () => {
    const gp = Object.entries(AGREED).map(([code, e]) => [code, e.display, e.discipline, e.unit?.text]);
    const rules = AGREED_ANALYSES.map((a) => [a.code, a.display, a.discipline, a.unit?.text]);
    assert.deepEqual(gp, rules);
  });
});

describe('protocol variants', () => {
  const profile = (variant?: string): SutProfile =>
    ({
      file: 'p.yaml',
      protocols: {
        'lab-sharing': { useCases: [], ...(variant ? { variant } : {}) },
        diagnosekort: { useCases: [] },
      },
    }) as unknown as SutProfile;
  const manifests = [
    { ...manifest, file: 'protocols/lab-sharing.yaml' },
    { id: 'diagnosekort', file: 'protocols/diagnosekort.yaml' } as LoadedManifest,
  ];

  it('require one of the manifest variants for a protocol that has them', () => {
    assert.deepEqual(variantIssues(manifests, profile('plsp')), []);
    assert.deepEqual(variantIssues(manifests, profile()), [
      {
        file: 'p.yaml',
        field: 'protocols.lab-sharing.variant',
        message: 'choose the variant tested: gp-system or plsp',
      },
    ]);
    assert.match(
      variantIssues(manifests, profile('vena'))[0]?.message ?? '',
      /"vena" is not a variant of lab-sharing/,
    );
  });

  it('reject a variant for a protocol without variants, and list the claimed ones', () => {
    const p = profile('plsp');
    p.protocols['diagnosekort'] = { useCases: [], variant: 'plsp' };
    assert.match(variantIssues(manifests, p)[0]?.message ?? '', /diagnosekort has no variants/);
    assert.deepEqual(profileVariants(profile('plsp')), { 'lab-sharing': 'plsp' });
  });
});

describe('the SUT profile', () => {
  it('reads the variant of a claimed protocol, and rejects a malformed one with its field', async () => {
    const plsp = await loadProfile('profiles/reference-gp-plsp.yaml');
    assert.deepEqual(plsp.protocols['lab-sharing'], { useCases: [], variant: 'plsp' });
    const reference = await loadProfile('profiles/reference-gp.yaml');
    assert.equal(reference.protocols['lab-sharing']?.variant, 'gp-system');
    const text = readFileSync('profiles/reference-gp-plsp.yaml', 'utf8').replace(
      'variant: plsp',
      'variant: PLSP',
    );
    await assert.rejects(
      loadProfile(await writeTemp(await tempDir(), 'p.yaml', text)),
      /protocols\.lab-sharing\.variant/,
    );
  });
});
