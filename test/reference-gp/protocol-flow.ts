// MedCom's "Test protocol for Sending a ConditionList" 1.0.2 driven against the reference GP over the automation
// API, with the protocol's test data ("Diagnoses used in test protocol for sending a ConditionList" 1.0.0): the
// registration, onset and abatement times are backdated as the test data gives them, in Danish local time.
import { resourcesOf } from './fhir-access.ts';
import { DIAGNOSES, ELMER, icpc, sks, type Client } from './harness.ts';

type Input = Record<string, unknown>;

/** Table 1: the diagnoses to register per test step (clinic 1 = previous, clinic 2 = current). */
export const TABLE1 = {
  'ingen-sygdom': {
    codes: [sks('DZ029', 'Undersøgelse af administrativ årsag UNS'), icpc('A97', 'Ingen sygdom')],
    note: 'Lægeattest',
    status: 'resolved',
    type: 'encounter-diagnosis',
    recordedDate: '2011-09-26T11:23:00+02:00',
    onset: '2011-09-26T11:23:00+02:00',
    abatement: '2011-09-26T11:23:00+02:00',
  },
  emfysem: {
    codes: [sks('DJ439', 'Lungeemfysem UNS'), icpc('R95', 'Kronisk obstruktiv lungesygdom')],
    note: 'Ryger',
    status: 'current',
    type: 'problem-list-item',
    recordedDate: '2013-01-29T13:45:00+01:00',
    onset: '2005-01-01T09:30:00+01:00',
  },
  kol: {
    codes: [
      sks('DJ449', 'Kronisk obstruktiv lungesygdom UNS'),
      icpc('R95', 'Kronisk obstruktiv lungesygdom'),
    ],
    note: 'Rygning og asbest',
    status: 'resolved',
    type: 'problem-list-item',
    recordedDate: '2019-06-08T10:34:00+02:00',
    onset: '2003-01-01T12:56:00+01:00',
    abatement: '2023-03-03T15:20:00+01:00',
  },
  diabetes: {
    // MedCom leaves the SKS-D display blank: the text must fall back to the ICPC-2 display.
    codes: [sks('DE119a'), icpc('T90', 'Diabetes Type 2')],
    note: 'Ingen insulin',
    status: 'current',
    type: 'problem-list-item',
    recordedDate: '2022-03-14T14:26:00+01:00',
    onset: '2022-03-14T14:26:00+01:00',
  },
  fedme: {
    codes: [sks('DE660b', 'Fedme (BMI 30-34,9)'), icpc('T82', 'Fedme')],
    note: 'Spiser for meget',
    status: 'resolved',
    type: 'encounter-diagnosis',
    recordedDate: '2024-01-12T09:23:00+01:00',
    onset: '2024-01-12T09:23:00+01:00',
  },
  virus: {
    codes: [sks('DB349', 'Virusinfektion UNS'), icpc('A77', 'Virusinfektion IKA')],
    note: 'COVID',
    status: 'resolved',
    type: 'encounter-diagnosis',
    recordedDate: '2024-03-15',
    onset: '2024-03-15',
    onCard: false,
  },
  depression: {
    codes: [sks('DF339', 'Periodisk depression UNS'), icpc('P76', 'Depression')],
    note: 'Ønsker ikke at dele diagnose',
    status: 'current',
    type: 'problem-list-item',
    recordedDate: '2024-01-12T09:36:00+01:00',
    onset: '2024-01-12T09:36:00+01:00',
    private: true,
  },
} as const;

type Entry = readonly [string?, string?];
const row = (icpcEntry: Entry | undefined, sksEntry: Entry | undefined) => ({
  codes: [
    ...(sksEntry ? [sks(sksEntry[0], sksEntry[1])] : []),
    ...(icpcEntry ? [icpc(icpcEntry[0], icpcEntry[1])] : []),
  ],
  status: 'current',
});

/** Table 2: incomplete historical diagnoses (step 3.4.2.1), all current, no type, onset or abatement. */
export const TABLE2 = [
  row(['0', 'Herpes simplex labialis'], ['DD5400', 'Herpes simplex labialis']),
  row(['?', '[DIAGNOSE EJ PÅFØRT]'], ['D?', '[DIAGNOSE EJ PÅFØRT]']),
  row(['?', 'Spondylolisthesis'], ['m431', 'Spondylolisthesis']),
  row(['4', 'Asthma bronchiale'], ['D93.00', 'Asthma bronchiale']),
  row(['A00', 'A   ALMENT OG USPECIFICERET'], ['DD-', '-']),
  row(['A00', 'Årlig FU. Tamoxifen'], [undefined, 'Årlig FU. Tamoxifen']),
  row(['A00'], undefined),
  row([undefined, 'Brystkræft UNS'], ['C509', 'Brystkræft UNS']),
  row([undefined, 'Angsttilstand/angstneurose'], [undefined, 'Angsttilstand/angstneurose']),
  row(undefined, ['M501', 'Cervikal diskusprolaps med radikulopati']),
  row(undefined, undefined),
  row(['T93', 'Lipidforstyrrelse'], ['?', 'Lipidforstyrrelse']),
  row(['N71', 'Encephalitis viralis uden specifikation'], ['a869', 'NULL']),
  row(['A98', 'Helbredsbevar/forebyggende tiltag'], ['DZ246A', '#I/T']),
  row(undefined, ['D B001', 'Herpes simplex']),
  row(undefined, ['DD10', 'Godartede tumorer i læber, mundhulen og svælget']),
  row(['F00', '* ukendt *'], undefined),
  row(['U71', '0'], ['DN39', 'Cystit/anden urinvejsinfektion']),
];

