// What the acknowledgements of acknowledgement-send must be (MedCom's Send test protocol 2.0.2), judged with the
// acknowledgement rules every protocol shares (src/rules/acknowledgement). In the `synchronous` variant, and in a
// manual run without an answer, the envelope and the times of sending cannot be seen: the assessor's step decides.
import { Then } from '@cucumber/cucumber';
import { validatorKey } from '../../src/run/context.ts';
import {
  ackProblems,
  ackProvenanceProblems,
  ackResendProblems,
  ackTimeProblems,
} from '../../src/rules/acknowledgement/ack-rules.ts';
import { ACK_CODES, ACK_PACKAGE, ACK_PROFILE, type AckCode } from '../../src/rules/acknowledgement/codes.ts';
import { ehmiAckProblems } from '../../src/rules/acknowledgement/ehmi.ts';
import { envelopeFields } from '../../src/rules/homecare/sbdh.ts';
import { vansAckProblems } from '../../src/rules/acknowledgement/vans.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { checkProfile, formatIssue } from '../../src/validation/index.ts';
import { emptyJsonElements } from '../../src/fhir/structural.ts';
import { homecareOutcome } from '../kommunale-proevesvar/state.ts';
import { ASSESSOR_ONLY } from '../../src/checks/pending-reasons.ts';
import {
  OVERVIEW_STEP,
  RELEASE_STEP,
  sentAck,
  technicalErrorRefused,
  transport,
  type SentAck,
} from './state.ts';

/**
 * Set when the scenario's technical error could not be simulated: its acknowledgements show nothing of an AR. An
 * automatic run leaves the checkpoint to the assessor; a manual run asks the assessor in the step that follows.
 */
async function withoutTechnicalError(world: CertbenchWorld): Promise<'pending' | 'skip' | undefined> {
  const refused = await technicalErrorRefused(world);
  if (refused === undefined) return undefined;
  if (world.ctx.manual) return 'skip';
  world.pending(`${ASSESSOR_ONLY}: the SUT cannot simulate a technical error (${refused})`);
  return 'pending';
}

function code(text: string): AckCode {
  if (!(ACK_CODES as readonly string[]).includes(text))
    throw new Error(`"${text}" is not a MedCom acknowledgement code`);
  return text as AckCode;
}

const TYPE: Record<AckCode, string> = { ok: 'AA', 'fatal-error': 'AE', 'transient-error': 'AR' };

Then(
  'the SUT sends an acknowledgement {string} of {string}',
  async function (this: CertbenchWorld, expected: string, ref: string) {
    const open = await withoutTechnicalError(this);
    if (open === 'pending') return 'pending';
    if (open === 'skip') return undefined;
    const ack = await sentAck(this, ref);
    if (ack.manual) return;
    const c = code(expected);
    this.verify(
      `the acknowledgement of ${ref} (MessageHeader.id ${ack.messageId}) is of type ${TYPE[c]} (${c})`,
      ack.ack ? ackProblems(ack.ack, ack.messageId, c) : ack.problems,
      { expected: `an acknowledgement, response.identifier ${ack.messageId}, response.code ${c}` },
    );
  },
);

Then(
  "the acknowledgement {string} of {string} is a message of its own that reached the sender's message handler",
  async function (this: CertbenchWorld, expected: string, ref: string) {
    const open = await withoutTechnicalError(this);
    if (open === 'pending') return 'pending';
    if (open === 'skip') return undefined;
    const c = code(expected);
    if (transport(this) === 'synchronous') {
      // The variant's transport: the acknowledgement is the body of the answer to the delivery.
      const ack = await sentAck(this, ref);
      if (ack.manual) return;
      this.verify(
        `the acknowledgement of ${ref} is the answer to the delivery`,
        ack.ack ? [] : ack.problems,
        {
          expected: 'HTTP 2xx with the acknowledgement as body',
        },
      );
      return;
    }
    const ack = await sentAck(this, ref);
    this.verify(
      `an acknowledgement ${TYPE[c]} of ${ref} was sent to the sender's message handler (counterparts.acknowledgementReceiver)`,
      ack.ack
        ? ackProblems(ack.ack, ack.messageId, c).filter((p) => /^response\.(code|identifier) /.test(p))
        : ack.problems,
      {
        expected: `one POST to acknowledgementReceiver with response.identifier ${ack.messageId}, code ${c}`,
      },
    );
  },
);

