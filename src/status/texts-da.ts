// Danish: the steering group's language and MedCom's approval vocabulary.
import { VERIFY_FAILURE_TEXTS } from '../signing/failure-texts.ts';
import { dateParts } from './dates.ts';
import { plural, type StatusTexts } from './texts.ts';
import type { CellCounts } from './types.ts';

const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

const longDate = (day: string): string => {
  const { day: d, month, year } = dateParts(day);
  return `${d}. ${MONTHS[month - 1] ?? ''} ${year}`;
};

const two = (n: number): string => String(n).padStart(2, '0');

const countWords: Record<keyof CellCounts, (n: number) => string> = {
  passed: (n) => `${n} bestået`,
  failed: (n) => `${n} fejlet`,
  waived: (n) => `${n} dispenseret`,
  pending: (n) => `${n} afventer`,
};

/** The protocols' variants (ids in the record) in Danish. */
const DANISH_VARIANTS: Record<string, string> = {
  'gp-system': 'lægesystemet',
  plsp: 'PLSP',
  message: 'som selvstændig besked',
  ehmi: 'på EHMI',
  synchronous: 'synkront svar',
  cda: 'CDA',
  fhir: 'FHIR',
};

/** The Danish texts. */
export const danish: StatusTexts = {
  lang: 'da',
  title: 'Statusrapport for certificering',
  asOf: (day) => `Status pr. ${longDate(day)}`,
  nextMeeting: (day) => `Næste møde: ${longDate(day)}`,
  longDate,
  shortDate: (value) => {
    const { day, month, year } = dateParts(value);
    return `${two(day)}.${two(month)}.${year}`;
  },
  approval: {
    Godkendt: 'Godkendt',
    'Delvist godkendt': 'Delvist godkendt',
    'Ikke godkendt': 'Ikke godkendt',
    'not-tested': 'Ikke testet',
  },
  selfTestApproval: {
    Godkendt: 'Selvtest uden fejl',
    'Delvist godkendt': 'Selvtest delvist bestået',
    'Ikke godkendt': 'Selvtest med fejl',
  },
  mode: { 'self-test': 'selvtest', certify: 'certificering' },
  modeBadge: {
    certify: 'MedCom-certificering',
    'self-test': 'Leverandørens selvtest – ikke en godkendelse',
  },
  nothingJudged: (pending) => `Intet bedømt: ${pending} afventer`,
  variantName: (variant) => DANISH_VARIANTS[variant] ?? variant,
  openStatus: { failed: 'Fejlet', waived: 'Dispenseret', pending: 'Afventer' },
  moreOpen: (n) => `+ ${n} flere`,
  officialSteps: (steps) => `MedCom-testtrin ${steps.join(', ')}`,
  detailsLink: 'Kontrolpunkter og historik',
  totals: {
    certify: 'Certificeringer (MedCom)',
    selfTest: 'Kun selvtest (ingen godkendelse)',
    notTested: 'Ikke testet',
  },
  legendModes: {
    certify:
      'Certificering: MedComs kørsel. Kun den giver Godkendt, Delvist godkendt eller Ikke godkendt, og kun den tælles i godkendelserne.',
    selfTest:
      'Selvtest (stiplet kant, skraveret): leverandørens egen kørsel. Den godkender intet og vises med egne ord (uden fejl, delvist bestået, med fejl).',
  },
  systemPage: {
    title: (system, vendor) => `${system} (${vendor}): kørsler og kontrolpunkter`,
    back: 'Tilbage til statusrapporten',
    intro:
      'Alle gyldige kørsler af systemet pr. protokolversion, ældste først, og de kontrolpunkter, der er fejlet, dispenseret eller afventer i den kørsel, der tæller.',
    protocolsCaption: 'Protokolversioner',
    trendCaption: 'Udvikling over tid (udfyldt cirkel: certificering; tom rombe: selvtest)',
    runsCaption: 'Kørsler, ældste først',
    runHeaders: {
      date: 'Dato',
      mode: 'Type',
      version: 'Systemversion',
      approval: 'Resultat',
      counts: 'Kontrolpunkter',
      report: 'Rapport',
    },
    counting: 'tæller',
    openCaption: (date, mode) => `Fejlede, dispenserede og afventende kontrolpunkter i ${mode} ${date}`,
    openHeaders: {
      status: 'Status',
      checkpoint: 'Kontrolpunkt',
      title: 'Titel',
      grade: 'Grad',
      waiver: 'Dispensation',
    },
    noOpen: 'Ingen: alle relevante kontrolpunkter er bestået.',
    noRuns: 'Ingen gyldige kørsler.',
  },
  sections: {
    overview: 'Overblik',
    matrix: 'Godkendelser',
    waivers: 'Dispensationer',
    changes: (since) => `Ændringer siden ${longDate(since)}`,
    legend: 'Forklaring',
  },
  matrixCaption: 'Godkendelsesstatus pr. protokolversion (rækker) og lægesystem (kolonner)',
  matrixPart: (from, to, of) => `(systemer ${from}–${to} af ${of})`,
  protocolHeader: 'Protokol og version',
  counts: (counts) =>
    (Object.keys(countWords) as (keyof CellCounts)[])
      .filter((k) => k === 'passed' || counts[k] > 0)
      .map((k) => countWords[k](counts[k]))
      .join(', '),
  countNames: { passed: 'bestået', failed: 'fejlet', waived: 'dispenseret', pending: 'afventer' },
  systemVersion: (version) => `version ${version}`,
  remarks: (n) => plural(n, 'bemærkning', 'bemærkninger'),
  lapsedWaivers: (ids) => `Dispensation udløbet: ${ids}`,
  allureLink: 'Allure-rapport',
  newerSelfTest: (date, approval) => `Nyere selvtest ${date}: ${approval}`,
  trend: (approvals) => `Seneste kørsler, ældste først: ${approvals.join(', ')}`,
  totalsCaption: 'Antal celler i matricen pr. status',
  waiverSummary: (active, beforeMeeting, expired) =>
    `${plural(active, 'aktiv dispensation', 'aktive dispensationer')}, heraf ${beforeMeeting} med udløb før næste møde; ${plural(expired, 'udløbet', 'udløbne')}.`,
  waiversCaption: 'Dispensationer registreret i de seneste kørsler, de der udløber først øverst',
  waiverHeaders: {
    system: 'System',
    id: 'Dispensation',
    reason: 'Begrundelse',
    approvedBy: 'Godkendt af',
    checkpoints: 'Kontrolpunkter',
    expires: 'Udløber',
    standing: 'Status',
  },
  waiverStanding: (entry) => {
    if (entry.expiredAtRun && entry.daysToExpiry > 0)
      return `Udløbet ved kørslen (bedømt pr. ${longDate(entry.judgedOn)})`;
    if (entry.daysToExpiry < 0) return `Udløbet for ${plural(-entry.daysToExpiry, 'dag', 'dage')} siden`;
    if (entry.daysToExpiry === 0) return 'Udløbet i dag';
    return `Udløber om ${plural(entry.daysToExpiry, 'dag', 'dage')}`;
  },
  beforeMeeting: 'før næste møde',
  appliedTo: (ids) => `anvendt på ${ids}`,
  noWaivers: 'Ingen dispensationer i de seneste kørsler.',
  changeLists: {
    approved: 'Nye godkendelser',
    regressions: 'Tilbagegang',
    improved: 'Forbedringer',
    firstTested: 'Nye protokolversioner testet',
  },
  firstTest: 'første test',
  noChanges: 'Ingen.',
  noChangesGiven: 'Angiv en dato (--since) for at se ændringer siden sidste møde.',
  noResults: 'Mappen indeholder ingen gyldige certificeringsresultater.',
  legendItems: {
    Godkendt: 'alle relevante kontrolpunkter bestået (F4-fejl er tilladt og vises som bemærkninger)',
    'Delvist godkendt': 'ingen blokerende fejl, men kontrolpunkter er dispenseret eller afventer test',
    'Ikke godkendt': 'mindst ét kontrolpunkt med grad F1–F3 er fejlet',
    'not-tested':
      'systemet har ingen kørsel af denne protokolversion, eller dets kørsler har intet bedømt (alt afventer)',
  },
  legendTrend:
    'Udvikling: godkendelsen i de seneste kørsler af cellen, ældste først. En nyere protokolversion tæller aldrig for en ældre. ⚠ Dispensation udløbet: kørslen hviler på en dispensation, der ikke gælder længere.',
  legendWaivers:
    'En dispensation udløber den angivne dag (første dag, den ikke gælder). Markeret: udløber før næste møde.',
  signature: {
    state: {
      verified: 'Signatur verificeret',
      'not-checked': 'Signatur ikke kontrolleret',
      'not-signed': 'Ikke signeret',
      'not-verified': 'Signaturen holder ikke',
    },
    failure: VERIFY_FAILURE_TEXTS.da,
    refused: (recorded) => `Afvist – tæller ikke${recorded ? ` (angiver ${recorded})` : ''}`,
    newerRefused: (date) => `Nyere certificering ${date} afvist`,
    signedBy: (signer, date) => `Signeret ${date} af ${signer}`,
    header: 'Signatur',
    checked:
      'Signaturerne er kontrolleret mod tillidsankeret (MedComs certifikat): kun certificeringer med verificeret signatur tæller som godkendelser.',
    notChecked:
      'Signaturerne er ikke kontrolleret mod et tillidsanker (angiv --trust med MedComs certifikat): signerede certificeringer er markeret »Signatur ikke kontrolleret«, usignerede »Ikke signeret«. En certificering, hvis signatur ikke holder, tæller aldrig.',
    refusedCount: (n) =>
      `${plural(n, 'certificering er afvist', 'certificeringer er afvist')}, fordi signaturen ikke holder eller mangler; de er markeret og tæller ikke.`,
    legend:
      'Signatur: ✔ verificeret mod MedComs certifikat; ? ikke kontrolleret (intet tillidsanker angivet); ✘ holder ikke (resultat, signatur eller bevisfil ændret, eller fremmed certifikat): certificeringen tæller ikke.',
  },
  footer: (generator, counted) =>
    `Genereret af ${generator} ud fra ${plural(counted, 'certificeringsresultat', 'certificeringsresultater')}. Pr. system, protokol og version gælder den seneste certificeringskørsel (MedComs); findes ingen, den seneste selvtest. En nyere selvtest vises ved siden af en certificering, men erstatter den ikke.`,
  ignored: (reason, n) =>
    reason === 'harness-error'
      ? `${plural(n, 'kørsel', 'kørsler')} med harness-fejl (fejl i certbench selv) er ikke medregnet.`
      : `${plural(n, 'kørsel', 'kørsler')} efter statusdatoen er ikke medregnet.`,
};
