// Conforming GMv2 documents in both formats, built by the reference GP's builders from one pregnancy record.
import { createHash, randomUUID } from 'node:crypto';
import { buildCdaDocument } from '../../reference-gp/pregnancy/cda-document.ts';
import { pmrEntries, pscrEntries } from '../../reference-gp/pregnancy/entries.ts';
import { buildFhirDocument } from '../../reference-gp/pregnancy/fhir-document.ts';
import type { PregnancyRecord } from '../../reference-gp/pregnancy/records.ts';
import type { GmDocumentSpec } from '../../reference-gp/pregnancy/spec.ts';
import { PRACTICE, TEST_PATIENTS, type TestPatient } from '../../reference-gp/test-data.ts';
import type { DocumentFormat } from '../../src/rules/pregnancy/codes.ts';
import { readCdaDocument } from '../../src/rules/pregnancy/cda-reader.ts';
import { readFhirDocument } from '../../src/rules/pregnancy/fhir-reader.ts';
import type { ReadDocument } from '../../src/rules/pregnancy/model.ts';

export const CPR = '0201919990';
function testPatient(cpr: string): TestPatient {
  const found = TEST_PATIENTS.find((p) => p.cpr === cpr);
  if (!found) throw new Error(`no test patient ${cpr}`);
  return found;
}
export const PATIENT = testPatient(CPR);

/** What the first visit registers; the rules tests expect exactly these values in the documents. */
export const FIRST_VISIT = {
  date: '2025-04-22',
  terminsberegning: { lastMenstrualPeriod: '2025-03-03', cycleDays: 30, certain: true },
  lifestyle: {
    smokingBefore: true,
    smokingDuring: 'Stoppet',
    alcoholBefore: true,
    alcoholDuring: false,
    drinksPerWeek: 0,
  },
} as const;

export function pregnancy(): PregnancyRecord {
  return {
    id: randomUUID(),
    shared: [],
    visits: [
      {
        id: 'v1',
        date: FIRST_VISIT.date,
        terminsberegning: { ...FIRST_VISIT.terminsberegning },
        lifestyle: { ...FIRST_VISIT.lifestyle },
        assessment: { text: 'Ukompliceret graviditet', careLevel: 'Niveau 1' },
        measurements: { weightKg: 68, bloodPressure: { systolic: 118, diastolic: 76 } },
      },
      {
        id: 'v2',
        date: '2025-07-29',
        measurements: {
          weightKg: 71.5,
          symphysisFundusMm: 210,
          ultrasoundDueDate: '2025-12-12',
          fetalHeartSound: { fetus: '1', heard: true },
        },
      },
    ],
  };
}

export function spec(
  kind: 'PSCR' | 'PMR',
  change: (s: GmDocumentSpec) => void = () => undefined,
): GmDocumentSpec {
  const p = pregnancy();
  const s: GmDocumentSpec = {
    kind,
    patient: PATIENT,
    author: { sor: PRACTICE.sor, name: PRACTICE.name },
    documentId: randomUUID(),
    setId: randomUUID(),
    version: 1,
    time: '2025-07-29T12:30:00.000+02:00',
    entries: kind === 'PSCR' ? pscrEntries(p) : pmrEntries(p),
  };
  change(s);
  return s;
}

export const FORMATS: DocumentFormat[] = ['cda', 'fhir'];

/** The document of a spec written in a format (optionally changed on the way) and read back. */
export function roundTrip(
  format: DocumentFormat,
  s: GmDocumentSpec,
  mutate: { cda?: (t: string) => string; fhir?: (b: fhir4.Bundle<fhir4.FhirResource>) => void } = {},
): ReadDocument & { header?: ReturnType<typeof readCdaDocument>['header']; bundle?: unknown } {
  if (format === 'cda') return readCdaDocument((mutate.cda ?? ((t) => t))(buildCdaDocument(s)));
  const bundle = buildFhirDocument(s);
  mutate.fhir?.(bundle);
  return { ...readFhirDocument(JSON.parse(JSON.stringify(bundle))), bundle };
}

/** An ITI-65 transaction holding the document bytes as a Binary, its DocumentReference extended or overridden. */
export function transaction(bytes: Buffer, documentReference: Record<string, unknown> = {}): unknown {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:dr',
        resource: {
          resourceType: 'DocumentReference',
          content: [
            {
              attachment: {
                url: 'urn:uuid:bin',
                size: bytes.length,
                hash: createHash('sha1').update(bytes).digest('base64'),
              },
            },
          ],
          ...documentReference,
        },
      },
      { fullUrl: 'urn:uuid:bin', resource: { resourceType: 'Binary', data: bytes.toString('base64') } },
    ],
  };
}
