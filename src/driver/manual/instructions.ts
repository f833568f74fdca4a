import type { Instruction } from './operator.ts';

type Texts = Pick<Instruction, 'title' | 'text'>;

const SYSTEM_NAMES: Record<string, string> = {
  'urn:oid:1.2.208.176.2.4.12': 'SKS-D',
  'urn:oid:1.2.208.176.2.31': 'ICPC-2',
};

/**
 * What the operator is asked to do for an automation action, in Danish and English. An action without its own
 * text gets a generic one that still names the action and shows every test data field.
 */
export function instructionFor(
  action: string,
  input: Record<string, unknown>,
  known: RegisteredNames,
): Texts {
  const patient = field(input, 'patient', '');
  const diagnosis =
    typeof input['diagnosisId'] === 'string' ? (known.get(input['diagnosisId']) ?? input['diagnosisId']) : '';
  const result =
    typeof input['resultId'] === 'string' ? (known.get(input['resultId']) ?? input['resultId']) : '';
  switch (action) {
    case 'patient.reset':
      return texts(
        ['Klargør testpatient', 'Prepare the test patient'],
        [
          `Fjern alle diagnoser og delte dokumenter, som tidligere test har oprettet for testpatienten ${patient}.`,
          `Remove every diagnosis and shared document earlier tests created for test patient ${patient}.`,
        ],
      );
    case 'diagnosekort.select-clinic':
      return input['clinic'] === 'previous'
        ? texts(
            ['Vælg klinik: en anden klinik', 'Choose the clinic: another clinic'],
            [
              `Vælg en anden klinik end den, som bruges i resten af testen (patientens tidligere klinik), og registrér derfra for ${patient}.`,
              `Choose another clinic than the one used for the rest of the test (the patient's previous clinic) and work from there for ${patient}.`,
            ],
          )
        : texts(
            ['Vælg klinik: testens klinik', 'Choose the clinic: the test clinic'],
            [
              `Vælg den klinik, som bruges i resten af testen, og gør den til ${patient}s klinik.`,
              `Choose the clinic used for the rest of the test and make it the clinic of ${patient}.`,
            ],
          );
    case 'diagnosekort.register-diagnosis': {
      const da = [
        `Registrér hos ${patient} diagnosen ${describe(input)}.`,
        input['onCard'] === false
          ? 'Tilføj den IKKE til Diagnosekortet (kun til journalen).'
          : 'Tilføj den til Diagnosekortet.',
        input['private'] === true ? 'Markér diagnosen "Privat".' : '',
        input['recordedDate']
          ? `Tilbagedatér registreringstidspunktet til ${asEntered(input['recordedDate'])} (kan systemet ikke det, så registrér i testdatas rækkefølge).`
          : '',
        input['note'] ? `Skriv tillægsteksten "${field(input, 'note')}".` : '',
      ];
      const en = [
        `For ${patient}, register the diagnosis ${describe(input)}.`,
        input['onCard'] === false
          ? 'Do NOT add it to the Diagnosekort (record only).'
          : 'Add it to the Diagnosekort.',
        input['private'] === true ? 'Mark the diagnosis "Private".' : '',
        input['recordedDate']
          ? `Backdate the registration time to ${asEntered(input['recordedDate'])} (if the system cannot, register in the order of the test data).`
          : '',
        input['note'] ? `Enter the note (tillægstekst) "${field(input, 'note')}".` : '',
      ];
      return texts(
        ['Registrér diagnose', 'Register a diagnosis'],
        [da.filter(Boolean).join(' '), en.filter(Boolean).join(' ')],
      );
    }
    case 'diagnosekort.update-diagnosis': {
      const [da, en] = describeChanges(input);
      return texts(
        ['Ændr diagnose', 'Change a diagnosis'],
        [
          `Ændr diagnosen ${diagnosis} hos ${patient}: ${da}.`,
          `Change the diagnosis ${diagnosis} of ${patient}: ${en}.`,
        ],
      );
    }
    case 'diagnosekort.select-diagnosis':
      return texts(
        ['Tilføj diagnose til Diagnosekortet', 'Add a diagnosis to the Diagnosekort'],
        [
          `Tilføj diagnosen ${diagnosis} hos ${patient} til Diagnosekortet.`,
          `Add the diagnosis ${diagnosis} of ${patient} to the Diagnosekort.`,
        ],
      );
    case 'diagnosekort.deselect-diagnosis':
      return texts(
        ['Fravælg diagnose', 'Deselect a diagnosis'],
        [
          `Fravælg diagnosen ${diagnosis} fra Diagnosekortet (den bliver i journalen).`,
          `Deselect ${diagnosis} from the Diagnosekort (it stays in the record).`,
        ],
      );
    case 'diagnosekort.delete-diagnosis':
      return texts(
        ['Slet diagnose', 'Delete a diagnosis'],
        [
          `Slet diagnosen ${diagnosis}, som er registreret ved en fejl.`,
          `Delete the diagnosis ${diagnosis}, registered in error.`,
        ],
      );
    case 'diagnosekort.share':
      return texts(
        ['Del Diagnosekortet', 'Share the Diagnosekort'],
        [
          `Del Diagnosekortet for ${patient} (send det til national dokumentdeling).`,
          `Share the Diagnosekort of ${patient} (send it to national document sharing).`,
        ],
      );
    case 'patient.transfer-journal':
      return input['to'] === 'new-clinic'
        ? texts(
            ['Patienten skifter læge', 'The patient changes clinic'],
            [
              `Overfør journalen for ${patient} til patientens nye lægepraksis, som systemet gør ved lægeskift.`,
              `Transfer the record of ${patient} to the patient's new clinic, as the system does when a patient changes GP.`,
            ],
          )
        : texts(
            ['Praksis lukker', 'The clinic closes'],
            [
              `Luk praksis: aflevér journalen for ${patient} til Styrelsen for Patientsikkerhed.`,
              `Close the clinic: hand the record of ${patient} over to Styrelsen for Patientsikkerhed.`,
            ],
          );
    case 'lab.register-result':
      return texts(
        ['Registrér eget laboratoriesvar', 'Register a lab result of the clinic'],
        [
          `Registrér hos ${patient} et svar på analyser udført i klinikken, prøvetagningstidspunkt ${field(input, 'samplingTime')}: ${describeAnalyses(input)}.${input['refusedConsent'] === true ? ' Patienten har nægtet samtykke til deling: markér det.' : ''}`,
          `For ${patient}, register a result of analyses performed in the clinic, sampling time ${field(input, 'samplingTime')}: ${describeAnalyses(input)}.${input['refusedConsent'] === true ? ' The patient refuses sharing (nægtet samtykke): mark it.' : ''}`,
        ],
      );
    case 'lab.correct-result':
      return texts(
        ['Ret laboratoriesvar', 'Correct a lab result'],
        [
          `Ret ${result} hos ${patient}: ${describeAnalyses(input)}.`,
          `Correct ${result} of ${patient}: ${describeAnalyses(input)}.`,
        ],
      );
    case 'lab.cancel-result':
      return texts(
        ['Annullér laboratoriesvar', 'Cancel a lab result'],
        [
          `${result} er registreret på forkert patient: annullér det med kommentaren "${field(input, 'reason')}".`,
          `${result} was registered on the wrong patient: cancel it with the comment "${field(input, 'reason')}".`,
        ],
      );
    case 'lab.delete-result':
      return texts(
        ['Slet laboratoriesvar lokalt', 'Delete a lab result locally'],
        [`Slet ${result} hos ${patient} i systemet.`, `Delete ${result} of ${patient} in the system.`],
      );
    case 'lab.refuse-consent':
      return texts(
        ['Nægtet samtykke', 'Consent refused'],
        [
          `${patient} nægter samtykke til deling af ${result}: registrér det.`,
          `${patient} refuses sharing of ${result}: register it.`,
        ],
      );
    case 'lab.withdraw-refusal':
      return texts(
        ['Samtykke givet igen', 'Refusal withdrawn'],
        [
          `${patient} trækker sit nægtede samtykke for ${result} tilbage: registrér det.`,
          `${patient} withdraws the refusal for ${result}: register it.`,
        ],
      );
    case 'lab.resend-result':
      return texts(
        ['Gensend laboratoriesvar', 'Resend a lab result'],
        [`Gensend ${result} hos ${patient}.`, `Resend ${result} of ${patient}.`],
      );
    case 'inbox.order-requisition': {
      const chosen = input['autoHandling'] !== undefined;
      const handling = chosen
        ? [
            `autohåndtering "${field(input, 'autoHandling')}"`,
            `auto-handling "${field(input, 'autoHandling')}"`,
          ]
        : [
            'uden at vælge autohåndtering (klinikkens standardtype gælder)',
            "without choosing an auto-handling type (the clinic's default applies)",
          ];
      return texts(
        ['Bestil laboratorieanalyser', 'Order lab analyses'],
        [
          `Opret rekvisition ${field(input, 'requisition')} for ${patient} med analyserne ${field(input, 'analyses')} og ${handling[0]}${input['appointment'] ? ` (aftale ${field(input, 'appointment')})` : ''}. Angiv klinikkens egne grænser, hvor de er givet.`,
          `Create requisition ${field(input, 'requisition')} for ${patient} with the analyses ${field(input, 'analyses')} and ${handling[1]}${input['appointment'] ? ` (appointment ${field(input, 'appointment')})` : ''}. Set the clinic's own limits where given.`,
        ],
      );
    }
    case 'inbox.set-default-auto-handling':
      return input['restore'] === true
        ? texts(
            ['Klinikkens standardtype sættes tilbage', "The clinic's default type is put back"],
            [
              `Sæt klinikkens standardtype for autohåndtering tilbage til den, der gjaldt før testen (som leveret: "Ingen"; certbench kender den som "${field(input, 'autoHandling')}").`,
              `Put the clinic's default auto-handling type back to what it was before the test (as delivered: "Ingen"; certbench knows it as "${field(input, 'autoHandling')}").`,
            ],
          )
        : texts(
            ['Klinikkens standardtype for autohåndtering', "The clinic's default auto-handling type"],
            [
              `Notér klinikkens nuværende standardtype for autohåndtering, og sæt den til "${field(input, 'autoHandling')}". Den sættes tilbage, når testen er færdig.`,
              `Note the clinic's current default auto-handling type and set it to "${field(input, 'autoHandling')}". It is put back when the test is done.`,
            ],
          );
    case 'inbox.change-auto-handling':
      return texts(
        ['Skift autohåndtering på en rekvisition', 'Change the auto-handling of a requisition'],
        [
          `Skift autohåndteringen af rekvisition ${field(input, 'requisition')} for ${patient} til "${field(input, 'autoHandling')}". Der er endnu ikke kommet svar på den.`,
          `Change the auto-handling of requisition ${field(input, 'requisition')} of ${patient} to "${field(input, 'autoHandling')}". No results have arrived for it yet.`,
        ],
      );
    case 'inbound.homecareobservation':
      return texts(
        ['Indlæs kommunalt prøvesvar', 'Load a kommunalt prøvesvar'],
        [
          `Indlæs filen ${field(input, 'file')} (${field(input, 'description')}) i systemet som et prøvesvar modtaget fra kommunens akutfunktion, og gem systemets kvittering i samme mappe.`,
          `Load the file ${field(input, 'file')} (${field(input, 'description')}) into the system as a HomeCareObservation received from the municipal acute-care team, and save the system's acknowledgement in the same folder.`,
        ],
      );
    case 'messaging.simulate-technical-error':
      return texts(
        ['Fremkald en teknisk fejl', 'Provoke a technical error'],
        [
          'Fremkald en teknisk fejl i modtagelsen (fx stop beskedbehandlingen), så næste modtagne besked kvitteres med en negativ kvittering af typen AR (transient-error). Kan systemet ikke det, så svar "fejl" med en forklaring: assessoren vurderer trinnet.',
          'Provoke a technical error in receiving (e.g. stop message processing) so that the next message received is acknowledged with a negative acknowledgement of type AR (transient-error). If the system cannot, answer "fail" with an explanation: the assessor judges the step.',
        ],
      );
    case 'messaging.resolve-technical-error':
      return texts(
        ['Ret den tekniske fejl', 'Resolve the technical error'],
        [
          'Ret den tekniske fejl, så beskeder igen kan indlæses og valideres.',
          'Resolve the technical error so that messages can be loaded and validated again.',
        ],
      );
    case 'messaging.hold-acknowledgements':
      return texts(
        ['Hold kvitteringer tilbage', 'Hold acknowledgements back'],
        [
          'Sørg for at kvitteringen på næste modtagne besked dannes, men først afsendes, når du bliver bedt om det (fx ved at standse udbakken).',
          'Make sure that the acknowledgement of the next message received is created but sent only when you are asked to (e.g. by stopping the outbox).',
        ],
      );
    case 'messaging.release-acknowledgements':
      return texts(
        ['Send de tilbageholdte kvitteringer', 'Send the held acknowledgements'],
        [
          'Send nu de kvitteringer, der er dannet men ikke afsendt.',
          'Send the acknowledgements that have been created but not sent, now.',
        ],
      );
    case 'dsj.first-consultation': {
      const birthplace = (input['birthplace'] ?? {}) as Record<string, unknown>;
      const entries = entriesText(input);
      return texts(
        ['Første graviditetskonsultation (DSJ)', 'First pregnancy consultation (DSJ)'],
        [
          `Åbn Digital Svangrejournal for ${patient} (konsultation ${field(input, 'date', 'i dag')}). Ret eller udfyld: ${entries}. Vælg fødestedet ${field(birthplace, 'name')} (${field(birthplace, 'department')}, EAN ${field(birthplace, 'ean')}).`,
          `Open the Digital Svangrejournal of ${patient} (consultation ${field(input, 'date', 'today')}). Correct or fill in: ${entries}. Choose the birthplace ${field(birthplace, 'name')} (${field(birthplace, 'department')}, EAN ${field(birthplace, 'ean')}).`,
        ],
      );
    }
    case 'dsj.consultation':
      return texts(
        ['Senere graviditetskonsultation (DSJ)', 'Later pregnancy consultation (DSJ)'],
        [
          `Hold konsultationen ${field(input, 'date')} for ${patient} og ret i svangrejournalen: ${entriesText(input)}. Del Vandrejournalen.`,
          `Hold the consultation of ${field(input, 'date')} for ${patient} and change in the DSJ: ${entriesText(input)}. Share the Vandrejournal.`,
        ],
      );
    case 'dsj.send-referral':
      return texts(
        ['Send svangrejournalen til fødestedet', 'Send the DSJ to the birthplace'],
        [
          `Send svangrejournalen for ${patient} til det valgte fødested (sygehushenvisning med svangreskemaerne som PDF-bilag).`,
          `Send the DSJ of ${patient} to the chosen birthplace (hospital referral with the svangre forms as PDF attachments).`,
        ],
      );
    case 'pregnancy.register-visit':
      return texts(
        ['Registrér svangreundersøgelse', 'Register a pregnancy visit'],
        [
          `Registrér en svangreundersøgelse den ${field(input, 'visitDate')} hos ${patient}${input['newPregnancy'] === true ? ' i et nyt graviditetsforløb' : ''} med terminsberegning, målinger, livsstilssvar og samlet vurdering som i testdata nedenfor. Del endnu ikke.`,
          `For ${patient}, register a pregnancy visit on ${field(input, 'visitDate')}${input['newPregnancy'] === true ? ' in a new pregnancy' : ''} with the terminsberegning, measurements, lifestyle answers and assessment in the test data below. Do not share yet.`,
        ],
      );
    case 'pregnancy.share':
      return texts(
        ['Del med Graviditetsmappen', 'Share with Graviditetsmappen'],
        [
          `Del ${field(input, 'documents', 'Vandrejournal og Målinger')} for ${patient}s aktuelle graviditet med Graviditetsmappen.`,
          `Share ${field(input, 'documents', 'the Vandrejournal and Målinger')} of ${patient}'s current pregnancy with Graviditetsmappen.`,
        ],
      );
    default:
      if (action.startsWith('inbound.'))
        return texts(
          ['Indlæs modtaget besked', 'Load a received message'],
          [
            `Indlæs filen ${field(input, 'file')} (${field(input, 'description')}) i systemet, som var den modtaget fra netværket, og gem systemets kvittering i samme mappe.`,
            `Load the file ${field(input, 'file')} (${field(input, 'description')}) into the system as if it arrived from the network, and save the system's acknowledgement in the same folder.`,
          ],
        );
      return texts(
        [`Udfør handlingen ${action}`, `Perform the action ${action}`],
        ['Udfør handlingen med testdata nedenfor.', 'Perform the action with the test data below.'],
      );
  }
}

