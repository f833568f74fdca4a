// The test protocol as MedCom writes it (front page, section 2, step tables with Actual result and MedCom
// assessment), filled in from a run's record, or left empty for a protocol to review. One model, rendered as HTML
// and DOCX (html.ts, docx.ts) and packed with its evidence (package.ts).
import type { OfficialProtocolRef } from '../../protocols/schema.ts';
import type { CertificationResult, CheckpointResult, ProtocolResult } from '../../result/types.ts';
import { ASSESSOR_ONLY } from '../../checks/pending-reasons.ts';
import { evidenceNames, type NamedFile } from './evidence-names.ts';

export interface ProtocolRow {
  step: string;
  action: string;
  testData: string;
  expected: string;
  /** What certbench found, in words, with the evidence files named by MedCom's convention. */
  actual: string;
  /** OK, F1–F4, Ikke relevant, Afventer, Dispensation …, or empty in a blank protocol (MedCom's "Choose"). */
  assessment: string;
  evidence: string[];
}

export interface ProtocolSection {
  number: string;
  title: string;
  rows: ProtocolRow[];
}

export interface TestProtocolDocument {
  /** MedCom's protocol, or certbench's draft where MedCom has published none. */
  kind: 'official' | 'draft';
  title: string;
  standard: { en: string; da: string; version: string; type: string };
  protocol: { id: string; version: string; date?: string; source?: string };
  changelog: { version: string; date: string; description: string }[];
  /** Section 2, from the profile and the run; absent in a blank protocol. */
  information?: { label: string; value: string }[];
  sections: ProtocolSection[];
  /** The end: the approval by MedCom's rule, and what certbench did not judge. */
  conclusion?: string[];
  files: NamedFile[];
}

const STATUS_WORD: Record<CheckpointResult['status'], string> = {
  passed: 'passed',
  failed: 'failed',
  waived: 'failed, waived',
  pending: 'pending',
  'not-applicable': 'not applicable',
  'harness-error': 'not judged (certbench error)',
};

/** The MedCom assessment of a step from its checkpoints: the worst verdict decides. */
export function assessmentOf(checkpoints: CheckpointResult[]): string {
  const worst = (status: CheckpointResult['status']) => checkpoints.filter((c) => c.status === status);
  const failed = worst('failed');
  if (worst('harness-error').length > 0) return 'Afventer (certbench kunne ikke vurdere)';
  if (failed.length > 0) {
    const grades = failed.map((c) => c.assessment?.decision ?? c.grade).sort();
    return grades[0] ?? 'F1';
  }
  const pending = worst('pending')[0];
  if (pending?.message?.startsWith(ASSESSOR_ONLY)) return "Afventer: the assessor's judgement";
  if (pending) return `Afventer: ${pending.message ?? ''}`.trim();
  const waived = worst('waived')[0];
  if (waived?.waiver) return `Dispensation ${waived.waiver.id} (udløber ${waived.waiver.expires})`;
  const notApplicable = worst('not-applicable');
  if (notApplicable.length === checkpoints.length && notApplicable[0])
    return `Ikke relevant: ${notApplicable[0].message ?? ''}`.trim();
  return 'OK';
}

function actualOf(checkpoints: CheckpointResult[], files: string[]): string {
  const lines = checkpoints.map((c) => {
    const assessed = c.assessment
      ? ` Assessed ${c.assessment.decision} by ${c.assessment.assessor}${c.assessment.comment ? `: ${c.assessment.comment}` : ''}.`
      : '';
    const message = c.message && c.status !== 'passed' ? `: ${c.message}` : '';
    return `${c.id} ${c.title}: ${STATUS_WORD[c.status]}${message}.${assessed}`;
  });
  if (files.length > 0) lines.push(`Evidence: ${files.join(', ')}`);
  return lines.join('\n');
}

/** Builds the document for one protocol; without a run, the Actual result and MedCom assessment columns are empty. */
export function testProtocolDocument(
  protocol: ProtocolResult,
  run?: { result: CertificationResult },
): TestProtocolDocument {
  const result = run?.result;
  const official = protocol.officialProtocol;
  const files = result ? evidenceNames(protocol, result.evidence) : [];
  const filesOf = (step: string) => files.filter((f) => f.step === step).map((f) => f.name);
  const row = (
    step: string,
    texts: Omit<ProtocolRow, 'step' | 'actual' | 'assessment' | 'evidence'>,
    checkpoints: CheckpointResult[],
    reason?: string,
  ): ProtocolRow => {
    const evidence = filesOf(step);
    if (!result)
      return { step, ...texts, actual: reason ? `certbench: ${reason}` : '', assessment: '', evidence };
    if (checkpoints.length === 0)
      return {
        step,
        ...texts,
        actual: `Not judged by certbench: ${reason ?? 'no checkpoint'}${evidence.length ? `\nEvidence: ${evidence.join(', ')}` : ''}`,
        assessment: 'Ikke vurderet af certbench',
        evidence,
      };
    // A manual checkpoint of an automatic run is judged on its observable part only: the assessor's part is open.
    const unassessed = checkpoints.some((c) => c.mode === 'manual' && !c.assessment && c.status === 'passed');
    const assessment = assessmentOf(checkpoints);
    return {
      step,
      ...texts,
      actual: actualOf(checkpoints, evidence),
      assessment:
        unassessed && assessment === 'OK'
          ? "OK (observable part); the assessor's part: Afventer"
          : assessment,
      evidence,
    };
  };

  const sections = official ? officialSections(protocol, official, row) : draftSections(protocol, row);
  return {
    kind: official ? 'official' : 'draft',
    title: official?.title ?? `Test protocol (certbench draft) for ${protocol.title}`,
    standard: official?.standard ?? {
      en: protocol.standard.name,
      da: protocol.title,
      version: protocol.standard.version,
      type: 'certbench model (no public MedCom test protocol)',
    },
    protocol: {
      id: protocol.id,
      version: official?.version ?? protocol.version,
      ...(official
        ? {
            date: official.date,
            source: `${official.source.repository} @ ${official.source.commit}, ${official.source.path}`,
          }
        : {}),
    },
    changelog: official?.changelog ?? [],
    ...(result
      ? { information: information(result, protocol), conclusion: conclusion(protocol, sections) }
      : {}),
    sections,
    files,
  };
}