Then(
  'the acknowledgement {string} of {string} is a MedCom acknowledgement that conforms to its profile',
  async function (this: CertbenchWorld, expected: string, ref: string) {
    const open = await withoutTechnicalError(this);
    if (open === 'pending') return 'pending';
    if (open === 'skip') return undefined;
    const ack = await sentAck(this, ref);
    if (ack.manual) return;
    if (!ack.ack) {
      this.verify(`the acknowledgement of ${ref}`, ack.problems, { expected: 'an acknowledgement' });
      return;
    }
    const c = code(expected);
    this.verify(
      `the acknowledgement of ${ref} is a MedCom acknowledgement ${TYPE[c]}`,
      ackProblems(ack.ack, ack.messageId, c),
      {
        expected:
          c === 'ok' ? 'response ok' : `response ${c} with an OperationOutcome named by response.details`,
      },
    );
    this.verify(
      `the acknowledgement of ${ref} has its Provenance`,
      ackProvenanceProblems(ack.ack, ack.messageId),
      { expected: `Provenance activity acknowledgement, entity revision → MessageHeader ${ack.messageId}` },
    );
    // FHIR R4 JSON: "arrays are never empty, and properties never have null values" (also the HL7 validator's error
    // "Array cannot be empty"), which the profile validation below lets pass.
    this.verify(
      `the acknowledgement of ${ref} has no empty or null elements (FHIR R4 JSON)`,
      emptyJsonElements(ack.ack).map((p) => `Bundle.${p}`),
      { expected: 'no empty array, object or string and no null anywhere in the Bundle' },
    );
    this.ctx.validatorsUsed.add(validatorKey(this.ctx.fhirPackages, ACK_PACKAGE));
    const check = await checkProfile(ack.ack, {
      profile: ACK_PROFILE,
      package: ACK_PACKAGE,
      cacheFolder: this.ctx.fhirPackages,
      now: this.ctx.clock.now(),
    });
    this.verify(
      `validation of the acknowledgement of ${ref} against ${ACK_PROFILE}`,
      check.errors.map(formatIssue),
      {
        location: 'Bundle',
        expected: `no errors (certbench validator ${check.validatorVersion}, packages ${check.packages.join(', ')})`,
      },
    );
  },
);

async function pair(
  world: CertbenchWorld,
  ref: string,
  first: string,
): Promise<[SentAck, SentAck] | undefined> {
  const before = await sentAck(world, first);
  const again = await sentAck(world, ref);
  if (before.manual || again.manual) return undefined;
  return [before, again];
}

function resendCheck(
  world: CertbenchWorld,
  acks: [SentAck, SentAck],
  what: 'content' | 'id' | 'times',
  title: string,
  expected: string,
): void {
  const [before, again] = acks;
  const problems = [
    ...before.problems.map((p) => `first acknowledgement: ${p}`),
    ...again.problems.map((p) => `acknowledgement sent again: ${p}`),
  ];
  if (before.ack && again.ack) problems.push(...ackResendProblems(before.ack, again.ack, what));
  world.verify(title, problems, { expected });
}

Then(
  'the acknowledgement of the duplicate {string} has the content of the acknowledgement of {string}',
  async function (this: CertbenchWorld, ref: string, first: string) {
    const acks = await pair(this, ref, first);
    if (!acks) return;
    resendCheck(
      this,
      acks,
      'content',
      `the duplicate ${ref} is acknowledged as ${first} was`,
      'the same response.identifier, response.code and issue details',
    );
  },
);

Then(
  'the acknowledgement of the duplicate {string} has another Bundle.id than that of {string}',
  async function (this: CertbenchWorld, ref: string, first: string) {
    const acks = await pair(this, ref, first);
    if (!acks) return;
    resendCheck(
      this,
      acks,
      'id',
      `the acknowledgement of ${ref} is a new Bundle`,
      "a Bundle.id other than the first acknowledgement's",
    );
  },
);

Then(
  'the acknowledgement of the duplicate {string} has later times than that of {string}',
  async function (this: CertbenchWorld, ref: string, first: string) {
    if (transport(this) === 'synchronous' && this.ctx.manual) return;
    const acks = await pair(this, ref, first);
    if (!acks) return;
    resendCheck(
      this,
      acks,
      'times',
      `Bundle.timestamp, Provenance.occurredDateTime and recorded of ${ref}'s acknowledgement are new`,
      'each later than in the first acknowledgement',
    );
  },
);

async function timeCheck(world: CertbenchWorld, ref: string, what: 'creation' | 'sending'): Promise<void> {
  // Neither the synchronous answer nor an acknowledgement without a held send shows a time of sending apart from
  // its creation: the assessor judges it.
  if (transport(world) === 'synchronous') return;
  const outcome = await world.realise();
  const released = outcome.outputs.get(RELEASE_STEP) as { sentAfter: Date } | undefined;
  const delivered = outcome.windows.get(`deliver ${ref}`);
  const ack = await sentAck(world, ref);
  if (!released || !delivered || !ack.ack || !ack.arrived) {
    world.verify(
      `the acknowledgement of ${ref} was sent when released`,
      ack.problems.length > 0 ? ack.problems : ['the held acknowledgement was not released'],
      {
        expected: 'an acknowledgement sent after messaging.release-acknowledgements',
      },
    );
    return;
  }
  world.verify(
    what === 'creation'
      ? `Bundle.timestamp of the acknowledgement of ${ref} is the time it was created`
      : `Provenance.occurredDateTime and recorded of the acknowledgement of ${ref} are the time it was sent`,
    ackTimeProblems(
      ack.ack,
      {
        createdAfter: delivered.start,
        sentAfter: released.sentAfter,
        arrived: ack.arrived,
        toleranceMs: world.ctx.profile.clockToleranceMs,
      },
      what,
    ),
    {
      expected:
        what === 'creation'
          ? `created after the delivery (${delivered.start.toISOString()}), before it was sent (${released.sentAfter.toISOString()})`
          : `sent after the release (${released.sentAfter.toISOString()}), by its arrival (${ack.arrived.toISOString()})`,
    },
  );
}