/** Names the operator knows a registered diagnosis or lab result by, keyed by the id the manual driver handed out. */
export type RegisteredNames = Map<string, string>;
/** DSJ field entries as the operator reads them: `alkohol = 1; termin = "2026-10-12"`. */
function entriesText(input: Record<string, unknown>): string {
  return Array.isArray(input['entries'])
    ? (input['entries'] as { field?: string; value?: unknown }[])
        .map((e) => `${e.field ?? ''} = ${JSON.stringify(e.value)}`)
        .join('; ')
    : '';
}

/** Names the operator knows a registered diagnosis by, keyed by the id the manual driver handed out. */
export type DiagnosisNames = Map<string, string>;

/** Code entries as the operator enters them: `SKS-D DE119a, ICPC-2 T90 "Diabetes Type 2"`. */
export function describeCodes(codes: unknown): string {
  if (!Array.isArray(codes) || codes.length === 0) return '';
  return (codes as { system?: string; code?: string; display?: string }[])
    .map((c) => {
      const system = SYSTEM_NAMES[c.system ?? ''] ?? c.system ?? '';
      return `${system} ${c.code ?? '(-)'}${c.display === undefined ? '' : ` "${c.display}"`}`;
    })
    .join(', ');
}

/** The words a GP sees for the API's codes, in Danish and English. */
const WORDS: Record<string, string> = {
  'problem-list-item': 'forløbsdiagnose/long-term diagnosis',
  'encounter-diagnosis': 'kontaktdiagnose/encounter diagnosis',
  current: 'Aktuel/current',
  resolved: 'Relevant/resolved',
};

