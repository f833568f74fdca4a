import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { junitProjection } from '../../src/projections/junit.ts';
import { xmlAttribute, xmlText } from '../../src/projections/xml-escape.ts';
import { sampleRun } from './result-builder.ts';

async function junit(): Promise<string> {
  const run = sampleRun();
  await junitProjection.project({ ...run, stdout: { write: () => true } });
  return run.writer.text('junit.xml');
}

function testcase(xml: string, id: string): string {
  const match = new RegExp(`<testcase [^>]*name="${id} [^"]*"[^>]*?(/>|>[\\s\\S]*?</testcase>)`).exec(xml);
  assert.ok(match, `no testcase ${id}`);
  return match[0];
}

describe('junit projection', () => {
  it('counts tests, failures, errors and skips per suite and overall', async () => {
    const xml = await junit();
    assert.match(
      xml,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="certbench" tests="7" failures="2" errors="1" skipped="3" time="0.070"/,
    );
    assert.match(
      xml,
      /<testsuite name="laboratoriesvar" tests="7" failures="2" errors="1" skipped="3" time="0.070"/,
    );
    assert.match(xml, /<property name="approval" value="Ikke godkendt"\/>/);
    assert.equal((xml.match(/<testcase /g) ?? []).length, 7);
  });

  it('maps each verdict to its JUnit element', async () => {
    const xml = await junit();
    assert.match(
      testcase(xml, 'LAB-01'),
      /^<testcase classname="laboratoriesvar\.UC1" name="LAB-01 title of LAB-01" time="0.010"\/>$/,
    );
    assert.match(
      testcase(xml, 'LAB-03'),
      /<failure message="Remark \(F4\): Display text differs" type="F4">/,
    );
    assert.match(
      testcase(xml, 'LAB-07'),
      /<error message="Undefined step: the bench frobs" type="harness-error">/,
    );
    assert.match(
      testcase(xml, 'LAB-04'),
      /<skipped message="Waived: W-7 \(approved by MedCom, expires 2027-01-01\): refused-consent dispensation">refused consent was ignored<\/skipped>/,
    );
    assert.match(testcase(xml, 'LAB-05'), /<skipped message="Pending: awaiting the assessor"\/>/);
    assert.match(
      testcase(xml, 'LAB-06'),
      /classname="laboratoriesvar\.UC2"[\s\S]*<skipped message="Not applicable: use case UC2/,
    );
  });

  it('escapes markup in names, messages and bodies', async () => {
    const failed = testcase(await junit(), 'LAB-02');
    assert.match(failed, /name="LAB-02 Reply &lt;&amp;&quot;quoted&quot;&gt;"/);
    assert.match(failed, /<failure message="Expected status 201 but got 500 &lt;&amp;&quot;&gt;" type="F1">/);
    assert.match(failed, />Expected status 201 but got 500 &lt;&amp;"&gt;\nstack line<\/failure>/);
  });

  it('escapes what XML cannot hold', () => {
    assert.equal(xmlText('a<b>&c "d"'), 'a&lt;b&gt;&amp;c "d"');
    assert.equal(xmlAttribute('x"\n\ty'), 'x&quot;&#10;&#9;y');
    assert.equal(
      xmlText('nul\u0000 esc\u001b ok\u00e6 \ud83d\ude00 lone\ud800'),
      'nul\ufffd esc\ufffd ok\u00e6 \ud83d\ude00 lone\ufffd',
    );
  });
});
