import type { Waiver } from '../../src/waivers/schema.ts';

/** A normalised waiver for the SUT of the test builders (EG A/S Clinea), in force through 2026. */
export function waiver(overrides: Partial<Waiver> = {}): Waiver {
  return {
    id: 'W-1',
    checkpoints: ['T-1.2'],
    sut: { vendor: 'EG A/S', system: 'Clinea', versions: '*' },
    reason: 'dispensation granted by the owners',
    approvedBy: 'MedCom',
    granted: '2026-01-01',
    expires: '2027-01-01',
    run: true,
    file: 'w.yaml',
    ...overrides,
  };
}
