// A conforming lab message (certbench's model) and the registration it reflects, for the rule tests. Each call
// returns a fresh copy that a test may change.
import type { RegisteredResult } from '../../src/rules/lab/registered.ts';

export const ORIGINAL_ID = '6f0c1a52-2f4e-4d8c-9a55-0b7a6c3e2d11';

export function crpResult(): RegisteredResult {
  return {
    ref: 'crp',
    patient: '2509479989',
    samplingTime: '2026-06-15T09:30:00+02:00',
    refusedConsent: false,
    analyses: [
      {
        npu: 'NPU19748',
        display: 'P—C-reaktivt protein; massek. = ? mg/L',
        quantity: { value: 5, comparator: '<', unit: 'mg/L' },
      },
    ],
  };
}

type Json = Record<string, unknown>;

export function crpMessage(
  options: { messageId?: string; previous?: { role: string; id: string } } = {},
): Json {
  const messageId = options.messageId ?? ORIGINAL_ID;
  const org = 'urn:uuid:0b9d7c1e-56a2-4c5e-9d0b-1f3a6e2c4b70';
  const patient = 'urn:uuid:7c2e9a40-1d3b-4f6a-8e5c-2b9d0a1f3c55';
  const report = 'urn:uuid:2d4f6a8c-0e1b-4c3d-9f5a-7b6c8d0e1f22';
  const observation = 'urn:uuid:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c33';
  const header = `urn:uuid:${messageId}`;
  return {
    resourceType: 'Bundle',
    id: '1c3e5a7b-9d2f-4a6c-8e0b-3d5f7a9c1e44',
    type: 'message',
    timestamp: '2026-06-15T10:00:00.000+02:00',
    entry: [
      {
        fullUrl: header,
        resource: {
          resourceType: 'MessageHeader',
          id: messageId,
          eventCoding: { system: 'urn:certbench:lab-sharing', code: 'lab-result-message' },
          destination: [{ name: 'LABA', endpoint: 'https://laba.example/fhir' }],
          sender: { reference: org },
          source: {
            name: 'Example LPS',
            software: 'Example LPS',
            endpoint: 'https://sor2.sum.dsdn.dk/#id=73091000016008',
          },
          focus: [{ reference: report }],
        },
      },
      {
        fullUrl: report,
        resource: {
          resourceType: 'DiagnosticReport',
          id: report.slice(9),
          identifier: [
            { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:aa6f0f4e-2b1c-4d3e-9f8a-7b6c5d4e3f55' },
          ],
          status: 'final',
          category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'CH' }] }],
          code: { coding: [{ system: 'http://loinc.org', code: '11502-2' }] },
          subject: { reference: patient },
          effectiveDateTime: '2026-06-15T09:30:00+02:00',
          performer: [{ reference: org }],
          result: [{ reference: observation }],
        },
      },
      {
        fullUrl: observation,
        resource: {
          resourceType: 'Observation',
          id: observation.slice(9),
          identifier: [
            { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:bb7a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b66' },
          ],
          status: 'final',
          category: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
              ],
            },
          ],
          code: {
            coding: [
              {
                system: 'urn:oid:1.2.208.176.2.1',
                code: 'NPU19748',
                display: 'P—C-reaktivt protein; massek. = ? mg/L',
              },
            ],
          },
          subject: { reference: patient },
          effectiveDateTime: '2026-06-15T09:30:00+02:00',
          performer: [{ reference: org }],
          valueQuantity: {
            value: 5,
            comparator: '<',
            unit: 'mg/L',
            system: 'http://unitsofmeasure.org',
            code: 'mg/L',
          },
        },
      },
      {
        fullUrl: patient,
        resource: {
          resourceType: 'Patient',
          id: patient.slice(9),
          identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: '2509479989' }],
          name: [{ family: 'Hansen', given: ['Elmer', 'Test'] }],
          gender: 'male',
          birthDate: '1947-09-25',
        },
      },
      {
        fullUrl: org,
        resource: {
          resourceType: 'Organization',
          id: org.slice(9),
          identifier: [
            { system: 'urn:oid:1.2.208.176.1.1', value: '73091000016008' },
            { system: 'urn:oid:1.2.208.176.1.4', value: '045861' },
          ],
          type: [{ coding: [{ system: 'http://snomed.info/sct', code: '394761003' }] }],
          name: 'Agerskov lægepraksis',
        },
      },
      {
        fullUrl: 'urn:uuid:5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d77',
        resource: {
          resourceType: 'Provenance',
          id: '5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d77',
          target: [{ reference: header }],
          recorded: '2026-06-15T10:00:00+02:00',
          activity: {
            coding: [
              {
                system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes',
                code: options.previous ? 'modified-message' : 'new-message',
              },
            ],
          },
          agent: [{ who: { reference: org } }],
          ...(options.previous
            ? {
                entity: [
                  {
                    role: options.previous.role,
                    what: { identifier: { value: `urn:uuid:${options.previous.id}` } },
                  },
                ],
              }
            : {}),
        },
      },
    ],
  };
}

/** The resource of the given type in a fixture message (first one). */
export function part(message: Json, type: string): Json {
  const entries = message['entry'] as { resource: Json }[];
  const found = entries.find((e) => e.resource['resourceType'] === type);
  if (!found) throw new Error(`no ${type} in the fixture`);
  return found.resource;
}