/** A FHIR date or dateTime as a person enters it: the local date and time as written, without seconds and zone. */
function asEntered(value: unknown): string {
  const text = String(value);
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(text);
  return match ? `${match[1]} ${match[2]}` : text;
}

/** A diagnosis by its codes and displays (the text is the system's own), type, status and dates. */
export function describe(input: Record<string, unknown>): string {
  const codes = describeCodes(input['codes']) || 'uden kode og tekst / without code and text';
  const word = (key: string) =>
    input[key] === undefined ? '' : (WORDS[field(input, key)] ?? field(input, key));
  const details = [
    word('type'),
    word('status'),
    input['onset'] ? `debut/onset ${asEntered(input['onset'])}` : '',
    input['abatement'] ? `afsluttet/abatement ${asEntered(input['abatement'])}` : '',
  ].filter(Boolean);
  return `${codes} (${details.join(', ')})`;
}

/** The changes of an update, in Danish and English. */
function describeChanges(input: Record<string, unknown>): [string, string] {
  const da: string[] = [];
  const en: string[] = [];
  if (input['status'] !== undefined) {
    da.push(`status ${field(input, 'status')}`);
    en.push(`status ${field(input, 'status')}`);
  }
  if (input['type'] !== undefined) {
    da.push(`type ${field(input, 'type')}`);
    en.push(`type ${field(input, 'type')}`);
  }
  if (input['abatement'] === null) {
    da.push('slet afslutningsdatoen');
    en.push('delete the end date (abatement)');
  } else if (input['abatement'] !== undefined) {
    da.push(`afslutningsdato ${field(input, 'abatement')}`);
    en.push(`end date ${field(input, 'abatement')}`);
  }
  if (input['codes'] !== undefined) {
    da.push(`ret koden til ${describeCodes(input['codes'])} (med dens tekst)`);
    en.push(`change the code to ${describeCodes(input['codes'])} (with its text)`);
  }
  if (input['private'] === true) {
    da.push('markér den "Privat"');
    en.push('mark it "Private"');
  } else if (input['private'] === false) {
    da.push('fjern markeringen "Privat" (den bliver på Diagnosekortet)');
    en.push('remove the "Private" marking (it stays on the Diagnosekort)');
  }
  return [da.join('; ') || '-', en.join('; ') || '-'];
}

