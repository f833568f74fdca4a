// Narrative text for every resource: restricted XHTML with the resource id and its content, escaped, no scripts.

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
 * A narrative: a heading with the resource's id (MedCom narrative governance), then one paragraph per line of text.
 */
export function narrative(id: string, heading: string, lines: string[]): fhir4.Narrative {
  const body = [`<p><b>${escapeHtml(heading)}</b> (id ${escapeHtml(id)})</p>`]
    .concat(lines.map((line) => `<p>${escapeHtml(line)}</p>`))
    .join('');
  return { status: 'generated', div: `<div xmlns="${XHTML}" lang="da" xml:lang="da">${body}</div>` };
}

/** Every value an element carries, nested ones in their JSON order (a coding's system, code and display, …). */
function valuesOf(value: unknown): unknown[] {
  return typeof value === 'object' ? Object.values(value ?? {}).flatMap(valuesOf) : [value];
}

/**
 * The resource with a narrative generated from its own content, as the FHIR IG Publisher makes the narratives of
 * MedCom's examples: the resource type and id, then each element with every value it carries (what is absent in the
 * JSON is absent here too). So the narrative shows exactly what the resource says — the diagnosis with its codes,
 * statuses and dates, the patient's CPR and name, references as ids — and nothing it does not. `more` adds what a
 * reader needs from another resource (the author institution's name).
 */
export function withNarrative<R extends { resourceType: string; id: string }>(
  resource: R,
  ...more: string[]
): R & { text: fhir4.Narrative } {
  const { resourceType, id, ...elements } = resource;
  // Through JSON: undefined elements are left out, as the serialisation leaves them out.
  const shown = JSON.parse(JSON.stringify(elements)) as Record<string, unknown>;
  const lines = Object.entries(shown).map(([name, value]) => `${name}: ${valuesOf(value).join(', ')}`);
  return { ...resource, text: narrative(id, resourceType, lines.concat(more)) };
}
