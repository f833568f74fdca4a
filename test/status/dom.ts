// Just enough reading of the DOM Chromium dumps (`--dump-dom` serialises it in a regular form) to find elements by
// tag and attributes and read their text as a person would.

export interface Element {
  attributes: Record<string, string>;
  /** Inner markup as serialised by the browser. */
  inner: string;
  /** Text content, entities decoded, whitespace collapsed. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', '#39': "'" };

export function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|nbsp|#39);/g, (_m, name: string) => ENTITIES[name] ?? '');
}

/** Every `<tag …>…</tag>` (not nested in itself) with its attributes and text. */
export function elements(dom: string, tag: string): Element[] {
  const found: Element[] = [];
  for (const match of dom.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))) {
    const attributes: Record<string, string> = {};
    for (const [, name = '', value = ''] of (match[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g))
      attributes[name] = decode(value);
    const inner = match[2] ?? '';
    found.push({ attributes, inner, text: textOf(inner) });
  }
  return found;
}

/** The text of markup, as it reads (tags dropped, whitespace collapsed). */
export function textOf(markup: string): string {
  return decode(markup.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .replace(/ ([,.:;)])/g, '$1')
    .trim();
}

/** The part of the DOM inside the element with this id. */
export function byId(dom: string, id: string, tag = 'section'): string {
  const start = dom.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no element #${id}`);
  const end = dom.indexOf(`</${tag}>`, start);
  return dom.slice(start, end);
}