/** The analyses of a lab result as the operator enters them: name, value with unit, grade or organism. */
export function describeAnalyses(input: Record<string, unknown>): string {
  const analyses = Array.isArray(input['analyses']) ? (input['analyses'] as Record<string, unknown>[]) : [];
  return analyses
    .map((a) => {
      const name = [field(a, 'npu'), field(a, 'display')].filter(Boolean).join(' ');
      const value =
        a['value'] !== undefined
          ? `${field(a, 'comparator')}${field(a, 'value')} ${field(a, 'unit')}`.trim()
          : a['organism'] !== undefined
            ? field(a['organism'] as Record<string, unknown>, 'display')
            : field(a, 'grade');
      return `${name || '(analysis)'} = ${value}`;
    })
    .join('; ');
}

/** Test data fields by the names a person at a testcamp uses, in Danish and English. */
const FIELD_NAMES: Record<string, string> = {
  patient: 'Patient (CPR)',
  codes: 'Diagnose (koder) / diagnosis (codes)',
  status: 'Status',
  type: 'Type',
  onset: 'Debut / onset',
  abatement: 'Ophør / abatement',
  recordedDate: 'Registreret / recorded',
  note: 'Tillægstekst / note',
  clinic: 'Klinik / clinic',
  analyses: 'Analyser / analyses',
  samplingTime: 'Prøvetagning / sampling time',
  reason: 'Årsag / reason',
  file: 'Fil / file',
  description: 'Beskrivelse / description',
};

