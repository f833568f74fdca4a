import { relative } from 'node:path';
import { PACKAGE_ROOT } from '../run/package-root.ts';
import { loadKnownIssues, KNOWN_ISSUES_FILE, type KnownIssueList } from './known-issues/load.ts';
import { packageKey, type PackageRef } from './packages/package-ref.ts';
import type { PackageOrigin } from './packages/store.ts';
import { createValidator, type Validator } from './validator/validator.ts';
import { validatorVersion, type ValidatorVersion } from './version.ts';

// Loading is the costly part (about a second on first use): one validator per cache folder and root package, and one
// known-issue list, per process.
const validators = new Map<string, { cacheFolder: string; pending: Promise<Validator> }>();
const knownIssueLists = new Map<string, Promise<KnownIssueList>>();

/** The validator for a root package (e.g. medcom.fhir.dk.conditionlist#1.0.1) from a cache folder, loaded once. */
export function sharedValidator(cacheFolder: string, rootPackage: PackageRef): Promise<Validator> {
  const key = `${cacheFolder}\0${packageKey(rootPackage)}`;
  let entry = validators.get(key);
  if (!entry) {
    entry = { cacheFolder, pending: createValidator(cacheFolder, rootPackage) };
    validators.set(key, entry);
    entry.pending.catch(() => validators.delete(key));
  }
  return entry.pending;
}

/** The known-issue list (certbench's own unless another file is given), read once. */
export function sharedKnownIssues(file: string = KNOWN_ISSUES_FILE): Promise<KnownIssueList> {
  let pending = knownIssueLists.get(file);
  if (!pending) {
    pending = loadKnownIssues(file);
    knownIssueLists.set(file, pending);
    pending.catch(() => knownIssueLists.delete(file));
  }
  return pending;
}

/** What a result must record about FHIR validation: validator version, packages by id and version, known issues. */
export interface ValidationRecord {
  validator: ValidatorVersion;
  /** Root package of the closure, `id#version`. */
  root: string;
  cacheFolder: string;
  packages: { id: string; version: string; origin: PackageOrigin }[];
  /** Versions named by some package but not used, because a package nearer the root names another. */
  superseded: { package: string; requiredBy: string; used: string }[];
  knownIssues?: { file: string; sha256: string; ids: string[] };
}

/**
 * Every validator loaded in this process so far, described for `certification-result.json` (with the known-issue
 * lists read). Empty when no checkpoint validated anything.
 */
export async function validationRecords(): Promise<ValidationRecord[]> {
  const lists = await Promise.all([...knownIssueLists.values()].map((p) => p.catch(() => undefined)));
  const list = lists.find((l) => l !== undefined);
  const records: ValidationRecord[] = [];
  for (const { cacheFolder, pending } of validators.values()) {
    const validator = await pending.catch(() => undefined);
    if (!validator) continue;
    const { closure } = validator;
    records.push({
      validator: validatorVersion(),
      root: packageKey(closure.root),
      cacheFolder,
      packages: closure.packages.map(({ pkg, origin }) => ({ ...pkg.ref, origin })),
      superseded: closure.superseded.map((s) => ({
        package: packageKey(s.ref),
        requiredBy: packageKey(s.requiredBy),
        used: s.used,
      })),
      ...(list
        ? {
            knownIssues: {
              file: relative(PACKAGE_ROOT, list.file),
              sha256: list.sha256,
              ids: list.entries.map((e) => e.id),
            },
          }
        : {}),
    });
  }
  return records;
}
