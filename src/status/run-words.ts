// How a run's outcome is named: MedCom's approval words belong to certifications; a self-test has words of its own,
// so no reader takes a vendor's own test for an approval; a run that judged nothing is not tested.
import { APPROVAL_CLASS } from './approval-marks.ts';
import type { StatusTexts } from './texts.ts';
import type { CellRun } from './types.ts';

type Outcome = Pick<CellRun, 'approval' | 'mode'> & Partial<Pick<CellRun, 'refused' | 'recordedApproval'>>;

/** The outcome in words; a refused certification says what it claims and that it does not count. */
export function outcomeWord(run: Outcome, t: StatusTexts): string {
  if (run.refused)
    return t.signature.refused(run.recordedApproval ? t.approval[run.recordedApproval] : undefined);
  if (run.approval === 'not-tested') return t.approval['not-tested'];
  return run.mode === 'self-test' ? t.selfTestApproval[run.approval] : t.approval[run.approval];
}

/** CSS classes: the approval's colour, and the self-test's own look (dashed border, hatching). */
export function outcomeClasses(run: Outcome): string {
  const mode = run.approval !== 'not-tested' && run.mode === 'self-test' ? ' m-self-test' : '';
  return `a-${APPROVAL_CLASS[run.approval]}${mode}${run.refused ? ' sig-refused' : ''}`;
}
