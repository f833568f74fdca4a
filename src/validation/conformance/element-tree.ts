import { MEDPLUM_ADDITIONS } from '../packages/r4-core.ts';
import type { ElementDefinition, StructureDefinition } from './definitions.ts';

/** One element of a snapshot, with its children and (when it is sliced) its slices. */
export interface ElementNode {
  def: ElementDefinition;
  /** Last path segment, e.g. `recordedDate`, `onset[x]`. */
  name: string;
  children: ElementNode[];
  slices: ElementNode[];
  tree: ElementTree;
}

/** A StructureDefinition's snapshot as a tree, so an instance can be walked alongside it. */
export interface ElementTree {
  sd: StructureDefinition;
  root: ElementNode;
  byId: Map<string, ElementNode>;
}

// Medplum's R4 Meta carries server elements; packages snapshotted against it inherited them (e.g. Composition.meta.project).
const MEDPLUM_BASE_PATHS = new Set(Object.values(MEDPLUM_ADDITIONS).flat());

/** Builds the tree of a snapshot. Element ids give the structure: `a.b` is a child of `a`, `a.b:s` a slice of `a.b`. */
export function buildElementTree(
  sd: StructureDefinition,
  elements: readonly ElementDefinition[],
): ElementTree {
  const byId = new Map<string, ElementNode>();
  const tree = { sd, byId } as ElementTree;
  for (const def of elements) {
    if (def.base && MEDPLUM_BASE_PATHS.has(def.base.path)) continue;
    const node: ElementNode = { def, name: lastPathSegment(def.path), children: [], slices: [], tree };
    const { parentId, isSlice } = parentOf(def.id);
    if (parentId === undefined) {
      tree.root = node;
    } else {
      const parent = byId.get(parentId);
      if (!parent) continue; // under an element that was dropped
      (isSlice ? parent.slices : parent.children).push(node);
    }
    byId.set(def.id, node);
  }
  if (!tree.root) throw new Error(`StructureDefinition ${sd.url} has no snapshot root element`);
  return tree;
}

function parentOf(id: string): { parentId?: string; isSlice: boolean } {
  // Slice names hold characters like "-" and "/" (reslicing) but not ".", so the last "." separates the segments.
  const dot = id.lastIndexOf('.');
  const segment = dot === -1 ? id : id.slice(dot + 1);
  const colon = segment.indexOf(':');
  if (colon !== -1) {
    const slice = segment.slice(colon + 1);
    const reslice = slice.lastIndexOf('/');
    const base =
      reslice === -1 ? segment.slice(0, colon) : `${segment.slice(0, colon)}:${slice.slice(0, reslice)}`;
    return { parentId: dot === -1 ? base : `${id.slice(0, dot)}.${base}`, isSlice: true };
  }
  return dot === -1 ? { isSlice: false } : { parentId: id.slice(0, dot), isSlice: false };
}

function lastPathSegment(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? path : path.slice(dot + 1);
}

/** The node a `contentReference` (`#Bundle.link`) points to, in the same tree. */
export function contentTarget(node: ElementNode): ElementNode | undefined {
  const ref = node.def.contentReference;
  if (!ref) return undefined;
  const id = ref.slice(ref.indexOf('#') + 1);
  return node.tree.byId.get(id);
}

/** The fixed[x] or pattern[x] of an element, whichever it has. */
export function fixedOrPattern(
  def: ElementDefinition,
): { kind: 'fixed' | 'pattern'; value: unknown } | undefined {
  for (const key of Object.keys(def)) {
    if (key.startsWith('fixed')) return { kind: 'fixed', value: def[key] };
    if (key.startsWith('pattern')) return { kind: 'pattern', value: def[key] };
  }
  return undefined;
}
