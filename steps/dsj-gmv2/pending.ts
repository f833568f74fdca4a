// Checkpoints that wait for infrastructure not live yet. Their manifest entries say notTestable, so runs report
// them pending without running them; should one run anyway (e.g. a rerun of a single scenario), it is pending
// with the same kind of reason rather than undefined.
import { Then } from '@cucumber/cucumber';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';

const WAITING: Record<string, string> = {
  'the GP system sends the DSJ questionnaire to the woman through Min Læge':
    'the questionnaire dispatch through PLSP and Min Læge has no public interface or test endpoint yet',
  'the GP system shows the documents other authors shared in Graviditetsmappen for the pregnancy':
    'GMv2 is not in operation for general practice yet',
  "reading Graviditetsmappen respects the woman's consent and blocking":
    'GMv2 retrieval from GP systems is not live; consent is tested end to end by SDS',
  'documents of two pregnancies less than 40 weeks apart are grouped by termin date':
    'the national grouping by termin date starts when GMv2 is live',
};

for (const [text, reason] of Object.entries(WAITING))
  Then(text, function (this: CertbenchWorld) {
    return this.pending(reason);
  });
