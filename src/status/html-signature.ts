// A run's signature on the pages: a mark with its word (verified, not checked, not signed, does not verify and why),
// the signer and the technical reason on hover. A self-test that is not signed carries no mark: that is its normal.
import { html, type Html } from './html-escape.ts';
import type { StatusTexts } from './texts.ts';
import type { CellRun } from './types.ts';

const SYMBOL = { verified: '✔', 'not-checked': '?', 'not-signed': '–', 'not-verified': '✘' } as const;

export function signatureMark(run: Pick<CellRun, 'signature' | 'mode'>, t: StatusTexts): Html {
  const s = run.signature;
  if (!s || (run.mode === 'self-test' && s.state === 'not-signed')) return html``;
  const word = t.signature.state[s.state];
  if (s.state === 'not-verified')
    return html`<span
      class="sig sig-not-verified"
      data-signature="${s.state}"
      data-failure="${s.failure}"
      title="${s.detail}"
      ><span aria-hidden="true">${SYMBOL[s.state]} </span>${word}: ${t.signature.failure[s.failure]}
      (<code>${s.file}</code>)</span
    >`;
  const by =
    (s.state === 'verified' || s.state === 'not-checked') && s.signer && s.signedAt
      ? t.signature.signedBy(s.signer, t.shortDate(s.signedAt))
      : '';
  return html`<span class="sig sig-${s.state}" data-signature="${s.state}" title="${by}"
    ><span aria-hidden="true">${SYMBOL[s.state]} </span>${word}</span
  >`;
}
