// FHIR R4 primitive types: the JSON type each must have and the regular expression of the specification.
const NUMBER_TYPES = new Set(['integer', 'decimal', 'positiveInt', 'unsignedInt', 'integer64']);

const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[1-2][0-9]|3[0-1])';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';

const PATTERNS: Record<string, RegExp> = {
  date: new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`),
  dateTime: new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME}${ZONE})?)?)?$`),
  instant: new RegExp(`^${YEAR}-${MONTH}-${DAY}T${TIME}${ZONE}$`),
  time: new RegExp(`^${TIME}$`),
  code: /^[^\s]+( [^\s]+)*$/,
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  oid: /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/,
  uuid: /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  uri: /^\S+$/,
  url: /^\S+$/,
  canonical: /^\S+$/,
  base64Binary: /^(\s*([0-9a-zA-Z+/=]){4}\s*)+$/,
};

const EXAMPLES: Record<string, string> = {
  date: 'YYYY, YYYY-MM or YYYY-MM-DD',
  dateTime: 'YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz',
  instant: 'YYYY-MM-DDThh:mm:ss(.sss)+zz:zz',
};

/** Whether a type code is a FHIR primitive (lower-case first letter, as FHIR names them). */
export function isPrimitive(typeCode: string): boolean {
  return /^[a-z]/.test(typeCode);
}

/** Problems with a primitive value, or none: JSON type, lexical form, range, real calendar dates. */
export function primitiveProblem(typeCode: string, value: unknown): string | undefined {
  if (typeCode === 'boolean')
    return typeof value === 'boolean' ? undefined : `must be true or false (JSON boolean)`;
  if (NUMBER_TYPES.has(typeCode)) return numberProblem(typeCode, value);
  if (typeof value !== 'string') return `must be a JSON string (${typeCode}), not ${jsonType(value)}`;
  if (value.length === 0) return 'must not be an empty string (leave the element out instead)';
  const pattern = PATTERNS[typeCode];
  if (pattern && !pattern.test(value))
    return `"${value}" is not a valid ${typeCode}${EXAMPLES[typeCode] ? ` (${EXAMPLES[typeCode]})` : ''}`;
  if ((typeCode === 'date' || typeCode === 'dateTime' || typeCode === 'instant') && !realDate(value))
    return `"${value}" is not a calendar date`;
  if (typeCode === 'xhtml' && !/^\s*<div[\s>]/.test(value)) return 'narrative must be an XHTML <div> element';
  return undefined;
}

function numberProblem(typeCode: string, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return `must be a JSON number (${typeCode}), not ${jsonType(value)}`;
  if (typeCode === 'decimal') return undefined;
  if (!Number.isInteger(value)) return `${value} is not an integer`;
  if (value > 2147483647 || value < -2147483648) return `${value} is out of range for ${typeCode}`;
  if (typeCode === 'positiveInt' && value < 1) return `${value} must be 1 or more`;
  if (typeCode === 'unsignedInt' && value < 0) return `${value} must be 0 or more`;
  return undefined;
}

function realDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The JSON type of a value, for messages. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
