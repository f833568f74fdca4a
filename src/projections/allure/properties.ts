/**
 * Java `.properties` text, as `environment.properties` must be. Non-ASCII is written as `\uXXXX`, because
 * Allure 2 reads the file as ISO-8859-1 and Danish names (æ, ø, å) would otherwise be garbled.
 */
export function formatProperties(entries: readonly (readonly [string, string])[]): string {
  return entries.map(([key, value]) => `${escape(key, true)}=${escape(value, false)}\n`).join('');
}

function escape(text: string, isKey: boolean): string {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    const code = text.charCodeAt(index);
    if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '\f') out += '\\f';
    // In a key these end the key; at the start of a value a space would be dropped.
    else if ((isKey && '=: #!'.includes(char)) || (!isKey && char === ' ' && index === 0)) out += `\\${char}`;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return out;
}
