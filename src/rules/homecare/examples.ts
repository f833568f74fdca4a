// MedCom's official HomeCareObservation receive test examples, vendored under protocols/data (see the README
// there): the messages certbench delivers start from these files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../run/package-root.ts';

export const EXAMPLES = {
  // The test examples of MedCom's receive test protocol 1.2.1 (compiled from the IG's FSH).
  'Test example 1': 'homecareobservation-1.2.1-test-example-1.json',
  'Test example 2': 'homecareobservation-1.2.1-test-example-2.json',
  'Test example 3': 'homecareobservation-1.2.1-test-example-3.json',
  'Test example 4': 'homecareobservation-1.2.1-test-example-4.json',
  // The earlier TestScript examples, which protocol 1.2.1 still names for 3.2.2 and 3.2.3.
  'R1-3.3.1.1': 'homecareobservation-r1-3.3.1.1-basic.json',
  'R1-3.3.2.1': 'homecareobservation-r1-3.3.2.1-basic-with-file-and-comments.json',
  'R1-3.3.2.4': 'homecareobservation-r1-3.3.2.4-basic-with-file-no-comments.json',
  'R1A1-3.3.3.1': 'homecareobservation-r1a1-3.3.3.1-refused-consent-no-comments.json',
  '3.4.1': 'homecareobservation-3.4.1-ecpr-no-comments.json',
  '3.4.5': 'homecareobservation-3.4.5-big-example.json',
} as const;

export type ExampleId = keyof typeof EXAMPLES;

/** Where each vendored example comes from, relative to shared/examples/medcom (the copies must stay equal). */
export function sharedSourceOf(id: ExampleId): string {
  const match = /^Test example (\d)$/.exec(id);
  return match
    ? `homecareobservation-testprotocol-1.2.1/receive-test-example-${match[1] ?? ''}.json`
    : EXAMPLES[id];
}

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
