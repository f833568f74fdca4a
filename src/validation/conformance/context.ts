import type { ConformanceResource, FhirPackage } from '../packages/fhir-package.ts';
import {
  canonicalUrl,
  coreDefinitionUrl,
  type CodeSystem,
  type StructureDefinition,
  type ValueSet,
} from './definitions.ts';
import { buildElementTree, type ElementTree } from './element-tree.ts';
import { inheritFromBase } from './inherit.ts';

/** A conformance resource and the package it was found in. */
export interface Found<T> {
  resource: T;
  pkg: FhirPackage;
}

/**
 * Canonical resolution within one package closure (nearest the root first), with the element trees built once.
 * One context per root package: ConditionList and HomeCareObservation each see their own dk.core version.
 */
export class ConformanceContext {
  readonly packages: readonly FhirPackage[];
  private readonly found = new Map<string, Found<ConformanceResource> | null>();
  private readonly trees = new Map<string, ElementTree | null>();

  constructor(packages: readonly FhirPackage[]) {
    this.packages = packages;
  }

  /** The resource with this canonical URL (a `|version` suffix is ignored), searched root first. */
  find(reference: string): Found<ConformanceResource> | undefined {
    const url = canonicalUrl(reference);
    let hit = this.found.get(url);
    if (hit === undefined) {
      hit = null;
      for (const pkg of this.packages) {
        const entry = pkg.entryFor(url);
        if (entry) {
          hit = { resource: pkg.load(entry), pkg };
          break;
        }
      }
      this.found.set(url, hit);
    }
    return hit ?? undefined;
  }

  structureDefinition(reference: string): Found<StructureDefinition> | undefined {
    return this.typed<StructureDefinition>(reference, 'StructureDefinition');
  }

  valueSet(reference: string): Found<ValueSet> | undefined {
    return this.typed<ValueSet>(reference, 'ValueSet');
  }

  codeSystem(reference: string): Found<CodeSystem> | undefined {
    return this.typed<CodeSystem>(reference, 'CodeSystem');
  }

  /** The element tree of a profile or type, its snapshot narrowed by its base chain (see `inherit.ts`). */
  tree(reference: string): ElementTree | undefined {
    const url = canonicalUrl(reference);
    let tree = this.trees.get(url);
    if (tree === undefined) {
      tree = null;
      const sd = this.structureDefinition(url)?.resource;
      const elements = sd?.snapshot?.element;
      if (sd && elements && elements.length > 0) {
        const base =
          sd.derivation === 'constraint' && sd.baseDefinition ? this.tree(sd.baseDefinition) : undefined;
        // Narrow by the base's repaired elements, so a constraint lost two levels up is restored too.
        const narrowed = base
          ? inheritFromBase(
              elements,
              [...base.byId.values()].map((n) => n.def),
            )
          : elements;
        tree = buildElementTree(sd, narrowed);
      }
      this.trees.set(url, tree);
    }
    return tree ?? undefined;
  }

  /** The R4 core tree of a type or resource (`Identifier`, `Condition`). */
  typeTree(typeCode: string): ElementTree | undefined {
    return this.tree(coreDefinitionUrl(typeCode));
  }

  private typed<T extends { resourceType: string }>(
    reference: string,
    type: T['resourceType'],
  ): Found<T> | undefined {
    const hit = this.find(reference);
    return hit?.resource.resourceType === type ? (hit as unknown as Found<T>) : undefined;
  }
}
