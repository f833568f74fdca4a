// Reads an XRPT01 LaboratoryReport back into the model: what certbench delivered, for evidence and round-trip
// tests. Throws XmlReportError on XML that is not well-formed or lacks an element the model needs.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  INTERVAL_TYPES,
  OPERATORS,
  REPORT_STATUSES,
  RESULT_FLAGS,
  RESULT_STATUSES,
  type LabReport,
  type ReportResult,
} from './xrpt01-model.ts';

export class XmlReportError extends Error {}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, jpath) => jpath === 'LaboratoryReport.LaboratoryResults.Result',
});

function node(parent: Node, key: string, path: string): Node {
  const value = parent[key];
  if (typeof value !== 'object' || value === null) throw new XmlReportError(`${path}/${key} is missing`);
  return value as Node;
}

function text(parent: Node, key: string, path: string): string {
  const value = optionalText(parent, key);
  if (value === undefined) throw new XmlReportError(`${path}/${key} is missing`);
  return value;
}

function optionalText(parent: Node, key: string): string | undefined {
  const value = parent[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function oneOf<T extends string>(allowed: readonly T[], value: string, where: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new XmlReportError(`${where} is "${value}", not one of ${allowed.join(', ')}`);
  return value as T;
}

function dateTime(parent: Node, key: string, path: string): { date: string; time: string } {
  const element = node(parent, key, path);
  return { date: text(element, 'Date', `${path}/${key}`), time: text(element, 'Time', `${path}/${key}`) };
}

function readResult(result: Node, index: number): ReportResult {
  const path = `Result[${index + 1}]`;
  const analysis = node(result, 'Analysis', path);
  const producer = node(result, 'ProducerOfLabResult', path);
  const interval = result['ReferenceInterval'] as Node | undefined;
  const operator = optionalText(result, 'Operator');
  const unit = optionalText(result, 'Unit');
  const flag = optionalText(result, 'ResultValidation');
  const lower = interval ? optionalText(interval, 'LowerLimit') : undefined;
  const upper = interval ? optionalText(interval, 'UpperLimit') : undefined;
  const intervalText = interval ? optionalText(interval, 'IntervalText') : undefined;
  return {
    status: oneOf(RESULT_STATUSES, text(result, 'ResultStatusCode', path), `${path}/ResultStatusCode`),
    npu: text(analysis, 'AnalysisCode', `${path}/Analysis`),
    name: text(analysis, 'AnalysisCompleteName', `${path}/Analysis`),
    producer: {
      identifier: text(producer, 'Identifier', `${path}/ProducerOfLabResult`),
      code: text(producer, 'IdentifierCode', `${path}/ProducerOfLabResult`),
    },
    ...(interval && typeof interval === 'object'
      ? {
          interval: {
            type: oneOf(
              INTERVAL_TYPES,
              text(interval, 'TypeOfInterval', `${path}/ReferenceInterval`),
              `${path}/ReferenceInterval/TypeOfInterval`,
            ),
            ...(lower !== undefined ? { lower } : {}),
            ...(upper !== undefined ? { upper } : {}),
            ...(intervalText !== undefined ? { text: intervalText } : {}),
          },
        }
      : {}),
    type: oneOf(
      ['numerisk', 'alfanumerisk'] as const,
      text(result, 'ResultType', path),
      `${path}/ResultType`,
    ),
    ...(operator !== undefined ? { operator: oneOf(OPERATORS, operator, `${path}/Operator`) } : {}),
    value: text(result, 'Value', path),
    ...(unit !== undefined ? { unit } : {}),
    ...(flag !== undefined ? { flag: oneOf(RESULT_FLAGS, flag, `${path}/ResultValidation`) } : {}),
  };
}

export function parseLabReport(xml: string): LabReport {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new XmlReportError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const root = node(parser.parse(xml) as Node, 'LaboratoryReport', '');
  const letter = node(root, 'Letter', 'LaboratoryReport');
  const sender = node(root, 'Sender', 'LaboratoryReport');
  const receiver = node(root, 'Receiver', 'LaboratoryReport');
  const patient = node(root, 'Patient', 'LaboratoryReport');
  const sample = node(
    node(root, 'RequisitionInformation', 'LaboratoryReport'),
    'Sample',
    'RequisitionInformation',
  );
  const results = node(root, 'LaboratoryResults', 'LaboratoryReport');
  const general = node(results, 'GeneralResultInformation', 'LaboratoryResults');
  const given = optionalText(patient, 'PersonGivenName');
  return {
    letterId: text(letter, 'Identifier', 'Letter'),
    authorised: dateTime(letter, 'Authorisation', 'Letter'),
    sender: {
      code: text(sender, 'FromLabIdentifier', 'Sender'),
      name: text(sender, 'OrganisationName', 'Sender'),
      ean: text(sender, 'EANIdentifier', 'Sender'),
    },
    receiver: {
      ean: text(receiver, 'EANIdentifier', 'Receiver'),
      ydernummer: text(receiver, 'Identifier', 'Receiver'),
      name: text(receiver, 'OrganisationName', 'Receiver'),
    },
    patient: {
      cpr: text(patient, 'CivilRegistrationNumber', 'Patient'),
      family: text(patient, 'PersonSurnameName', 'Patient'),
      ...(given !== undefined ? { given } : {}),
    },
    requisition: text(sample, 'RequesterSampleIdentifier', 'Sample'),
    labSampleId: text(sample, 'LaboratoryInternalSampleIdentifier', 'Sample'),
    sampled: dateTime(sample, 'SamplingDateTime', 'Sample'),
    reportStatus: oneOf(
      REPORT_STATUSES,
      text(general, 'ReportStatusCode', 'GeneralResultInformation'),
      'ReportStatusCode',
    ),
    productionId: text(general, 'LaboratoryInternalProductionIdentifier', 'GeneralResultInformation'),
    resultsAt: dateTime(general, 'ResultsDateTime', 'GeneralResultInformation'),
    results: ((results['Result'] ?? []) as Node[]).map(readResult),
  };
}
