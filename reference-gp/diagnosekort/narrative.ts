// Narrative text for every resource: restricted XHTML with the resource id and Danish text, escaped, no scripts.

const XHTML = 'http://www.w3.org/1999/xhtml';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * A generated narrative: a heading with the resource's id (MedCom narrative governance; the narrative sits in the
 * resource, so its type goes without saying), then one paragraph per line of Danish text.
 */
export function narrative(id: string, heading: string, lines: string[]): fhir4.Narrative {
  const body = [`<p><b>${escapeHtml(heading)}</b> (id ${escapeHtml(id)})</p>`]
    .concat(lines.map((line) => `<p>${escapeHtml(line)}</p>`))
    .join('');
  return { status: 'generated', div: `<div xmlns="${XHTML}" lang="da" xml:lang="da">${body}</div>` };
}
