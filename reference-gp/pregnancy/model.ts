// The values a GMv2 entry can carry, as the reference GP system models them before writing CDA or FHIR.

export interface GmQuantity {
  value: number;
  unit: string;
  /** The unit's code, written where the format has a place for it (FHIR Quantity.code). */
  unitCode?: string;
}

export type GmValue =
  | { type: 'quantity'; quantity: GmQuantity }
  | { type: 'interval'; low?: GmQuantity; high?: GmQuantity }
  | { type: 'dateTime'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'integer'; value: number }
  | { type: 'string'; value: string }
  // The GP's only coded value is the fetal heart sound, written as text (no code list for it is published).
  | { type: 'coded'; text: string };

export interface GmIdentifier {
  system: string;
  value: string;
}

const quantityText = (q: GmQuantity): string => `${q.value} ${q.unit}`;

/** A value as a reader of the narrative sees it: `2025-03-03`, `ja`, `72 kg`, `80–120 mmHg`. */
export function valueText(value: GmValue | undefined): string {
  if (value === undefined) return '';
  if (value.type === 'quantity') return quantityText(value.quantity);
  if (value.type === 'interval')
    return [value.low, value.high].map((q) => (q ? quantityText(q) : '?')).join(' – ');
  if (value.type === 'coded') return value.text;
  if (value.type === 'boolean') return value.value ? 'ja' : 'nej';
  return String(value.value);
}