export const SHARE_STEPS = [
  '3.3.1.3',
  '3.3.1.5',
  '3.3.2.2',
  '3.3.3.3',
  '3.3.4.2',
  '3.3.5.2',
  '3.3.6.2',
  '3.3.7.2',
  '3.4.2.2',
] as const;
export const VIEW_STEPS = [
  '3.3.1.1',
  '3.3.1.4',
  '3.3.3.2',
  '3.3.4.1',
  '3.3.6.1',
  '3.3.7.1',
  '3.4.2.1',
] as const;
export type ShareStep = (typeof SHARE_STEPS)[number];
export type ViewStep = (typeof VIEW_STEPS)[number];

export interface ViewedDiagnosis {
  diagnosisId: string;
  codes: Array<{ system: string; code?: string; display?: string }>;
  text?: string;
  status: string;
  abatement?: string;
  note?: string;
  private: boolean;
  clinic: string;
}

export interface ProtocolRun {
  /** Every action's HTTP status, in order. */
  statuses: number[];
  /** Per share step: its HTTP status and the index of its transaction among those received (if one came). */
  shares: Record<ShareStep, { status: number; transaction?: number }>;
  views: Record<ViewStep, ViewedDiagnosis[]>;
  ids: Record<string, string>;
}

/** Runs the protocol's flow; no step throws, so a faulty GP still runs to the end and shows what it did. */
export async function runProtocol(
  client: Client,
  received: () => number,
  patient = ELMER,
): Promise<ProtocolRun> {
  const statuses: number[] = [];
  const ids: Record<string, string> = {};
  const shares = {} as ProtocolRun['shares'];
  const views = {} as ProtocolRun['views'];
  const act = async (action: string, input: Input) => {
    const answer = await client.act(action, { patient, ...input });
    statuses.push(answer.status);
    return (answer.body['output'] ?? {}) as Record<string, unknown>;
  };
  const register = async (name: string, input: Input) => {
    ids[name] = String((await act('diagnosekort.register-diagnosis', input))['diagnosisId']);
  };
  const share = async (step: ShareStep) => {
    const before = received();
    const answer = await client.act('diagnosekort.share', { patient });
    statuses.push(answer.status);
    shares[step] = { status: answer.status, ...(received() > before ? { transaction: before } : {}) };
  };
  const view = async (step: ViewStep) => {
    const answer = await client.call('GET', `/observations/diagnosekort.diagnoses?patient=${patient}`);
    views[step] = (answer.body['value'] ?? []) as ViewedDiagnosis[];
  };
  const update = (name: string, input: Input) =>
    act('diagnosekort.update-diagnosis', { diagnosisId: ids[name], ...input });

  // 3.3.1.1: the patient has no diagnoses when the protocol starts, also after an earlier run left one.
  await register('leftover', DIAGNOSES.hypertension);
  await act('patient.reset', {});
  await view('3.3.1.1');
  // 3.3.1.2–3.3.1.3: historical diagnoses at another clinic, shared from there.
  await act('diagnosekort.select-clinic', { clinic: 'previous' });
  await register('ingen-sygdom', TABLE1['ingen-sygdom']);
  await register('emfysem', TABLE1.emfysem);
  await share('3.3.1.3');
  // 3.3.1.4–3.3.1.5: the current clinic; only its diagnosis is shared.
  await act('diagnosekort.select-clinic', { clinic: 'current' });
  await register('kol', TABLE1.kol);
  await view('3.3.1.4');
  await share('3.3.1.5');
  // 3.3.2: two more diagnoses.
  await register('diabetes', TABLE1.diabetes);
  await register('fedme', TABLE1.fedme);
  await share('3.3.2.2');
  // 3.3.3: one not on the card, one Private.
  await register('virus', TABLE1.virus);
  await register('depression', TABLE1.depression);
  await view('3.3.3.2');
  await share('3.3.3.3');
  // 3.3.4: the first diagnosis of 3.3.2.1 becomes resolved, abated 2024-05-06 11:15.
  await update('diabetes', { status: 'resolved', abatement: '2024-05-06T11:15:00+02:00' });
  await view('3.3.4.1');
  await share('3.3.4.2');
  // 3.3.5: current again without abatement; new SKS-D code and text, put on the card; Private removed.
  await update('diabetes', { status: 'current', abatement: null });
  await update('virus', {
    codes: [sks('DB342a', 'COVID-19-infektion uden angivelse af lokalisation')],
  });
  await act('diagnosekort.select-diagnosis', { diagnosisId: ids['virus'] });
  await update('depression', { private: false });
  await share('3.3.5.2');
  // 3.3.6: one deleted.
  await act('diagnosekort.delete-diagnosis', { diagnosisId: ids['depression'] });
  await view('3.3.6.1');
  await share('3.3.6.2');
  // 3.3.7: all deleted; no document may be made.
  for (const name of ['kol', 'diabetes', 'fedme', 'virus'])
    await act('diagnosekort.delete-diagnosis', { diagnosisId: ids[name] });
  await view('3.3.7.1');
  await share('3.3.7.2');
  // 3.4.2: incomplete historical diagnoses.
  for (const [index, input] of TABLE2.entries()) await register(`t2-${index + 1}`, input);
  await view('3.4.2.1');
  await share('3.4.2.2');
  return { statuses, shares, views, ids };
}

/** The Conditions of a shared document, by their derived text. */
export function conditionTexts(document: fhir4.Bundle<fhir4.FhirResource>): Array<string | undefined> {
  return resourcesOf(document, 'Condition').map((c) => c.code?.text);
}
