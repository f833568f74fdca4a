// Set-up steps of kommunale prøvesvar: certbench plays the municipal acute-care team's EOJ and delivers MedCom's
// test examples (and variants derived from them) to the SUT's receiving endpoint; the GP then opens what arrived.
// Steps only plan; the first check performs the plan.
import { Given, When } from '@cucumber/cucumber';
import { isExampleId, loadExample, type ExampleId } from '../../src/rules/homecare/examples.ts';
import { readHco } from '../../src/rules/homecare/message.ts';
import { hcoProblems } from '../../src/rules/homecare/message-rules.ts';
import { randomUUID } from 'node:crypto';
import { envelopeFields, wrapInSbdh, type SbdhFields } from '../../src/rules/homecare/sbdh.ts';
import {
  asCollection,
  asReply,
  cancellationOf,
  CORRECTABLE,
  correctionOfElement,
  isCorrectable,
  correctionOf,
  freshMessage,
  inOtherShapes,
  resendOf,
  withBrokenReference,
  withComparators,
  withOtherActivity,
  withOtherEvent,
  withTooLongResult,
  withTwelveCharacterResult,
  withUnknownInitials,
  withoutMessageHeaderId,
  withAttachmentWithoutAuthor,
  withSignerByFamilyName,
} from '../../src/rules/homecare/variants.ts';
import { toFhirXml } from '../../src/fhir/xml.ts';
import type { PlanEnv } from '../../src/steps-api/plan.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { observeStep, plannedRefs, stepOfDelivery, type Delivered, type Observed } from './state.ts';

export const CHANNEL = 'homecareobservation';

/** How a message is delivered: as it is, or in an SBDH envelope (correct, or contradicting it in one place). */
type Form =
  | 'json'
  | 'xml'
  | 'sbdh'
  | 'sbdh-wrapped'
  | 'sbdh-other-receiver'
  | 'sbdh-wrong-Sender'
  | 'sbdh-wrong-Receiver'
  | 'sbdh-wrong-MESSAGEIDENTIFIER'
  | 'sbdh-wrong-MESSAGEENVELOPEIDENTIFIER'
  | Unreadable;

/**
 * Deliveries no receiver can read as a message (addendum §D.4 item 7: a payload that is not well-formed): the
 * message's JSON, FHIR XML or SBDH cut off before its end, JSON that is an array, null or a string (the message
 * encoded twice) instead of a resource, and FHIR XML whose closing tag does not match its opening one. Also an
 * SBDH without its HeaderVersion (mandatory in the SBDH schema, 1.0 in EHMI: addendum §D.3): an envelope is legible
 * only when it passes the structure and schema check (EHMI envelope receipt), else a ReceiptException.
 */
const UNREADABLE = [
  'JSON cut short',
  'a JSON array',
  'JSON null',
  'the message as a JSON string',
  'FHIR XML cut short',
  'FHIR XML with a mismatched closing tag',
  'an SBDH cut short',
  'an SBDH without HeaderVersion',
] as const;
type Unreadable = (typeof UNREADABLE)[number];
const cutShort = (text: string) => text.slice(0, Math.floor(text.length / 2));

function unreadable(
  bundle: fhir4.Bundle,
  form: Unreadable,
  now: Date,
): { contentType: string; body: string } {
  if (form === 'JSON cut short')
    return { contentType: 'application/fhir+json', body: cutShort(JSON.stringify(bundle)) };
  if (form === 'a JSON array')
    return { contentType: 'application/fhir+json', body: JSON.stringify([bundle]) };
  if (form === 'JSON null') return { contentType: 'application/fhir+json', body: 'null' };
  if (form === 'the message as a JSON string')
    return { contentType: 'application/fhir+json', body: JSON.stringify(JSON.stringify(bundle)) };
  if (form === 'FHIR XML cut short')
    return { contentType: 'application/fhir+xml', body: cutShort(toFhirXml(bundle)) };
  if (form === 'FHIR XML with a mismatched closing tag') {
    const xml = toFhirXml(bundle);
    const mismatched = xml.replace(/<\/Bundle>\s*$/, '</Bundel>');
    if (mismatched === xml) throw new Error('certbench: the FHIR XML it wrote does not end with </Bundle>');
    return { contentType: 'application/fhir+xml', body: mismatched };
  }
  const sbdh = wrapInSbdh(bundle, envelopeFields(bundle, now));
  if (form === 'an SBDH without HeaderVersion') {
    const without = sbdh.replace(/\s*<HeaderVersion>1\.0<\/HeaderVersion>/, '');
    if (without === sbdh)
      throw new Error('certbench: the SBDH it wrote has no HeaderVersion 1.0 to leave out');
    return { contentType: 'application/xml', body: without };
  }
  return { contentType: 'application/xml', body: cutShort(sbdh) };
}

