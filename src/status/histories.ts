// A page per system: every protocol version it ran, with all its runs (the dated trend) and the cell that counts.
import type { CellHistory } from './cells.ts';
import { cellKey } from './identity.ts';
import type { ProtocolRow, StatusCell, SystemColumn, SystemHistory } from './types.ts';

/** The systems' histories in the order of `systems`, protocols in the matrix's row order. */
export function systemHistories(
  systems: readonly SystemColumn[],
  protocols: readonly ProtocolRow[],
  histories: ReadonlyMap<string, CellHistory>,
  cells: ReadonlyMap<string, StatusCell>,
): SystemHistory[] {
  const slugs = systemSlugs(systems);
  return systems.map((system) => ({
    system,
    slug: slugs.get(system.key) ?? 'system',
    protocols: protocols.flatMap((protocol) => {
      const key = cellKey(protocol.key, system.key);
      const history = histories.get(key);
      const cell = cells.get(key);
      return history && cell ? [{ protocol, runs: history.runs, cell }] : [];
    }),
  }));
}

/** File names for the systems' pages: readable ASCII from vendor and system, numbered where two would meet. */
export function systemSlugs(systems: readonly SystemColumn[]): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const system of systems) {
    const base = slugify(`${system.vendor} ${system.system}`) || 'system';
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(system.key, slug);
  }
  return slugs;
}

const DANISH_LETTERS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøå]/g, (letter) => DANISH_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** The anchor of a protocol version on a system page. */
export function protocolAnchor(protocol: ProtocolRow): string {
  return `p-${slugify([protocol.id, protocol.variant ?? '', protocol.version].join(' '))}`;
}
