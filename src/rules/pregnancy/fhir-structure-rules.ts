// FHIR binding, structure rules of the SDS draft (GMDocumentBundle, GMDocumentComposition) that the neutral model
// does not carry: the Bundle as a document, and the Composition elements the draft constrains away.
import type { Resource } from '../../fhir/bundle.ts';
import { compositionOf, FORBIDDEN_COMPOSITION } from './fhir-reader.ts';

/** Composition.status final, one type coding, one section, and none of the elements the draft forbids. */
export function compositionConstraints(bundle: unknown): string[] {
  const composition: Resource | undefined = compositionOf(bundle);
  if (!composition) return ['the document has no Composition as its first entry'];
  const problems: string[] = [];
  if (composition['status'] !== 'final')
    problems.push(`Composition.status is ${JSON.stringify(composition['status'])}, expected "final"`);
  const codings = (composition['type'] as { coding?: unknown[] } | undefined)?.coding ?? [];
  if (codings.length !== 1)
    problems.push(`Composition.type has ${codings.length} codings, expected exactly one`);
  const sections = (composition['section'] as unknown[] | undefined) ?? [];
  if (sections.length !== 1)
    problems.push(`Composition has ${sections.length} sections, expected exactly one`);
  const present = FORBIDDEN_COMPOSITION.filter((name) => composition[name] !== undefined);
  if (present.length > 0)
    problems.push(
      `Composition has ${present.map((p) => `${p}`).join(', ')}, which the draft does not allow (0..0)`,
    );
  return problems;
}