/** The envelope fields one at a time: each must agree with the message (addendum §D.4 item 7). */
const ENVELOPE_FIELDS = ['Sender', 'Receiver', 'MESSAGEIDENTIFIER', 'MESSAGEENVELOPEIDENTIFIER'] as const;
type EnvelopeField = (typeof ENVELOPE_FIELDS)[number];

function contradicting(fields: SbdhFields, field: EnvelopeField): SbdhFields {
  // A GLN of the message's other party, an id of no message: each is wrong, everything else agrees.
  if (field === 'Sender') return { ...fields, senderGln: fields.receiverGln };
  if (field === 'Receiver') return { ...fields, receiverGln: fields.senderGln };
  return { ...fields, scopes: { ...fields.scopes, [field]: randomUUID() } };
}

interface DeliverySpec {
  ref: string;
  /** Everything that determines the message (plan key). */
  key: unknown[];
  patient: string;
  /** Whether certbench means the message to be valid (a harness bug otherwise). */
  valid: boolean;
  form: Form;
  description: string;
  build: (now: Date, earlier: (ref: string) => fhir4.Bundle) => fhir4.Bundle;
}

function example(id: string): ExampleId {
  if (!isExampleId(id)) throw new Error(`no MedCom test example "${id}"`);
  return id;
}

function patientOf(bundle: fhir4.Bundle): string {
  return readHco(bundle).patient?.id ?? '';
}

function encode(bundle: fhir4.Bundle, form: Form, now: Date): { contentType: string; body: string } {
  if ((UNREADABLE as readonly string[]).includes(form)) return unreadable(bundle, form as Unreadable, now);
  if (form === 'json') return { contentType: 'application/fhir+json', body: JSON.stringify(bundle) };
  if (form === 'xml') return { contentType: 'application/fhir+xml', body: toFhirXml(bundle) };
  const fields = envelopeFields(bundle, now);
  if (form === 'sbdh') return { contentType: 'application/xml', body: wrapInSbdh(bundle, fields) };
  if (form === 'sbdh-wrapped')
    return { contentType: 'application/xml', body: wrapInSbdh(bundle, fields, { lineLength: 76 }) };
  // Addressed backwards: the envelope names the sender as receiver, so its GLNs contradict the MessageHeader.
  const envelope =
    form === 'sbdh-other-receiver'
      ? { ...fields, senderGln: fields.receiverGln, receiverGln: fields.senderGln }
      : contradicting(fields, form.slice('sbdh-wrong-'.length) as EnvelopeField);
  return { contentType: 'application/xml', body: wrapInSbdh(bundle, envelope) };
}

function planDelivery(world: CertbenchWorld, spec: DeliverySpec): void {
  const refs = plannedRefs(world);
  if (refs.has(spec.ref)) throw new Error(`a delivery "${spec.ref}" is planned twice`);
  refs.set(spec.ref, spec.patient);
  world.addToPlan({
    name: stepOfDelivery(spec.ref),
    key: [...spec.key, spec.form],
    run: async ({ ctx, driver, outputs }: PlanEnv): Promise<Delivered> => {
      const now = ctx.clock.now();
      const earlier = (ref: string) => {
        const found = outputs.get(stepOfDelivery(ref)) as Delivered | undefined;
        if (!found) throw new Error(`"${spec.ref}" needs "${ref}" delivered before it`);
        return found.bundle;
      };
      const bundle = spec.build(now, earlier);
      const problems = hcoProblems(bundle);
      // Both are bugs in certbench: a check can only mean something if the message is what it claims to be.
      if (spec.valid && problems.length > 0)
        throw new Error(`certbench built an invalid message for "${spec.ref}": ${problems.join('; ')}`);
      if (!spec.valid && problems.length === 0)
        throw new Error(`certbench meant "${spec.ref}" to be invalid, but its rules find nothing wrong`);
      const answer = await driver.deliver({
        channel: CHANNEL,
        ...encode(bundle, spec.form, now),
        description: `HomeCareObservation ${spec.description}`,
      });
      return { bundle, answer };
    },
  });
}

