// Routing: biochemistry to LABA, microbiology to MiBA, nothing to the wrong database.
import { Then } from '@cucumber/cucumber';
import { DATABASE_NAME, type Database } from '../../src/rules/lab/model.ts';
import { databaseOf } from '../../src/rules/lab/registered.ts';
import { nothingMisrouted, reachedDatabase } from '../../src/rules/lab/routing-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { labOutcome, messagesOf, registered } from './state.ts';

async function reached(world: CertbenchWorld, list: string, database: Database): Promise<void> {
  const outcome = await labOutcome(world);
  const problems = list
    .split(',')
    .map((ref) => registered(world, ref.trim()))
    .flatMap((result) => {
      if (databaseOf(result) !== database)
        throw new Error(`"${result.ref}" does not belong in ${DATABASE_NAME[database]}`);
      return reachedDatabase(messagesOf(outcome, `register ${result.ref}`), result, database);
    });
  world.verify(`reached ${DATABASE_NAME[database]}`, problems, {
    expected: `${list} at ${DATABASE_NAME[database]}`,
  });
}

Then('the biochemistry results reach LABA: {string}', async function (this: CertbenchWorld, list: string) {
  await reached(this, list, 'laba');
});

Then('the microbiology result reaches MiBA: {string}', async function (this: CertbenchWorld, list: string) {
  await reached(this, list, 'miba');
});

Then('nothing reaches the wrong database', async function (this: CertbenchWorld) {
  const { messages } = await labOutcome(this);
  const problems = messages.length === 0 ? ['nothing was sent at all'] : nothingMisrouted(messages);
  this.verify('routing by discipline', problems, {
    location: 'DiagnosticReport.category, Observation.code',
    expected: 'LABA receives only biochemistry (CH), MiBA only microbiology (MB)',
  });
});
