// Later visits and a second pregnancy: new versions replace the previous ones without losing them, a new
// pregnancy gets new documents, and GMv2's due-date grouping puts each document in its pregnancy.
import { Then } from '@cucumber/cucumber';
import type { DocumentKind } from '../../src/rules/pregnancy/codes.ts';
import {
  consultationDateOf,
  dueDatesOf,
  measurementAsRegistered,
} from '../../src/rules/pregnancy/content-rules.ts';
import { groupPregnancies } from '../../src/rules/pregnancy/grouping.ts';
import {
  documentReferenceIdentifiers,
  relatedIdentifiers,
} from '../../src/rules/pregnancy/metadata-rules.ts';
import {
  currentPregnancy,
  expectedAssessment,
  expectedMeasurements,
} from '../../src/rules/pregnancy/registered.ts';
import { componentsAsRegistered } from '../../src/rules/pregnancy/content-rules.ts';
import { supersedesPrevious } from '../../src/rules/pregnancy/version-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import {
  documentOf,
  scenarioOf,
  sharedDocuments,
  sharesOf,
  visitsBefore,
  type SharedDocument,
} from './state.ts';

const KINDS: DocumentKind[] = ['PSCR', 'PMR'];

Then(
  'each later version replaces the previous one without overwriting it',
  async function (this: CertbenchWorld) {
    const problems: string[] = [];
    for (const kind of KINDS) {
      const shares = await sharesOf(this, kind);
      if (shares.length < 2) throw new Error(`the scenario must share the ${kind} twice`);
      for (let i = 1; i < shares.length; i++)
        problems.push(
          ...supersedesPrevious(
            (shares[i] as SharedDocument).read,
            (shares[i - 1] as SharedDocument).read,
          ).map((p) => `${kind} version ${i + 1}: ${p}`),
        );
    }
    this.verify('new versions replace the previous', problems, {
      expected:
        'relatesTo replaces the previous DocumentReference, a new masterIdentifier; CDA same setId, next versionNumber, new id',
    });
  },
);

Then(
  "the latest versions carry the later visit's content and every earlier measurement",
  async function (this: CertbenchWorld) {
    const pscr = (await sharesOf(this, 'PSCR')).at(-1) as SharedDocument;
    const pmr = (await sharesOf(this, 'PMR')).at(-1) as SharedDocument;
    const assessment = expectedAssessment(currentPregnancy(visitsBefore(this, pscr.share)));
    const measurements = expectedMeasurements(currentPregnancy(visitsBefore(this, pmr.share)));
    const problems = [
      ...componentsAsRegistered(documentOf(pscr), 'samlet-vurdering', assessment).map((p) => `PSCR: ${p}`),
      ...measurements
        .flatMap((m) => measurementAsRegistered(documentOf(pmr), m.code, m.name, m.value))
        .map((p) => `PMR: ${p}`),
    ];
    this.verify('latest versions complete', problems, {
      expected: "the latest assessment; every visit's measurements",
    });
  },
);

/** The pregnancy (1, 2, …) a share belongs to: how many pregnancies were opened before it. */
function pregnancyOf(world: CertbenchWorld, shared: SharedDocument): number {
  return Math.max(1, visitsBefore(world, shared.share).filter((v, i) => i === 0 || v.newPregnancy).length);
}

Then(
  "the new pregnancy's documents do not replace the previous pregnancy's",
  async function (this: CertbenchWorld) {
    const all = await sharedDocuments(this);
    const earlier = all.filter((s) => pregnancyOf(this, s) === 1);
    const later = all.filter((s) => pregnancyOf(this, s) > 1);
    if (later.length === 0) throw new Error('the scenario shares nothing for a second pregnancy');
    // Malformed metadata is a problem of its own: it could hide a relation to the first pregnancy.
    const problems: string[] = [];
    const earlierIds = new Set(
      earlier.flatMap((s) => {
        const reference = s.read.unpacked.documentReference;
        if (!reference) return [];
        const { values, problems: shape } = documentReferenceIdentifiers(reference);
        problems.push(...shape.map((p) => `${s.share.name}: ${p}`));
        return values;
      }),
    );
    const earlierSets = new Set(
      earlier.flatMap((s) =>
        s.read.read?.document.setId ? [JSON.stringify(s.read.read.document.setId)] : [],
      ),
    );
    for (const s of later) {
      const reference = s.read.unpacked.documentReference;
      const related = reference ? relatedIdentifiers(reference) : { values: [], problems: [] };
      problems.push(...related.problems.map((p) => `${s.share.name}: ${p}`));
      for (const value of related.values)
        if (earlierIds.has(value))
          problems.push(`${s.share.name} replaces the first pregnancy's document ${value}`);
      const setId = s.read.read?.document.setId;
      if (setId && earlierSets.has(JSON.stringify(setId)))
        problems.push(`${s.share.name} continues the first pregnancy's setId ${setId.system}`);
    }
    this.verify('new pregnancy, new documents', problems, {
      expected: "no relation to the first pregnancy's documents",
    });
  },
);

Then(
  'grouping the documents by due date gives each pregnancy exactly its own documents',
  async function (this: CertbenchWorld) {
    const all = await sharedDocuments(this);
    const grouping = groupPregnancies(
      all.map((s) => {
        const document = documentOf(s);
        const due = dueDatesOf(document);
        return {
          id: s.share.name,
          consultationDate: consultationDateOf(document) ?? '',
          ...(due.naegele ? { naegeleDueDate: due.naegele } : {}),
          ...(due.ultrasound ? { ultrasoundDueDate: due.ultrasound } : {}),
        };
      }),
    );
    const expected = new Map<number, string[]>();
    for (const s of all)
      expected.set(pregnancyOf(this, s), [...(expected.get(pregnancyOf(this, s)) ?? []), s.share.name]);
    const problems: string[] = [];
    if (grouping.loose.length) problems.push(`documents without a pregnancy: ${grouping.loose.join(', ')}`);
    const found = grouping.pregnancies.map(
      (p) => `termin ${p.dueDate}: ${[...p.documents].sort().join(', ')}`,
    );
    const wanted = [...expected.values()].map((names) => [...names].sort().join(', '));
    const got = grouping.pregnancies.map((p) => [...p.documents].sort().join(', '));
    if (JSON.stringify([...got].sort()) !== JSON.stringify([...wanted].sort()))
      problems.push(
        `GMv2 grouping finds ${grouping.pregnancies.length} pregnancies (${found.join(' | ')}), expected ${expected.size}: ${wanted.join(' | ')}`,
      );
    this.verify('pregnancy grouping', problems, {
      expected: `${scenarioOf(this).visits.filter((v, i) => i === 0 || v.newPregnancy).length} pregnancies, each with its own documents`,
    });
  },
);
