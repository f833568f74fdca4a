// The XRPT01 builder and parser agree, a report as a feature writes it becomes the right XML, and XML that is cut
// off or incomplete is refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labReportOf, resultOf } from '../../src/rules/inbox/delivery.ts';
import { buildLabReport } from '../../src/rules/inbox/xrpt01-build.ts';
import { XRPT01_NAMESPACE } from '../../src/rules/inbox/xrpt01-model.ts';
import { parseLabReport, XmlReportError } from '../../src/rules/inbox/xrpt01-parse.ts';

const report = labReportOf({
  lab: 'TLA',
  reportStatus: 'del_svar',
  requisition: 'A1abc123',
  cpr: '2509479989',
  serial: 'A1abc1231',
  now: new Date('2026-03-02T09:30:00Z'),
  rows: [
    { npu: 'NPU19748', value: '<5', interval: '-8' },
    { npu: 'NPU02319', value: '9,1', interval: '8,3-10,5', flag: 'for_hoej', producer: 'TLB' },
    { npu: 'NPU21531', value: '*****' },
    { npu: 'NPU04206', value: 'neg', interval: 'tekst:neg' },
  ],
});

describe('XRPT01 lab report', () => {
  it('round-trips through the builder and the parser', () => {
    const xml = buildLabReport(report);
    assert.match(
      xml,
      /<LaboratoryReport xmlns="http:\/\/rep\.oio\.dk\/medcom\.dk\/xml\/schemas\/2014\/10\/08\/">/,
    );
    assert.match(xml, /<VersionCode>XR0131K<\/VersionCode>/);
    assert.deepEqual(parseLabReport(xml), report);
    assert.equal(XRPT01_NAMESPACE, 'http://rep.oio.dk/medcom.dk/xml/schemas/2014/10/08/');
  });

  it('writes the same report with the namespace bound to a prefix (XML Namespaces 1.0)', () => {
    const xml = buildLabReport(report, 'lab');
    assert.match(
      xml,
      /<lab:LaboratoryReport xmlns:lab="http:\/\/rep\.oio\.dk\/medcom\.dk\/xml\/schemas\/2014\/10\/08\/">/,
    );
    assert.match(xml, /<lab:Value>9,1<\/lab:Value>/);
    assert.doesNotMatch(xml, /<(?!\?|\/?lab:)/);
    assert.deepEqual(parseLabReport(xml), report);
  });

  it('writes Danish local time, the patient, the requisition and each result as the feature describes it', () => {
    assert.deepEqual(report.sampled, { date: '2026-03-02', time: '07:30' });
    assert.deepEqual(report.resultsAt, { date: '2026-03-02', time: '10:30' });
    assert.equal(report.patient.family, 'Hansen');
    assert.equal(report.requisition, 'A1abc123');
    const [crp, hb, glucose, protein] = report.results;
    assert.deepEqual(
      [crp?.operator, crp?.value, crp?.unit, crp?.interval],
      ['mindre_end', '5', 'mg/L', { type: 'fysiologisk', upper: '8' }],
    );
    assert.deepEqual([hb?.flag, hb?.producer.code, hb?.status], ['for_hoej', 'TLB', 'svar_endeligt']);
    assert.deepEqual(
      [glucose?.status, glucose?.type, glucose?.interval],
      ['proeve_modtaget', 'numerisk', undefined],
    );
    assert.deepEqual(
      [protein?.type, protein?.unit, protein?.interval?.text],
      ['alfanumerisk', undefined, 'neg'],
    );
  });

  it('refuses XML that is cut off, and a report without a requisition number', () => {
    const xml = buildLabReport(report);
    assert.throws(() => parseLabReport(xml.slice(0, xml.lastIndexOf('</Result>'))), XmlReportError);
    assert.throws(
      () => parseLabReport(xml.replace(/<RequesterSampleIdentifier>.*<\/RequesterSampleIdentifier>/, '')),
      /RequesterSampleIdentifier is missing/,
    );
    assert.throws(() => parseLabReport(xml.replace('del_svar', 'foreloebig')), /ReportStatusCode/);
  });

  it('rejects test data it cannot express', () => {
    assert.throws(() => resultOf({ npu: 'NPU99999', value: '1' }, 'TLA'), /unknown analysis/);
    assert.throws(() => resultOf({ npu: 'NPU19748', value: '1', flag: 'hoej' }, 'TLA'), /flag/);
    assert.throws(() => resultOf({ npu: 'NPU19748', value: '1', interval: '1..2' }, 'TLA'), /interval/);
  });
});
