// Faults of the DSJ and GMv2 flows (protocols/dsj-gmv2.yaml): content faults mutate the outgoing REF01
// (faults/dsj-mutations.ts); behaviour faults are code in the flow they break (reference-gp/dsj/).
import { faultsOf, type FaultInfo } from './fault-info.ts';

const { content, behaviour } = faultsOf('dsj-gmv2');

export const DSJ_FAULTS = {
  // --- questionnaire and pre-filling ---
  'dsj-questionnaire-refused': behaviour(
    'The receiving endpoint answers 500 to every questionnaire',
    'DSJ-3.3.1.1',
  ),
  'dsj-questionnaire-fails-on-unanswered': behaviour(
    'A question the woman left unanswered (an item without answer) makes the receiving endpoint answer 500, and none of her answers are filed (found by mutation testing)',
    'DSJ-3.3.1.1',
    'DSJ-3.3.1.2',
  ),
  'dsj-questionnaire-subject-any-system': behaviour(
    "The subject's identifier is read as a CPR whatever its system, so answers identified in another system are filed in the woman's DSJ (found by mutation testing)",
    'DSJ-3.3.1.7',
  ),
  'dsj-questionnaire-without-subject-breaks': behaviour(
    'Answers without a subject make the receiving endpoint fail with a server error (HTTP 500) instead of refusing or taking them (found by mutation testing)',
    'DSJ-3.3.1.8',
  ),
  'dsj-prefill-drops-booleans': behaviour('Yes/no answers are not pre-filled into the DSJ', 'DSJ-3.3.1.2'),
  'dsj-prefill-unmarked': behaviour(
    "Pre-filled fields are shown as the GP's entries, not as the woman's answers",
    'DSJ-3.3.1.3',
    'DSJ-3.3.1.5',
  ),
  'dsj-questionnaire-overrides-gp': behaviour(
    "A field the questionnaire filled in ignores the GP's correction",
    'DSJ-3.3.1.4',
  ),
  'dsj-questionnaire-files-unfinished': behaviour(
    'An unfinished questionnaire (status in-progress) pre-fills the DSJ as if completed (found by mutation testing)',
    'DSJ-3.3.1.7',
  ),
  'dsj-questionnaire-files-any-resource': behaviour(
    'A body that is no QuestionnaireResponse (a Questionnaire carrying answers) pre-fills the DSJ (found by mutation testing)',
    'DSJ-3.3.1.7',
  ),
  'dsj-questionnaire-unknown-patient-accepted': behaviour(
    'Answers for a CPR that is no patient of the clinic are answered 200 and lost (found by mutation testing)',
    'DSJ-3.3.1.7',
  ),
  'dsj-questionnaire-resend-overrides-gp': behaviour(
    "Answers received again overwrite the GP's entries and corrections (found by mutation testing)",
    'DSJ-3.3.1.7',
  ),
  // --- the REF01 referral ---
  'dsj-referral-wrong-birthplace': content(
    'The referral goes to a fixed hospital instead of the birthplace chosen in the DSJ',
    'DSJ-3.3.2.1',
  ),
  'dsj-referral-wrong-version-code': content(
    'Letter/VersionCode is XH0230R instead of XH0130R',
    'DSJ-3.3.2.2',
  ),
  'dsj-binary-letter-referral-codes': content(
    "The BinaryLetter's Letter repeats the referral's codes (XH0130R, XREF01) instead of XB0130X, XBIN01 (found by mutation testing)",
    'DSJ-3.3.2.2',
  ),
  'dsj-envelope-without-acknowledgement-code': content(
    'Envelope/AcknowledgementCode is empty (found by mutation testing)',
    'DSJ-3.3.2.2',
  ),
  'dsj-referral-given-names-run-together': content(
    'PersonGivenName runs the given names together ("ElseTest"; found by mutation testing)',
    'DSJ-3.3.2.3',
  ),
  'dsj-referral-sender-sor': content(
    'The sender is identified by its SOR code instead of its ydernummer',
    'DSJ-3.3.2.3',
  ),
  'dsj-referral-without-diagnosis': content('The referral carries no referral diagnosis', 'DSJ-3.3.2.4'),
  'dsj-attachment-long-description': content(
    'RefDescription of each attachment is longer than 70 characters',
    'DSJ-3.3.2.5',
  ),
  'dsj-attachment-size-in-kilobytes': content(
    'OriginalObjectSize is given in kilobytes, not bytes',
    'DSJ-3.3.2.6',
  ),
  'dsj-attachment-binary-missing': content(
    'The BinaryLetter leaves out the questionnaire PDF that the referral references',
    'DSJ-3.3.2.6',
  ),
  'dsj-attachment-not-pdf': behaviour('The forms are attached as plain text declared as pdf', 'DSJ-3.3.2.7'),
  'dsj-pdf-without-sections': behaviour(
    'The svangerskabsjournal PDF prints its fields in one list without the PRF sections',
    'DSJ-3.3.2.8',
  ),
  'dsj-pdf-physical-data-misplaced': behaviour(
    'The svangerskabsjournal PDF prints height and weight under "Øvrige oplysninger", not under Fysiske data (found by mutation testing)',
    'DSJ-3.3.2.8',
  ),
  'dsj-pdf-social-data-misplaced': behaviour(
    'The svangerskabsjournal PDF prints the civil status under "Øvrige oplysninger", after the last PRF section, not under Social sårbarhed af relevans (found by mutation testing)',
    'DSJ-3.3.2.8',
  ),
  'dsj-pdf-fields-under-every-section': behaviour(
    'The svangerskabsjournal PDF prints every field under every PRF section heading, each under its own among them (found by mutation testing)',
    'DSJ-3.3.2.8',
  ),
  'dsj-pdf-cpr-run-on': behaviour(
    'The forms print the CPR run on with the whole number, "020191-0201919990" (found by mutation testing)',
    'DSJ-3.3.2.8',
  ),
  'dsj-pdf-untitled': behaviour(
    'The svangerskabsjournal PDF is titled "Henvisning til fødested" (found by mutation testing)',
    'DSJ-3.3.2.8',
  ),
  'dsj-pdf-no-page-break': behaviour(
    'The svangerskabsjournal PDF never starts a new page: the lines that do not fit are drawn below the page, where no viewer shows them (found by mutation testing)',
    'DSJ-3.3.2.9',
  ),
  'dsj-pdf-questionnaire-unanswered': behaviour(
    "The questionnaire PDF lists the questions without the woman's answers (found by mutation testing)",
    'DSJ-3.3.2.10',
  ),
  'dsj-questionnaire-keeps-unanswered': behaviour(
    'A question the woman left unanswered is kept without a value, and the questionnaire PDF prints it as answered "undefined" (found by mutation testing)',
    'DSJ-3.3.2.10',
  ),
  'dsj-pdf-questionnaire-values': behaviour(
    "The svangerskabsjournal PDF prints the woman's answers instead of the GP's corrections",
    'DSJ-3.3.2.9',
  ),
  'dsj-resend-same-identifier': behaviour(
    "Every sending of a woman's DSJ has the same envelope and letter identifiers, made from her CPR, so a second sending looks like the first interchange again (found by mutation testing)",
    'DSJ-3.3.2.11',
  ),
  // --- coupling to GMv2: svangerskabsjournal (PRF) and Vandrejournal (PSCR) ---
  'dsj-prf-resent-as-new-document': behaviour(
    'Sending the DSJ again shares the svangerskabsjournal as a new original, not as the next version replacing the first (found by mutation testing)',
    'DSJ-3.3.3.4',
  ),
  'dsj-prf-not-shared': behaviour(
    'Sending the DSJ does not share the svangerskabsjournal with GMv2',
    'DSJ-3.3.3.1',
  ),
  'dsj-prf-typed-as-pscr': behaviour(
    'The svangerskabsjournal is shared typed as a Vandrejournal (PSCR)',
    'DSJ-3.3.3.1',
  ),
  'dsj-prf-section-missing': behaviour(
    'The shared svangerskabsjournal leaves out the mandatory konsangvinitet section',
    'DSJ-3.3.3.2',
  ),
  'dsj-prf-physical-data-empty': behaviour(
    'The fysiske-data section of the svangerskabsjournal carries no height or weight',
    'DSJ-3.3.3.3',
  ),
  'dsj-prf-dated-when-sent': behaviour(
    "The svangerskabsjournal's observations are dated when it is sent, not at the first consultation (found by mutation testing)",
    'DSJ-3.3.3.3',
  ),
  'dsj-pscr-not-shared': behaviour(
    'No Vandrejournal is shared, neither with the DSJ nor later',
    'DSJ-3.3.4.1',
  ),
  'dsj-pscr-without-smoking': behaviour(
    "The Vandrejournal leaves out the DSJ's smoking answer (found by mutation testing)",
    'DSJ-3.3.4.1',
  ),
  'dsj-pscr-smoker-as-non-smoker': behaviour(
    'The Vandrejournal records a woman who smokes as a non-smoker (rygning under graviditet "nej"; found by mutation testing)',
    'DSJ-3.3.4.3',
  ),
  'dsj-pscr-drinking-at-zero': behaviour(
    'The Vandrejournal says she drinks during the pregnancy at 0 drinks per week (>= 0 for > 0; found by mutation testing)',
    'DSJ-3.3.4.3',
  ),
  'dsj-pscr-stale-alcohol': behaviour(
    "The Vandrejournal carries the woman's alcohol answer instead of the GP's correction",
    'DSJ-3.3.4.1',
  ),
  'dsj-consultation-opens-new-pregnancy': behaviour(
    'A later consultation opens a new pregnancy, so its Vandrejournal is a new document, not a new version',
    'DSJ-3.3.4.2',
  ),
  'dsj-pscr-not-updated': behaviour(
    "A later consultation's changes do not reach the Vandrejournal shared after it",
    'DSJ-3.3.4.3',
  ),
} as const satisfies Record<string, FaultInfo>;

export type DsjFault = keyof typeof DSJ_FAULTS;
export type DsjContentFault = {
  [N in DsjFault]: (typeof DSJ_FAULTS)[N]['kind'] extends 'content' ? N : never;
}[DsjFault];
