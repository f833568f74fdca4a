/**
 * Run-scoped memo for expensive SUT interactions (register diagnoses, share, wait for the submission): the first
 * scenario that needs a given plan performs it, later scenarios with the same plan judge the same outcome. This
 * is how a testcamp works too: one document, many checkpoints.
 */
export class FixtureCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  realise<T>(key: string, perform: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = perform();
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Lets go of every outcome once no scenario of the run can ask again (the verdicts read the message stream). */
  clear(): void {
    this.entries.clear();
  }
}
