// The protocol against the reference GP: conforming it passes; under a fault it fails with evidence; and when the
// SUT's receiving endpoint refuses, hangs or answers garbage, checkpoints fail with evidence and the run goes on.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { listFaults, startReferenceGp } from '../../reference-gp/index.ts';
import { fastReferenceProfileYaml } from '../../reference-gp/test-profile.ts';
import { checkpoint, checkpoints, runAgainst, runReference } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const PROTOCOL = 'intelligent-indbakke';

async function profile(inboundUrl?: string): Promise<string> {
  const yaml = fastReferenceProfileYaml(
    { vendor: 'MedCom (certbench)', system: 'certbench reference GP system', version: '1.0.0' },
    `  ${PROTOCOL}:\n    useCases: [R10]\n`,
  );
  const withInbound = inboundUrl
    ? yaml.replace(
        '  maxBodyBytes: 1048576\n',
        `  maxBodyBytes: 1048576\n  inboundUrls:\n    lab-report: ${inboundUrl}\n`,
      )
    : yaml;
  return writeTemp(await tempDir(), 'profile.yaml', withInbound);
}

describe('intelligent-indbakke against the reference GP', () => {
  it('passes every checkpoint of the conforming system', async () => {
    const { result } = await runReference({ profileFile: await profile(), protocols: [PROTOCOL] });
    const all = checkpoints(result);
    assert.equal(all.length, 35);
    assert.deepEqual(
      all.filter((c) => c.status !== 'passed').map((c) => `${c.id} ${c.status} ${c.message ?? ''}`),
      [],
    );
    assert.deepEqual(result.harnessErrors, []);
  });

  it('has a fault for every checkpoint, each naming only this protocol’s checkpoints', async () => {
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const ids = (
      parse(readFileSync(`protocols/${PROTOCOL}.yaml`, 'utf8')) as { checkpoints: { id: string }[] }
    ).checkpoints.map((c) => c.id);
    const faults = listFaults().filter((f) => f.protocol === PROTOCOL);
    const broken = new Set(faults.flatMap((f) => f.breaks));
    assert.deepEqual(
      ids.filter((id) => !broken.has(id)),
      [],
    );
    assert.deepEqual(
      [...broken].filter((id) => !ids.includes(id)),
      [],
    );
  });

  it('fails the checkpoint a fault breaks, saying what the SUT did wrong', async () => {
    const { result } = await runReference({
      profileFile: await profile(),
      protocols: [PROTOCOL],
      faults: ['inbox-fee-on-auto-reply'],
    });
    const fee = checkpoint(result, 'II-3.3.1.3');
    assert.equal(fee.status, 'failed');
    assert.match(fee.message ?? '', /1 fee\(s\) registered \(0105 on A1/);
    assert.equal(checkpoint(result, 'II-3.3.1.1').status, 'passed');
  });

  it('fails II-3.4.2 for the report with an empty CPR number (found by mutation testing)', async () => {
    const { result } = await runReference({
      profileFile: await profile(),
      protocols: [PROTOCOL],
      faults: ['inbox-empty-cpr-filed'],
    });
    const malformed = checkpoint(result, 'II-3.4.2');
    assert.equal(malformed.status, 'failed');
    assert.match(malformed.message ?? '', /CivilRegistrationNumber empty/);
  });
});

describe('a receiving endpoint that misbehaves', () => {
  let server: Server;
  let base = '';
  before(async () => {
    server = createServer((request, response) => {
      request.resume();
      if (request.url === '/hang') return; // never answers
      response.writeHead(200, { 'content-type': 'text/html' }).end('\u0000\u0001<html>garbage');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  for (const [what, path] of [
    ['hangs', '/hang'],
    ['answers garbage', '/garbage'],
  ] as const)
    it(`${what}: checkpoints fail with evidence, no harness error, the run completes`, async () => {
      const { result } = await runReference({
        profileFile: await profile(`${base}${path}`),
        protocols: [PROTOCOL],
      });
      const all = checkpoints(result);
      assert.equal(all.length, 35);
      assert.deepEqual(result.harnessErrors, []);
      const reply = checkpoint(result, 'II-3.3.1.1');
      assert.equal(reply.status, 'failed');
      if (what === 'hangs') assert.match(reply.message ?? '', /delivering XRPT01/);
      else assert.match(reply.message ?? '', /0 automatic replies/);
      assert.ok(reply.evidence.length > 0, 'the exchanges are kept as evidence');
    });
});

describe("the clinic's default type, a clinic-wide setting", () => {
  it('is put back to what it was before the run, not just to "ingen"', async () => {
    const token = 'clinic-default-test';
    const gp = await startReferenceGp({ token });
    const setDefault = async (autoHandling: string) => {
      const answer = await request(`${gp.url}/certbench/v1/actions/inbox.set-default-auto-handling`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ input: { autoHandling } }),
      });
      return (await answer.body.json()) as { output?: { previous?: string } };
    };
    try {
      await setDefault('arkiver-til-aftale');
      const yaml = fastReferenceProfileYaml(
        { vendor: 'MedCom (certbench)', system: 'certbench reference GP system', version: '1.0.0' },
        `  ${PROTOCOL}:\n    useCases: [R10]\n`,
      ).replace('baseUrl: http://127.0.0.1:1', `baseUrl: ${gp.url}`);
      const result = await runAgainst(
        await writeTemp(await tempDir(), 'profile.yaml', yaml),
        [PROTOCOL],
        token,
      );
      assert.equal(checkpoint(result, 'II-3.3.10.1').status, 'passed');
      assert.equal((await setDefault('ingen')).output?.previous, 'arkiver-til-aftale');
    } finally {
      await gp.stop();
    }
  });
});