/**
 * Test data as the operator reads it, one row per input field: codes by their code system's name, code and display
 * (never an OID), analyses as NPU code, name, value and unit, dates as entered, yes/no for flags. Both drivers
 * (terminal and console) show these rows.
 */
export function testDataOf(input: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(input).map(([k, v]) => [FIELD_NAMES[k] ?? k, readable(k, v, input)]),
  );
}

function readable(key: string, value: unknown, input: Record<string, unknown>): string {
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}T/.test(value) ? asEntered(value) : (WORDS[value] ?? value);
  if (typeof value === 'boolean') return value ? 'ja / yes' : 'nej / no';
  if (typeof value === 'number') return String(value);
  if (key === 'codes') return describeCodes(value) || '(ingen / none)';
  if (key === 'analyses') return describeAnalyses(input);
  if (Array.isArray(value)) return value.map((v) => readable('', v, input)).join('; ');
  if (value && typeof value === 'object') {
    const codes = value as { system?: string; code?: string };
    if (typeof codes.code === 'string' && typeof codes.system === 'string') return describeCodes([value]);
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${readable(k, v, input)}`)
      .join(', ');
  }
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

function texts(title: [string, string], text: [string, string]): Texts {
  return { title: { da: title[0], en: title[1] }, text: { da: text[0], en: text[1] } };
}

/** A test data field as text (numbers, booleans and objects shown as JSON). */
export function field(input: Record<string, unknown>, key: string, fallback = ''): string {
  const value = input[key];
  if (value === undefined || value === null) return fallback;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
