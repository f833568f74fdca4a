// Checks on every lab message as a message: transport, Bundle and MessageHeader, identifiers, sender, Provenance.
import { Then } from '@cucumber/cucumber';
import { structurallyValid } from '../../src/rules/document/bundle-rules.ts';
import { readMessage } from '../../src/rules/lab/message.ts';
import {
  headerAsModel,
  identifiersDistinct,
  identifiersPresent,
  messageIdentity,
  messageStructure,
  provenanceRecords,
  senderAsDeclared,
} from '../../src/rules/lab/message-rules.ts';
import { DATABASE_NAME, type SenderVariant } from '../../src/rules/lab/model.ts';
import { databaseOf } from '../../src/rules/lab/registered.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { overShared, sharedResults } from './shared.ts';

Then(
  'every shared result reaches the databases as a FHIR message Bundle with the MessageHeader first',
  async function (this: CertbenchWorld) {
    const { shared, missing, outcome } = await sharedResults(this);
    const problems = [...missing];
    for (const { database, submission } of outcome.submissions) {
      const where = `message ${submission.seq} to ${DATABASE_NAME[database]}`;
      const contentType = submission.exchange.request.headers['content-type'] ?? '';
      if (!/^application\/fhir\+json\b/.test(contentType))
        problems.push(`${where}: content type is "${contentType}", expected application/fhir+json`);
      if (submission.parseError) problems.push(`${where}: the body is not JSON: ${submission.parseError}`);
      else problems.push(...messageStructure(readMessage(submission.bundle)).map((p) => `${where}: ${p}`));
    }
    if (shared.length === 0 && missing.length === 0) problems.push('no result was shared');
    this.verify('FHIR message Bundle received', problems, {
      expected: 'POST of a Bundle of type message, MessageHeader first, focus the DiagnosticReport',
    });
  },
);

Then(
  'every message has a UUID Bundle.id and MessageHeader.id and a Bundle.timestamp with seconds and the Danish offset at the time of sending',
  async function (this: CertbenchWorld) {
    const toleranceMs = this.ctx.profile.clockToleranceMs;
    const problems = await overShared(this, (s) => messageIdentity(s.message, { ...s.window, toleranceMs }));
    this.verify('message identity and timestamp', problems, {
      location: 'Bundle.id, MessageHeader.id, Bundle.timestamp',
    });
  },
);

Then('every message is structurally valid FHIR R4', async function (this: CertbenchWorld) {
  const problems = await overShared(this, (s) => structurallyValid(s.message.bundle));
  this.verify('structural FHIR R4 validation', problems, { expected: 'no errors' });
});

Then(
  'every shared result and analysis has its own urn:uuid identifier',
  async function (this: CertbenchWorld) {
    const { shared, missing } = await sharedResults(this);
    const problems = [
      ...missing,
      ...shared.flatMap((s) => identifiersPresent(s.message)),
      ...identifiersDistinct(shared.map((s) => s.message)),
    ];
    this.verify('result identifiers', problems, {
      location: 'DiagnosticReport.identifier, Observation.identifier',
    });
  },
);

/** The sender variant the SUT profile declares (a run without one is a profile error). */
function declaredVariant(world: CertbenchWorld): SenderVariant {
  const variant = world.ctx.profile.protocols['lab-sharing']?.variant;
  if (variant !== 'gp-system' && variant !== 'plsp')
    throw new Error('the SUT profile must declare protocols.lab-sharing.variant (gp-system or plsp)');
  return variant;
}

Then(
  'every MessageHeader has an event code, the database it is sent to as its destination, and the declared sender as its source',
  async function (this: CertbenchWorld) {
    const variant = declaredVariant(this);
    const problems = await overShared(this, (s) =>
      headerAsModel(s.message, databaseOf(s.result) ?? 'laba', variant),
    );
    this.verify(`MessageHeader event, destination and source (${variant})`, problems, {
      location: 'MessageHeader.eventCoding, .destination, .source',
      expected:
        'eventCoding with system and code; one destination (endpoint, name LABA or MiBA); source endpoint and software',
    });
  },
);

Then(
  'every message names the sender the SUT profile declares: the GP system itself or PLSP acting for the clinic',
  async function (this: CertbenchWorld) {
    const variant = declaredVariant(this);
    const problems = await overShared(this, (s) => senderAsDeclared(s.message, variant));
    this.verify(`sender as declared (${variant})`, problems, {
      location: 'MessageHeader.sender, MessageHeader.source.name',
      expected:
        variant === 'plsp'
          ? 'the clinic as sender, source PLSP'
          : 'the clinic as sender, source the GP system',
    });
  },
);

Then(
  "every message's Provenance records a new message from the clinic",
  async function (this: CertbenchWorld) {
    const problems = await overShared(this, (s) => provenanceRecords(s.message, 'new-message'));
    this.verify('Provenance new-message', problems, {
      location: 'Provenance.target, activity, agent, entity',
    });
  },
);
