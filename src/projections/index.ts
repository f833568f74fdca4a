import { allureResultsProjection } from './allure/allure-results.ts';
import { consoleSummaryProjection } from './console-summary.ts';
import { junitProjection } from './junit.ts';
import { testProtocolProjection } from './test-protocol/projection.ts';
import type { Projection, ProjectionContext } from './types.ts';

/** Built-in projections by the name users select them with; each carries its own one-line description. */
export const builtinProjections = {
  'allure-results': allureResultsProjection,
  junit: junitProjection,
  'test-protocol': testProtocolProjection,
  'console-summary': consoleSummaryProjection,
} satisfies Record<string, Projection>;

export type BuiltinProjectionName = keyof typeof builtinProjections;

/** Runs projections in order; a throw is re-thrown naming the projection, with the original as `cause`. */
export async function runProjections(list: readonly Projection[], context: ProjectionContext): Promise<void> {
  for (const projection of list) {
    try {
      await projection.project(context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`projection "${projection.name}" failed: ${message}`, { cause: error });
    }
  }
}
