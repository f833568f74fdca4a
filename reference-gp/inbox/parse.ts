// Reads a received XRPT01 LaboratoryReport into the inbox model. A report that is not well-formed XML, or lacks the
// patient, the requisition number or a result's code, status or value, is refused (the laboratory is told).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FaultName } from '../faults/catalogue.ts';
import type { ReceivedReport, ReceivedResult } from './model.ts';

export class UnreadableReport extends Error {}

type Element = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => name === 'Result',
});

function child(parent: unknown, ...path: string[]): unknown {
  let here = parent;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Element)[key];
  }
  return here;
}

function textAt(parent: unknown, ...path: string[]): string | undefined {
  const value = child(parent, ...path);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function required(parent: unknown, what: string, ...path: string[]): string {
  const value = textAt(parent, ...path);
  if (value === undefined) throw new UnreadableReport(`${what} (${path.join('/')}) is missing`);
  return value;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function result(element: unknown, index: number, faults: ReadonlySet<FaultName>): ReceivedResult {
  const where = `Result ${index + 1}`;
  const interval = child(element, 'ReferenceInterval');
  return {
    npu: required(element, `${where}: analysis code`, 'Analysis', 'AnalysisCode'),
    // Fault inbox-analysis-name-from-short-name: the name is read from an element the reports do not carry.
    name: faults.has('inbox-analysis-name-from-short-name')
      ? (textAt(element, 'Analysis', 'AnalysisShortName') ?? '')
      : (textAt(element, 'Analysis', 'AnalysisCompleteName') ?? ''),
    status: required(element, `${where}: status`, 'ResultStatusCode'),
    type: required(element, `${where}: result type`, 'ResultType'),
    value: required(element, `${where}: value`, 'Value'),
    ...optional('operator', textAt(element, 'Operator')),
    ...optional('unit', textAt(element, 'Unit')),
    ...optional('flag', textAt(element, 'ResultValidation')),
    // Without a ReferenceInterval, an interval without limits.
    interval: {
      ...optional('lower', textAt(interval, 'LowerLimit')),
      ...optional('upper', textAt(interval, 'UpperLimit')),
      // Only fault inbox-autoanswers-alphanumeric reads the interval's text.
      ...(faults.has('inbox-autoanswers-alphanumeric')
        ? optional('text', textAt(interval, 'IntervalText'))
        : {}),
    },
    producer: {
      // Fault inbox-producer-name-from-code: the producer's name is read from its code element.
      identifier: faults.has('inbox-producer-name-from-code')
        ? (textAt(element, 'ProducerOfLabResult', 'IdentifierCode') ?? '')
        : (textAt(element, 'ProducerOfLabResult', 'Identifier') ?? ''),
      code: textAt(element, 'ProducerOfLabResult', 'IdentifierCode') ?? '',
    },
  };
}

export function readReport(xml: string, faults: ReadonlySet<FaultName>): ReceivedReport {
  // The fault skips the well-formedness check and reads whatever the parser makes of the text.
  if (!faults.has('inbox-lenient-parser')) {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new UnreadableReport(`not well-formed XML: ${valid.err.msg}`);
  }
  // Well-formed (checked above), so the parser reads it.
  // Fault inbox-namespace-prefix-refused: a reader that knows only the default namespace.
  const reader = faults.has('inbox-namespace-prefix-refused')
    ? new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'Result' })
    : parser;
  const root = child(reader.parse(xml), 'LaboratoryReport');
  if (root === undefined) throw new UnreadableReport('the root element is not LaboratoryReport');
  const results = child(root, 'LaboratoryResults', 'Result');
  if (!Array.isArray(results) || results.length === 0) throw new UnreadableReport('the report has no Result');
  return {
    letterId: required(root, 'letter identifier', 'Letter', 'Identifier'),
    senderCode: required(root, 'sending laboratory', 'Sender', 'FromLabIdentifier'),
    // Faults: a report without the patient, or with an empty CPR number, is filed under no patient.
    cpr:
      faults.has('inbox-report-without-patient-filed') ||
      (faults.has('inbox-empty-cpr-filed') && child(root, 'Patient', 'CivilRegistrationNumber') !== undefined)
        ? (textAt(root, 'Patient', 'CivilRegistrationNumber') ?? '')
        : required(root, 'patient', 'Patient', 'CivilRegistrationNumber'),
    requisition: required(
      root,
      'requisition number',
      'RequisitionInformation',
      'Sample',
      'RequesterSampleIdentifier',
    ),
    reportStatus: required(
      root,
      'report status',
      'LaboratoryResults',
      'GeneralResultInformation',
      'ReportStatusCode',
    ),
    results: results.map((element, index) => result(element, index, faults)),
  };
}
