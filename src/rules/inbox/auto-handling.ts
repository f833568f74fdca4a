// The auto-handling types a requisition can have, as the automation API names them (inbox.order-requisition):
// "Ingen", "Autosvar ved normal" and archive until the appointment (addendum §A.2).
export const AUTO_HANDLING_TYPES = ['ingen', 'autosvar-ved-normal', 'arkiver-til-aftale'] as const;
export type AutoHandling = (typeof AUTO_HANDLING_TYPES)[number];

export function isAutoHandling(value: unknown): value is AutoHandling {
  return typeof value === 'string' && (AUTO_HANDLING_TYPES as readonly string[]).includes(value);
}
