import type { CertificationResult } from '../result/types.ts';

/** Where projections write; the filesystem writer writes under the run folder, the in-memory one keeps files for tests. */
export interface Writer {
  /** Writes a file at a path relative to the run folder (parents are created; a file there is replaced). */
  write(relativePath: string, content: string | Buffer): Promise<void>;
  /** Reads a file relative to the run folder (evidence written during the run). */
  read(relativePath: string): Promise<Buffer>;
  /** Gives an existing file a second name (a hard link where the filesystem allows, else a copy). */
  copy(fromRelativePath: string, toRelativePath: string): Promise<void>;
}

export interface ProjectionContext {
  result: CertificationResult;
  writer: Writer;
  /** For projections that print (the console summary). */
  stdout: { write(chunk: string): unknown };
  /** The environment the run was made in: only CI build names and addresses are read from it (Allure's executor). */
  env?: Record<string, string | undefined>;
}

/** One output derived from the certification result (design: "the result JSON is the record"). */
export interface Projection {
  name: string;
  /** One line for `certbench --help` and the README. */
  description: string;
  project(context: ProjectionContext): Promise<void>;
}
