// Access to the REF01 interchange the birthplace received and to its PDF attachments, read once per run.
import { resolveReference } from '../../src/rules/dsj/attachment-rules.ts';
import { readPdf, warmPdfReader, type PdfReading } from '../../src/rules/dsj/pdf.ts';
import type {
  BinaryObjectView,
  Ref01Interchange,
  Ref01Referral,
  ReferenceView,
} from '../../src/rules/dsj/ref01.ts';
import { warmUpWhenRun } from '../../src/steps-api/warm-up.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { stepOutput, STEP } from './state.ts';

// The referral's PDFs are read late in a full run: the reader loads pdfjs on its own thread while earlier protocols run.
warmUpWhenRun('dsj-gmv2', warmPdfReader);

export interface ReceivedReferral {
  interchange?: Ref01Interchange;
  referral?: Ref01Referral;
  problems: string[];
}

/** The one interchange the (first) send action caused, or why there is none to judge. */
export async function receivedReferral(
  world: CertbenchWorld,
  step: string = STEP.sendReferral,
): Promise<ReceivedReferral> {
  const { referrals } = await stepOutput(world, step);
  const first = referrals[0];
  if (!first) return { problems: ['no REF01 reached the birthplace'] };
  const problems =
    referrals.length > 1 ? [`${referrals.length} interchanges reached the birthplace, expected one`] : [];
  if (first.parseError)
    return { problems: [...problems, `the interchange is not well-formed XML: ${first.parseError}`] };
  const interchange = first.bundle as Ref01Interchange;
  const referral = interchange.referrals[0];
  if (!referral) return { interchange, problems: [...problems, 'the interchange has no HospitalReferral'] };
  return { interchange, referral, problems };
}

const readings = new WeakMap<BinaryObjectView, Promise<PdfReading>>();

export interface Attachment {
  reference: ReferenceView;
  label: string;
  reading?: PdfReading;
  problems: string[];
}

/** Every referenced attachment, resolved and (when it resolves) opened as a PDF. */
export async function attachments(
  world: CertbenchWorld,
): Promise<{ found: Attachment[]; problems: string[] }> {
  const { interchange, referral, problems } = await receivedReferral(world);
  if (!interchange || !referral) return { found: [], problems };
  if (referral.references.length === 0)
    return { found: [], problems: [...problems, 'the referral has no Reference'] };
  const found = await Promise.all(
    referral.references.map(async (reference, i): Promise<Attachment> => {
      const label = `Reference ${i + 1} "${reference.description ?? ''}"`;
      const resolved = resolveReference(reference, interchange);
      if (!('bytes' in resolved)) return { reference, label, problems: resolved.problems };
      let reading = readings.get(resolved.object);
      if (!reading) {
        reading = readPdf(resolved.bytes);
        readings.set(resolved.object, reading);
      }
      return { reference, label, reading: await reading, problems: resolved.problems };
    }),
  );
  return { found, problems };
}
