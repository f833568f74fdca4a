import type { ConformanceContext } from '../conformance/context.ts';
import { canonicalUrl } from '../conformance/definitions.ts';
import { expandValueSet, type Expansion } from './expand.ts';

/** Whether a code is in a value set: `unknown` when the value set cannot be expanded offline far enough to tell. */
export type Membership = { result: 'in' } | { result: 'out' } | { result: 'unknown'; reason: string };

/** Value-set membership over the packages of one context; expansions are computed once. */
export class Terminology {
  private readonly context: ConformanceContext;
  private readonly expansions = new Map<string, Expansion>();

  constructor(context: ConformanceContext) {
    this.context = context;
  }

  expansion(valueSet: string): Expansion {
    const url = canonicalUrl(valueSet);
    let expansion = this.expansions.get(url);
    if (!expansion) {
      expansion = expandValueSet(this.context, url);
      this.expansions.set(url, expansion);
    }
    return expansion;
  }

  /** A coded value: with a system (Coding) or without (the `code` type, where any system of the value set counts). */
  check(valueSet: string, code: string, system?: string): Membership {
    const expansion = this.expansion(valueSet);
    const found = system
      ? expansion.codes.get(system)?.has(code) === true
      : [...expansion.codes.values()].some((codes) => codes.has(code));
    if (found) return { result: 'in' };
    if (expansion.complete) return { result: 'out' };
    return { result: 'unknown', reason: expansion.gaps.join('; ') };
  }

  /** A display name for messages: the value set's title or name, with its URL. */
  describe(valueSet: string): string {
    const vs = this.context.valueSet(valueSet)?.resource;
    const name = vs?.title ?? vs?.name;
    return name ? `${name} (${canonicalUrl(valueSet)})` : canonicalUrl(valueSet);
  }
}
