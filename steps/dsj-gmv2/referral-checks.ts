// S2: the REF01 sygehushenvisning that carries the DSJ forms: receiver, letter codes, parties and diagnosis.
import { Then } from '@cucumber/cucumber';
import {
  diagnosisProblems,
  letterProblems,
  oneReferral,
  patientProblems,
  receiverProblems,
  senderProblems,
} from '../../src/rules/dsj/referral-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { receivedReferral } from './referral.ts';
import { chosenBirthplace, scenarioPatient, STEP } from './state.ts';

Then('one REF01 reaches the birthplace chosen in the DSJ', async function (this: CertbenchWorld) {
  const { interchange, referral, problems } = await receivedReferral(this);
  const birthplace = chosenBirthplace(this);
  this.verify(
    'one REF01 to the chosen birthplace',
    [
      ...problems,
      ...(interchange ? oneReferral(interchange) : []),
      ...(referral ? receiverProblems(referral, birthplace) : []),
    ],
    {
      location: 'Emessage/HospitalReferral/Receiver',
      expected: `one HospitalReferral to ${birthplace.name}, EAN ${birthplace.ean}, sygehusafdelingsnummer ${birthplace.shak}`,
    },
  );
});

Then(
  'the DSJ sent again reaches the birthplace as a new interchange with its own envelope identifier',
  async function (this: CertbenchWorld) {
    const first = await receivedReferral(this);
    const again = await receivedReferral(this, STEP.sendAgain);
    const before = first.interchange?.envelope.identifier;
    const now = again.interchange?.envelope.identifier;
    this.verify(
      'a new interchange',
      [
        ...first.problems.map((p) => `first sending: ${p}`),
        ...again.problems.map((p) => `second sending: ${p}`),
        ...(before !== undefined && now !== undefined && before === now
          ? [
              `the second interchange has the first's envelope identifier ${JSON.stringify(now)}: a receiver takes it for the same interchange again`,
            ]
          : []),
      ],
      {
        location: 'Emessage/Envelope/Identifier of both REF01 interchanges',
        expected: 'one REF01 for each sending, the second with an envelope identifier other than the first',
      },
    );
  },
);

Then(
  "the referral is a REF01 letter with MedCom's codes and identifiers",
  async function (this: CertbenchWorld) {
    const { interchange, referral, problems } = await receivedReferral(this);
    this.verify(
      'REF01 letter codes',
      [...problems, ...(interchange && referral ? letterProblems(interchange, referral) : [])],
      {
        location: 'Emessage/Envelope, HospitalReferral/Letter',
        expected:
          'VersionCode XH0130R, StatisticalCode REF01, TypeCode XREF01, StatusCode nytbrev; identifiers of 1–14 characters',
      },
    );
  },
);

Then(
  'the referral names the practice by EAN and ydernummer and the patient by CPR',
  async function (this: CertbenchWorld) {
    const { referral, problems } = await receivedReferral(this);
    const patient = scenarioPatient(this);
    this.verify(
      'sender and patient',
      [
        ...problems,
        ...(referral
          ? [
              ...senderProblems(referral),
              ...patientProblems(referral, patient.cpr, patient.family, patient.name.split(' ')),
            ]
          : []),
      ],
      {
        location: 'HospitalReferral/Sender, HospitalReferral/Patient',
        expected: `sender GLN + ydernummer; patient ${patient.cpr}`,
      },
    );
  },
);

Then('the referral carries a pregnancy referral diagnosis', async function (this: CertbenchWorld) {
  const { referral, problems } = await receivedReferral(this);
  this.verify('referral diagnosis', [...problems, ...(referral ? diagnosisProblems(referral) : [])], {
    location: 'HospitalReferral/Referral/Refer',
    expected: 'SKSdiagnosekode DZ30–DZ39 (e.g. DZ349) or ICPCkode W78, with DiagnoseText',
  });
});
