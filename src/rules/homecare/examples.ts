// MedCom's official HomeCareObservation receive test examples, vendored under protocols/data (see the README
// there): the messages certbench delivers start from these files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../run/package-root.ts';

export const EXAMPLES = {
  'R1-3.3.1.1': 'homecareobservation-r1-3.3.1.1-basic.json',
  'R1-3.3.2.1': 'homecareobservation-r1-3.3.2.1-basic-with-file-and-comments.json',
  'R1-3.3.2.4': 'homecareobservation-r1-3.3.2.4-basic-with-file-no-comments.json',
  'R1A1-3.3.3.1': 'homecareobservation-r1a1-3.3.3.1-refused-consent-no-comments.json',
  '3.4.1': 'homecareobservation-3.4.1-ecpr-no-comments.json',
  '3.4.5': 'homecareobservation-3.4.5-big-example.json',
} as const;

export type ExampleId = keyof typeof EXAMPLES;

export const EXAMPLES_DIR = join(PACKAGE_ROOT, 'protocols', 'data', 'kommunale-proevesvar');

const cache = new Map<ExampleId, string>();

export function isExampleId(id: string): id is ExampleId {
  return Object.hasOwn(EXAMPLES, id);
}

/** A fresh deep copy of an official example, safe to change. */
export function loadExample(id: ExampleId): fhir4.Bundle {
  let text = cache.get(id);
  if (text === undefined) {
    text = readFileSync(join(EXAMPLES_DIR, EXAMPLES[id]), 'utf8');
    cache.set(id, text);
  }
  return JSON.parse(text) as fhir4.Bundle;
}
