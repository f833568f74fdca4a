import { InvalidInputError } from '../errors/index.ts';
import { unknownCheckpointIssues } from '../input/checkpoint-ids.ts';
import { readYamlFile } from '../input/yaml-file.ts';
import { waiverRegisterSchema, type Waiver } from './schema.ts';

/** Reads and validates a waiver register; a malformed register stops the run with file, line and field. */
export async function loadWaivers(file: string, knownCheckpoints?: readonly string[]): Promise<Waiver[]> {
  const register = await readYamlFile(file, waiverRegisterSchema, 'waiver register');
  if (knownCheckpoints) {
    const issues = unknownCheckpointIssues(
      file,
      'waivers[].checkpoints',
      register.waivers.flatMap((w) => w.checkpoints),
      knownCheckpoints,
    );
    if (issues.length > 0) throw new InvalidInputError(issues, 'invalid waiver register');
  }
  const seen = new Set<string>();
  const duplicates = register.waivers.filter((w) => (seen.has(w.id) ? true : (seen.add(w.id), false)));
  if (duplicates.length > 0) {
    throw new InvalidInputError(
      duplicates.map((w) => ({ file, field: 'waivers[].id', message: `duplicate waiver id "${w.id}"` })),
      'invalid waiver register',
    );
  }
  return register.waivers.map((w) => ({ ...w, file }));
}