Then(
  'the Bundle.timestamp of the acknowledgement of {string} is the time it was created',
  async function (this: CertbenchWorld, ref: string) {
    await timeCheck(this, ref, 'creation');
  },
);

Then(
  'the Provenance times of the acknowledgement of {string} are the time it was sent',
  async function (this: CertbenchWorld, ref: string) {
    await timeCheck(this, ref, 'sending');
  },
);

/** Problems of the envelope an acknowledgement arrived in, for the variant's network: VANS or EHMI. */
function envelopeProblems(
  world: CertbenchWorld,
  ack: SentAck,
  code: AckCode,
  originalSenderGln: string,
): string[] {
  if (!ack.ack) return ack.problems;
  const network = transport(world) === 'ehmi' ? 'sbdh' : 'vans';
  const name = network === 'sbdh' ? 'an EHMI SBDH' : 'a VANSEnvelope';
  if (!ack.envelope) return [`the acknowledgement was sent without ${name}`];
  if (ack.envelope.kind !== network)
    return [
      `the acknowledgement was sent in ${ack.envelope.kind === 'sbdh' ? 'an EHMI SBDH' : 'a VANSEnvelope'}, but the profile's variant ${transport(world)} says the SUT sends in ${name}`,
    ];
  return ack.envelope.kind === 'sbdh'
    ? ehmiAckProblems(ack.envelope.sbdh, ack.ack, originalSenderGln)
    : vansAckProblems(ack.envelope.vans, code);
}

Then(
  'the acknowledgement {string} of {string} is embedded in its network envelope named with its type',
  async function (this: CertbenchWorld, expected: string, ref: string) {
    if (transport(this) === 'synchronous') return;
    const c = code(expected);
    const ack = await sentAck(this, ref);
    const outcome = await homecareOutcome(this);
    // The acknowledgement goes back to the original sender: the GLN certbench's message was sent from.
    const sender = envelopeFields(outcome.delivered(ref).bundle, this.ctx.clock.now()).senderGln;
    const ehmi = transport(this) === 'ehmi';
    this.verify(
      `the ${ehmi ? 'EHMI SBDH' : 'VANSEnvelope'} of the acknowledgement of ${ref}`,
      envelopeProblems(this, ack, c, sender),
      {
        expected: ehmi
          ? `HeaderVersion 1.0, Sender/Receiver the GLNs of the acknowledgement (Receiver ${sender}), Standard acknowledgement-message, TypeVersion, DOCUMENTID, PROCESSID, MESSAGEIDENTIFIER and MESSAGEENVELOPEIDENTIFIER of the acknowledgement, the acknowledgement base64 in BinaryContent`
          : `Format HL7, Name MCM:FCTL#${c}, Version, ServiceTag MCM:MIME, the acknowledgement base64 in Data`,
      },
    );
  },
);

Then(
  'the overview shows the acknowledgement of {string} with the message it acknowledges',
  async function (this: CertbenchWorld, ref: string) {
    if (this.ctx.manual) return;
    const outcome = await homecareOutcome(this);
    const plan = await this.realise();
    const overview = plan.outputs.get(OVERVIEW_STEP);
    const ack = await sentAck(this, ref);
    const messageId = outcome.delivered(ref).message.messageId ?? '';
    const rows = Array.isArray(overview) ? (overview as Record<string, unknown>[]) : [];
    const problems: string[] = [];
    if (!Array.isArray(overview)) problems.push('the observation messaging.acknowledgements is not a list');
    else if (!rows.some((r) => r['acknowledged'] === messageId && (!ack.ack || r['bundleId'] === ack.ack.id)))
      problems.push(
        `no row of the overview names the acknowledgement${ack.ack ? ` ${String(ack.ack.id)}` : ''} with the acknowledged MessageHeader.id ${messageId} (rows: ${JSON.stringify(rows).slice(0, 300)})`,
      );
    this.verify(`the overview of sent acknowledgements shows that of ${ref}`, problems, {
      expected: `a row with bundleId ${String(ack.ack?.id ?? '(the acknowledgement sent)')} and acknowledged ${messageId}`,
    });
  },
);
