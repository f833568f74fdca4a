import { applyProfile, resourceConforms } from './resources.ts';
import type { Session } from './session.ts';

/**
 * Checks what references require of their targets in the Bundle: a target with one possible target profile is
 * validated against it (its issues reported where the target is); with several, it must conform to one of them.
 */
export function checkTargets(session: Session): void {
  for (let next = session.targets.shift(); next; next = session.targets.shift()) {
    const { target, scope, profiles } = next;
    if (profiles.length === 1 && profiles[0]) {
      applyProfile(target, profiles[0], scope, session);
    } else if (!profiles.some((p) => resourceConforms(target, p, session))) {
      session.report({
        severity: 'error',
        code: 'reference',
        location: next.from,
        ...(next.profile ? { profile: next.profile } : {}),
        ...(next.elementId ? { elementId: next.elementId } : {}),
        message: `the referenced ${String(target.resourceType)} (${scope.location}) conforms to none of ${profiles.join(', ')}`,
      });
    }
  }
}
