// The mutation runner's bail (scripts/mutation/stryker-plugins.ts): a mutant's run stops at its first failed
// scenario (cucumber's failFast through RunOptions.failFast), and it counts as killed only when a checkpoint failed
// where the conforming system's did not; a stop with nothing failed otherwise is decided by a whole run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failedUnlikeBaseline, differences } from '../../scripts/mutation/run-protocol.ts';
import { checkpoints, fastReferenceProfile, quietEnvironment } from '../support/run.ts';
import { tempDir } from '../support/temp.ts';
import { runCertification } from '../../src/run/run-certification.ts';

test('failFast: the scenarios after the first failed one are skipped, pending', async () => {
  const profileFile = await fastReferenceProfile('  acknowledgement-send: { variant: message }\n');
  const run = async () =>
    checkpoints(
      (
        await runCertification(
          {
            profileFile,
            // The acknowledgement of every message is lost: every automatic checkpoint fails.
            referenceGp: { faults: ['ack-message-not-sent'] },
            protocols: ['acknowledgement-send'],
            mode: 'self-test',
            outDir: await tempDir('certbench-failfast-'),
            strict: false,
            html: false,
            summary: false,
            failFast: true,
          },
          quietEnvironment({}),
        )
      ).result,
    );
  const stopped = await run();
  const failed = stopped.filter((c) => c.status === 'failed').map((c) => c.id);
  assert.deepEqual(failed, ['ACK-3.3.1.1']);
  const rest = stopped.filter((c) => c.id !== 'ACK-3.3.1.1');
  assert.ok(rest.length > 10);
  assert.ok(
    rest.every((c) => c.status === 'pending'),
    JSON.stringify(rest),
  );
});

test('a stopped run shows the mutant only by a checkpoint that failed unlike the conforming one', () => {
  const baseline = new Map([
    ['A', 'passed'],
    ['B', 'failed x'],
    ['C', 'passed'],
  ]);
  // C failed where the conforming run passed: killed.
  assert.equal(failedUnlikeBaseline(baseline, new Map([...baseline, ['C', 'failed y']])), true);
  assert.equal(failedUnlikeBaseline(baseline, new Map([...baseline, ['C', 'harness-error z']])), true);
  // Stopped at B, which fails in the conforming run too: C skipped (pending) is no evidence.
  const stoppedAtB = new Map([...baseline, ['C', 'pending step skipped']]);
  assert.equal(failedUnlikeBaseline(baseline, stoppedAtB), false);
  assert.deepEqual(differences(baseline, stoppedAtB), ['C: pending step skipped']);
});