const VARIANTS: Record<string, { valid: boolean; apply: (b: fhir4.Bundle) => fhir4.Bundle }> = {
  'as published': { valid: true, apply: (b) => b },
  'unknown GP initials and comparators': {
    valid: true,
    apply: (b) => withComparators(withUnknownInitials(b)),
  },
  'a result over 12 characters': { valid: false, apply: withTooLongResult },
  'a broken reference': { valid: false, apply: withBrokenReference },
  'a result of exactly 12 characters written with a comparator': {
    valid: true,
    apply: withTwelveCharacterResult,
  },
  'as a Bundle of type collection': { valid: false, apply: asCollection },
  'whose MessageHeader has no id': { valid: false, apply: withoutMessageHeaderId },
  'under another event code': { valid: false, apply: withOtherEvent },
  'with a Provenance activity outside the HomeCareObservation activities': {
    valid: false,
    apply: withOtherActivity,
  },
  'as a reply with the Provenance activity reply-message': { valid: true, apply: asReply },
  'in the other valid shapes of its fields': { valid: true, apply: inOtherShapes },
  'whose attached file names no author': { valid: true, apply: withAttachmentWithoutAuthor },
  'whose signer is named by the family name alone': { valid: true, apply: withSignerByFamilyName },
};

// Variants that provoke one rejection each, and the value at the 12-character limit (accepted).
for (const variant of [
  'a result of exactly 12 characters written with a comparator',
  'as a Bundle of type collection',
  'whose MessageHeader has no id',
  'under another event code',
  'with a Provenance activity outside the HomeCareObservation activities',
  'as a reply with the Provenance activity reply-message',
  'in the other valid shapes of its fields',
  'whose attached file names no author',
  'whose signer is named by the family name alone',
])
  Given(
    `the acute-care team sends {string}: MedCom's test example {string} ${variant.startsWith('a ') ? `with ${variant}` : variant}`,
    function (this: CertbenchWorld, ref: string, id: string) {
      fromExample(this, ref, id, variant, 'json');
    },
  );

function fromExample(world: CertbenchWorld, ref: string, id: string, variant: string, form: Form): void {
  const exampleId = example(id);
  const change = VARIANTS[variant];
  if (!change) throw new Error(`no variant "${variant}"`);
  planDelivery(world, {
    ref,
    key: [exampleId, variant],
    patient: patientOf(loadExample(exampleId)),
    valid: change.valid,
    form,
    description: `${exampleId} (${variant}${form === 'json' ? '' : `, ${form}`})`,
    build: (now) => change.apply(freshMessage(loadExample(exampleId), now)),
  });
}

Given(
  "the acute-care team sends {string}: MedCom's test example {string}",
  function (this: CertbenchWorld, ref: string, id: string) {
    fromExample(this, ref, id, 'as published', 'json');
  },
);

Given(
  "the acute-care team sends {string}: MedCom's test example {string} with unknown GP initials and results written with comparators",
  function (this: CertbenchWorld, ref: string, id: string) {
    fromExample(this, ref, id, 'unknown GP initials and comparators', 'json');
  },
);

Given(
  "the acute-care team sends {string}: MedCom's test example {string} with a result over 12 characters",
  function (this: CertbenchWorld, ref: string, id: string) {
    fromExample(this, ref, id, 'a result over 12 characters', 'json');
  },
);

Given(
  "the acute-care team sends {string}: MedCom's test example {string} whose report names a result that is not in the message",
  function (this: CertbenchWorld, ref: string, id: string) {
    fromExample(this, ref, id, 'a broken reference', 'json');
  },
);

Given(
  "the acute-care team sends {string}: MedCom's test example {string} in the other valid shapes of its fields, in an EHMI SBDH envelope",
  function (this: CertbenchWorld, ref: string, id: string) {
    fromExample(this, ref, id, 'in the other valid shapes of its fields', 'sbdh');
  },
);

Given(
  "the acute-care team sends {string}: MedCom's test example {string} as FHIR XML",
  function (this: CertbenchWorld, ref: string, id: string) {
    fromExample(this, ref, id, 'as published', 'xml');
  },
);

