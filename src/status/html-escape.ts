// Results carry vendor-provided strings (vendor, system, version, waiver reasons): all of it is text, never markup.
// Control characters (other than tab and line breaks) and lone surrogates become U+FFFD, as in the XML projections.
const NOT_TEXT =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for element content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(NOT_TEXT, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A tagged template that escapes every interpolated value unless it is already `Html`. */
export function html(strings: TemplateStringsArray, ...values: (string | number | Html)[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += (value instanceof Html ? value.text : escapeHtml(String(value))) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup that is already safe (built by `html` or from escaped parts). */
export class Html {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

/** Joins safe fragments. */
export function joinHtml(parts: readonly Html[], separator = ''): Html {
  return new Html(parts.map((p) => p.text).join(separator));
}
