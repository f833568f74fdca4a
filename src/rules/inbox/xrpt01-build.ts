// Writes an XRPT01 LaboratoryReport as a laboratory sends it, elements in the schema's order.
import { XMLBuilder } from 'fast-xml-parser';
import {
  XRPT01_NAMESPACE,
  XRPT01_TYPE_CODE,
  XRPT01_VERSION_CODE,
  type LabReport,
  type ReportResult,
} from './xrpt01-model.ts';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

/** Optional elements are left out when undefined (the builder drops undefined keys). */
function resultElement(result: ReportResult): Record<string, unknown> {
  return {
    ResultStatusCode: result.status,
    Analysis: {
      AnalysisCode: result.npu,
      AnalysisCodeType: 'iupac',
      AnalysisCodeResponsible: 'SST',
      AnalysisCompleteName: result.name,
    },
    ProducerOfLabResult: { Identifier: result.producer.identifier, IdentifierCode: result.producer.code },
    ReferenceInterval: result.interval
      ? {
          TypeOfInterval: result.interval.type,
          LowerLimit: result.interval.lower,
          UpperLimit: result.interval.upper,
          IntervalText: result.interval.text,
        }
      : undefined,
    ResultType: result.type,
    Operator: result.operator,
    Value: result.value,
    Unit: result.unit,
    ResultValidation: result.flag,
  };
}

/** Every element of `element` in the namespace bound to `prefix` (attributes and declarations unchanged). */
function prefixed(element: unknown, prefix: string): unknown {
  if (Array.isArray(element)) return element.map((e) => prefixed(e, prefix));
  if (typeof element !== 'object' || element === null) return element;
  return Object.fromEntries(
    Object.entries(element).map(([key, value]) => [
      key.startsWith('@_') || key.startsWith('?') ? key : `${prefix}:${key}`,
      prefixed(value, prefix),
    ]),
  );
}

/**
 * `prefix`: the XRPT01 namespace is bound to this prefix (`<x:LaboratoryReport xmlns:x="…">`) instead of being the
 * default namespace; the same document by XML Namespaces 1.0, which a receiver must read alike.
 */
export function buildLabReport(report: LabReport, prefix?: string): string {
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    LaboratoryReport: {
      [prefix ? `@_xmlns:${prefix}` : '@_xmlns']: XRPT01_NAMESPACE,
      Letter: {
        Identifier: report.letterId,
        VersionCode: XRPT01_VERSION_CODE,
        StatisticalCode: XRPT01_TYPE_CODE,
        Authorisation: { Date: report.authorised.date, Time: report.authorised.time },
        TypeCode: XRPT01_TYPE_CODE,
      },
      Sender: {
        EANIdentifier: report.sender.ean,
        Identifier: report.sender.code,
        IdentifierLocal: report.sender.code,
        OrganisationName: report.sender.name,
        MedicalSpecialityCode: 'klin_biokemi',
        FromLabIdentifier: report.sender.code,
      },
      Receiver: {
        EANIdentifier: report.receiver.ean,
        Identifier: report.receiver.ydernummer,
        IdentifierCode: 'ydernummer',
        OrganisationName: report.receiver.name,
      },
      Patient: {
        CivilRegistrationNumber: report.patient.cpr,
        PersonSurnameName: report.patient.family,
        PersonGivenName: report.patient.given,
      },
      RequisitionInformation: {
        Sample: {
          LaboratoryInternalSampleIdentifier: report.labSampleId,
          RequesterSampleIdentifier: report.requisition,
          SamplingDateTime: { Date: report.sampled.date, Time: report.sampled.time },
        },
      },
      LaboratoryResults: {
        GeneralResultInformation: {
          ReportStatusCode: report.reportStatus,
          LaboratoryInternalProductionIdentifier: report.productionId,
          ResultsDateTime: { Date: report.resultsAt.date, Time: report.resultsAt.time },
        },
        Result: report.results.map(resultElement),
      },
    },
  };
  if (!prefix) return builder.build(document);
  const { '?xml': declaration, ...body } = document;
  return builder.build({ '?xml': declaration, ...(prefixed(body, prefix) as object) });
}