Given(
  "the acute-care team sends {string}: MedCom's test example {string} in an EHMI SBDH envelope",
  function (this: CertbenchWorld, ref: string, id: string) {
    fromExample(this, ref, id, 'as published', 'sbdh');
  },
);

Given(
  "the acute-care team sends {string}: MedCom's test example {string} as a delivery that cannot be read: {string}",
  function (this: CertbenchWorld, ref: string, id: string, form: string) {
    if (!(UNREADABLE as readonly string[]).includes(form))
      throw new Error(`"${form}" is not an unreadable delivery certbench makes: ${UNREADABLE.join(', ')}`);
    fromExample(this, ref, id, 'as published', form as Unreadable);
  },
);

Given(
  "the acute-care team sends {string}: MedCom's test example {string} in an EHMI SBDH envelope whose BinaryContent is broken into lines of 76 characters",
  function (this: CertbenchWorld, ref: string, id: string) {
    fromExample(this, ref, id, 'as published', 'sbdh-wrapped');
  },
);

Given(
  "the acute-care team sends {string}: MedCom's test example {string} in an EHMI SBDH envelope whose {word} alone contradicts the message",
  function (this: CertbenchWorld, ref: string, id: string, field: string) {
    if (!(ENVELOPE_FIELDS as readonly string[]).includes(field))
      throw new Error(
        `"${field}" is not an envelope field certbench compares: ${ENVELOPE_FIELDS.join(', ')}`,
      );
    fromExample(this, ref, id, 'as published', `sbdh-wrong-${field as EnvelopeField}`);
  },
);

Given(
  "the acute-care team sends {string}: MedCom's test example {string} in an EHMI SBDH envelope whose Sender and Receiver contradict the message",
  function (this: CertbenchWorld, ref: string, id: string) {
    fromExample(this, ref, id, 'as published', 'sbdh-other-receiver');
  },
);

export function followUp(
  world: CertbenchWorld,
  ref: string,
  of: string,
  what: string,
  build: (now: Date, earlier: fhir4.Bundle) => fhir4.Bundle,
): void {
  const patient = plannedRefs(world).get(of);
  if (patient === undefined) throw new Error(`"${ref}" follows "${of}", which is not planned before it`);
  planDelivery(world, {
    ref,
    key: [of, what],
    patient,
    valid: true,
    form: 'json',
    description: `${what} of ${of}`,
    build: (now, earlier) => build(now, earlier(of)),
  });
}

When(
  'the team sends {string}: a correction of {string} with the glucose result {float}',
  function (this: CertbenchWorld, ref: string, of: string, value: number) {
    followUp(this, ref, of, `correction (glucose ${value})`, (now, earlier) =>
      correctionOf(earlier, now, value),
    );
  },
);

When(
  'the team sends {string}: a correction of {string} that changes only its {string}',
  function (this: CertbenchWorld, ref: string, of: string, element: string) {
    if (!isCorrectable(element))
      throw new Error(`"${element}" is not correctable: ${Object.keys(CORRECTABLE).join(', ')}`);
    followUp(this, ref, of, `correction (${element})`, (now, earlier) =>
      correctionOfElement(earlier, now, element),
    );
  },
);

When(
  'the team sends {string}: a cancellation of {string} with the reason {string}',
  function (this: CertbenchWorld, ref: string, of: string, reason: string) {
    followUp(this, ref, of, `cancellation (${reason})`, (now, earlier) =>
      cancellationOf(earlier, now, reason),
    );
  },
);

When(
  'the team resends {string} as {string}: the same message in a new envelope, no acknowledgement having arrived',
  function (this: CertbenchWorld, of: string, ref: string) {
    followUp(this, ref, of, 'resend', (now, earlier) => resendOf(earlier, now));
  },
);

When(
  'the GP opens the received prøvesvar and the laboratory chart of {string}',
  function (this: CertbenchWorld, patient: string) {
    // A manual run has no automation API to read: the assessor looks at the screen instead.
    if (this.ctx.manual) return;
    this.addToPlan({
      name: observeStep(patient),
      key: patient,
      run: async ({ driver }): Promise<Observed> => ({
        inbox: await driver.observe('homecare.inbox', { patient }),
        chart: await driver.observe('homecare.lab-chart', { patient }),
      }),
    });
  },
);
