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

/** A generated narrative: a heading naming the resource and its id, then one paragraph per line of Danish text. */
export function narrative(
  resourceType: string,
  id: string,
  heading: string,
  lines: string[],
): fhir4.Narrative {
  const body = [`<p><b>${escapeHtml(heading)}</b> (${resourceType} ${escapeHtml(id)})</p>`]
    .concat(lines.map((line) => `<p>${escapeHtml(line)}</p>`))
    .join('');
  return { status: 'generated', div: `<div xmlns="${XHTML}" lang="da" xml:lang="da">${body}</div>` };
}
