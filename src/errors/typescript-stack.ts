import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../run/package-root.ts';

const DIST = join(PACKAGE_ROOT, 'dist');
const FRAME = /(file:\/\/\/[^\s()]+?|\/[^\s():]+?)\.js:(\d+):(\d+)/g;

/**
 * A stack trace of the compiled CLI with each frame in dist/ pointing at its TypeScript file and line again, read
 * from the .js.map tsc wrote next to the file. Node's source map support stays off at run time (it would parse
 * every dependency's maps, 7 MB for pdfjs alone); the maps are read here, only when a stack is printed.
 */
export function typescriptStack(stack: string): string {
  const maps = new Map<string, SourceMap | undefined>();
  return stack.replace(FRAME, (frame, base: string, line: string, column: string) => {
    const file = `${base.startsWith('file:') ? fileURLToPath(base) : base}.js`;
    if (relative(DIST, file).startsWith('..')) return frame;
    if (!maps.has(file)) maps.set(file, readMap(file));
    const entry = maps.get(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return frame;
    const source = fileURLToPath(new URL(entry.originalSource, pathToFileURL(file)));
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

function readMap(file: string): SourceMap | undefined {
  try {
    return new SourceMap(
      JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0],
    );
  } catch {
    return undefined;
  }
}
