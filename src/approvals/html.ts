// The approvals list as a page, in Danish or English: one row per standard version × system version.
import { escapeHtml } from '../status/html-escape.ts';
import type { Approval } from '../result/types.ts';
import type { ApprovalsList } from './model.ts';
import { VERIFY_FAILURE_TEXTS } from '../signing/failure-texts.ts';

export type ApprovalsLanguage = 'da' | 'en';

const TEXTS = {
  da: {
    title: 'Godkendte systemer',
    intro:
      'Godkendelser af lægepraksissystemer efter MedComs standarder, fra certificeringer som MedCom har signeret og som er verificeret. Selvtest indgår ikke.',
    generated: 'Dannet',
    headings: [
      'Standard',
      'Testprotokol',
      'Leverandør',
      'System',
      'Version',
      'Status',
      'Dato',
      'Dispensationer',
      'Signeret resultat',
    ],
    approval: {
      Godkendt: 'Godkendt',
      'Delvist godkendt': 'Delvist godkendt',
      'Ikke godkendt': 'Ikke godkendt',
    },
    expires: 'udløber',
    none: 'Ingen verificerede certificeringer.',
    refused: 'Udeladt, fordi signaturen ikke kan verificeres',
    record: 'resultat',
    signature: 'signatur',
    other: 'English',
  },
  en: {
    title: 'Approved systems',
    intro:
      "Approvals of GP systems against MedCom's standards, from certifications signed by MedCom and verified. Self-tests are not included.",
    generated: 'Generated',
    headings: [
      'Standard',
      'Test protocol',
      'Vendor',
      'System',
      'Version',
      'Status',
      'Date',
      'Dispensations',
      'Signed result',
    ],
    approval: {
      Godkendt: 'Approved (Godkendt)',
      'Delvist godkendt': 'Partly approved (Delvist godkendt)',
      'Ikke godkendt': 'Not approved (Ikke godkendt)',
    },
    expires: 'expires',
    none: 'No verified certifications.',
    refused: 'Left out because the signature does not verify',
    record: 'result',
    signature: 'signature',
    other: 'Dansk',
  },
} as const;

const CLASS: Record<Approval, string> = { Godkendt: 'ok', 'Delvist godkendt': 'part', 'Ikke godkendt': 'no' };
const SYMBOL: Record<Approval, string> = { Godkendt: '✔', 'Delvist godkendt': '◐', 'Ikke godkendt': '✘' };

export function renderApprovalsHtml(list: ApprovalsList, lang: ApprovalsLanguage): string {
  const t = TEXTS[lang];
  const e = escapeHtml;
  const rows = list.entries
    .map(
      (entry) => `<tr>
<td>${e(entry.standard)}</td>
<td>${e(entry.protocol.title)} <span class="small">${e(entry.protocol.id)}${entry.protocol.variant ? ` (${e(entry.protocol.variant)})` : ''} ${e(entry.protocol.version)}</span></td>
<td>${e(entry.vendor)}</td>
<td>${e(entry.system)}</td>
<td>${e(entry.systemVersion)}</td>
<td class="${CLASS[entry.approval]}"><span aria-hidden="true">${SYMBOL[entry.approval]}</span> ${e(t.approval[entry.approval])}</td>
<td>${e(entry.date)}</td>
<td>${entry.dispensations.map((d) => `${e(d.id)} (${t.expires} ${e(d.expires)})`).join('<br>')}</td>
<td><a href="${e(entry.record)}">${t.record}</a> · <a href="${e(entry.signature)}">${t.signature}</a></td>
</tr>`,
    )
    .join('\n');
  const refused =
    list.refused.length === 0
      ? ''
      : `<h2>${t.refused}</h2><ul>${list.refused
          .map(
            (r) =>
              `<li data-failure="${e(r.failure)}"><code>${e(r.file)}</code>: ${e(VERIFY_FAILURE_TEXTS[lang][r.failure])} (<code>${e(r.at)}</code>)${lang === 'en' ? `: ${e(r.reason)}` : ''}</li>`,
          )
          .join('')}</ul>`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${t.title}</title>
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; margin: 1.5rem; color: #111; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #9a9a9a; padding: .25rem .4rem; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
.small { font-size: .85em; color: #333; }
.ok { background: #dcf1e0; color: #1d5e2c; } .part { background: #ffeeb8; color: #6b4700; } .no { background: #f9d9d9; color: #8f1717; }
html { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
</style></head>
<body>
<header><h1>${t.title}</h1><p>${t.intro}</p>
<p class="small">${t.generated} ${e(list.generatedAt)} · ${e(list.generator)} · <a href="approvals.${lang === 'da' ? 'en' : 'da'}.html">${t.other}</a> · <a href="approvals.json">JSON</a></p></header>
${
  list.entries.length === 0
    ? `<p>${t.none}</p>`
    : `<table><thead><tr>${t.headings.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>`
}
${refused}
</body></html>
`;
}
