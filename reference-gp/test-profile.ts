/**
 * A SUT profile for the reference GP system with short timeouts, for tests and sample data: faults that hang cost
 * little. The action timeout still leaves a loaded machine room (an action of the reference GP takes milliseconds);
 * the submission wait is short because the reference GP submits before it answers the action. The identity can be
 * another vendor's, so sample results look like several systems.
 */
export function fastReferenceProfileYaml(
  identity: { vendor: string; system: string; version: string },
  extra = '',
): string {
  const quote = (text: string): string => JSON.stringify(text);
  return `certbench: 1
vendor: ${quote(identity.vendor)}
system: ${quote(identity.system)}
version: ${quote(identity.version)}
automation:
  baseUrl: http://127.0.0.1:1
  auth: { type: bearer, tokenEnv: CERTBENCH_REFERENCE_GP_TOKEN }
  timeoutMs: 2000
  maxBodyBytes: 1048576
counterparts: { waitTimeoutMs: 400 }
clockToleranceMs: 1000
protocols:
  diagnosekort: { variant: gp-system }
${extra}`;
}