type RowMaker = (
  step: string,
  texts: Omit<ProtocolRow, 'step' | 'actual' | 'assessment' | 'evidence'>,
  checkpoints: CheckpointResult[],
  reason?: string,
) => ProtocolRow;

function officialSections(
  protocol: ProtocolResult,
  official: OfficialProtocolRef,
  row: RowMaker,
): ProtocolSection[] {
  const implementing = (step: string) => protocol.checkpoints.filter((c) => c.officialSteps?.includes(step));
  const reasons = new Map(official.notCovered.flatMap((n) => n.steps.map((s) => [s, n.reason] as const)));
  const sections: ProtocolSection[] = official.sections.map((section) => ({
    number: section.number,
    title: section.title,
    rows: official.steps
      .filter((s) => s.section === section.number)
      .map((s) =>
        row(
          s.number,
          { action: s.action, testData: s.testData ?? '', expected: s.expected },
          implementing(s.number),
          reasons.get(s.number),
        ),
      ),
  }));
  const own = protocol.checkpoints.filter((c) => !c.officialSteps);
  if (own.length > 0)
    sections.push({
      number: 'certbench',
      title: `certbench's own checks beyond ${official.title} ${official.version} (provisional, each with its source)`,
      rows: own.map((c) => row(c.id, ownTexts(c), [c])),
    });
  return sections;
}

function ownTexts(c: CheckpointResult): Omit<ProtocolRow, 'step' | 'actual' | 'assessment' | 'evidence'> {
  const requirements = c.requirements.map((r) => r.text).join('\n');
  return {
    action: c.title,
    testData: '',
    expected: c.provisional ? `${requirements}\nProvisional: ${c.provisional.source}` : requirements,
  };
}

function draftSections(protocol: ProtocolResult, row: RowMaker): ProtocolSection[] {
  return protocol.useCases.map((useCase) => ({
    number: useCase.id,
    title: `${useCase.title}${useCase.mandatory ? '' : ' (optional)'}`,
    rows: protocol.checkpoints
      .filter((c) => c.useCase === useCase.id)
      .map((c) => row(c.id, ownTexts(c), [c])),
  }));
}

function information(
  result: CertificationResult,
  protocol: ProtocolResult,
): { label: string; value: string }[] {
  const assessors = [
    ...new Set(protocol.checkpoints.flatMap((c) => (c.assessment ? [c.assessment.assessor] : []))),
  ];
  return [
    { label: 'Company', value: result.sut.vendor },
    { label: 'System', value: result.sut.system },
    { label: 'Version', value: result.sut.version },
    ...(protocol.variant ? [{ label: 'Set-up (variant)', value: protocol.variant }] : []),
    { label: 'Test type', value: result.run.mode === 'certify' ? 'Final test/certification' : 'Self-test' },
    { label: 'Test date', value: result.run.startedAt.slice(0, 10) },
    {
      label: 'Driver',
      value: result.run.driver === 'manual' ? 'manual (testcamp operator)' : 'automation API (http)',
    },
    {
      label: 'Carried out by',
      value: assessors.length > 0 ? assessors.join(', ') : 'certbench (automatic run)',
    },
    { label: 'Run', value: `${result.run.id} (certbench ${result.certbench.version})` },
  ];
}

function conclusion(protocol: ProtocolResult, sections: ProtocolSection[]): string[] {
  const rows = sections.flatMap((s) => s.rows);
  const blocking = rows.filter((r) => /^F[123]$/.test(r.assessment)).map((r) => r.step);
  const open = rows.filter((r) => r.assessment.includes('Afventer')).map((r) => r.step);
  const notJudged = rows.filter((r) => r.assessment === 'Ikke vurderet af certbench').map((r) => r.step);
  return [
    'MedCom: approval requires exclusively [F4] and [OK] results; every F1, F2 and F3 must be fixed before final approval.',
    `certbench's verdict: ${protocol.approval}.`,
    ...(blocking.length > 0 ? [`Steps with F1–F3: ${blocking.join(', ')}.`] : []),
    ...(open.length > 0 ? [`Steps pending: ${open.join(', ')}.`] : []),
    ...(notJudged.length > 0
      ? [`Steps not judged by certbench (see the reason in each row): ${notJudged.join(', ')}.`]
      : []),
  ];
}
