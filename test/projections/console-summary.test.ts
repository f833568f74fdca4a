import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  consoleSummaryProjection,
  createConsoleSummaryProjection,
} from '../../src/projections/console-summary.ts';
import { protocolTable } from '../../src/projections/summary-tables.ts';
import type { Projection } from '../../src/projections/types.ts';
import { sampleRun } from './result-builder.ts';

async function summary(
  projection: Projection = consoleSummaryProjection,
): Promise<{ printed: string; file: string }> {
  const run = sampleRun();
  let printed = '';
  await projection.project({ ...run, stdout: { write: (chunk: string) => (printed += chunk) } });
  return { printed, file: run.writer.text('summary.txt') };
}

describe('console summary projection', () => {
  it('prints approval and counts per protocol, and writes the same text to summary.txt', async () => {
    const { printed, file } = await summary();
    assert.equal(printed, file);
    assert.match(printed, /^Laboratoriesvar \(laboratoriesvar 1\.2\.0\): Ikke godkendt$/m);
    assert.match(
      printed,
      /^Protocol\s+Version\s+Approval\s+passed\s+failed\s+waived\s+pending\s+n\/a\s+harness$/m,
    );
    assert.match(printed, /^laboratoriesvar\s+1\.2\.0\s+Ikke godkendt\s+1\s+2\s+1\s+1\s+1\s+1$/m);
    assert.match(printed, /^ {2}UC1 Send requisition\s+1\s+2\s+1\s+1\s+0\s+1$/m);
    assert.match(printed, /^ {2}UC2 Cancel requisition \[optional, not claimed\]\s+0\s+0\s+0\s+0\s+1\s+0$/m);
  });

  it('lists failures, waivers, pending checkpoints, expired waivers and harness errors', async () => {
    const { printed } = await summary();
    assert.match(
      printed,
      /^Failed \(2\)\n {2}LAB-02\s+F1\s+Expected status 201 but got 500 <&">\n {2}LAB-03\s+F4\s+Remark \(F4\): Display text differs$/m,
    );
    assert.match(printed, /^Waived \(1\)\n {2}LAB-04\s+W-7\s+expires 2027-01-01 \(approved by MedCom\)$/m);
    assert.match(printed, /^Pending \(1\)\n {2}LAB-05\s+F2\s+awaiting the assessor$/m);
    assert.match(
      printed,
      /^Expired waivers, not applied \(1\)\n {2}W-1\s+expired 2025-06-30\s+would have covered LAB-02$/m,
    );
    assert.match(
      printed,
      /^Harness errors, the run is invalid \(1\)\n {2}LAB-07\s+undefined-step\s+Undefined step: the bench frobs$/m,
    );
    assert.match(printed, /^Outcome: blocking failures in laboratoriesvar \(exit code 1\)$/m);
  });

  it('stays within 100 columns', async () => {
    const { printed } = await summary();
    for (const line of printed.split('\n')) assert.ok(line.length <= 100, `too long: ${line}`);
  });

  it('wraps a long message onto continuation lines instead of cutting it (the URL and the fix stay)', async () => {
    const run = sampleRun();
    const long =
      'delivering HomeCareObservation R1-3.3.1.1: connection refused (POST http://sut.example.test:8443/certbench/v1/inbound/homecareobservation); fix: check automation.inboundUrls.homecareobservation in vendor.yaml';
    const failed = run.result.protocols[0]?.checkpoints.find((c) => c.status === 'failed');
    assert.ok(failed);
    failed.message = long;
    let printed = '';
    await consoleSummaryProjection.project({
      ...run,
      stdout: { write: (chunk: string) => (printed += chunk) },
    });
    const at = printed.indexOf(failed.id);
    const block = printed.slice(at, printed.indexOf('\n  LAB-03', at));
    assert.equal(block.replace(/\s+/g, ' ').replace(`${failed.id} F1 `, ''), long.replace(/\s+/g, ' '));
    assert.ok(!block.includes('…'), 'nothing is cut');
    for (const line of block.split('\n')) assert.ok(line.length <= 100, `too long: ${line}`);
  });

  it('points at the HTML report', async () => {
    assert.match((await summary()).printed, /^Report: allure-report\/index\.html \(in the run folder\)$/m);
    const named = await summary(createConsoleSummaryProjection({ runDir: 'reports/latest' }));
    assert.match(named.printed, /^Report: reports\/latest\/allure-report\/index\.html$/m);
  });
});

it('a protocol tested as a variant says so in its heading', () => {
  const lab = sampleRun().result.protocols[0];
  assert.ok(lab);
  assert.match(protocolTable({ ...lab, variant: 'plsp' })[0] ?? '', /, variant plsp\): /);
});
