/**
 * Wakes live subscriptions when an append commits in this process. Versioned, so a subscriber that
 * read an empty page just before an append still wakes: it waits for "a change since version v".
 */
export class AppendSignal {
  private version = 0;
  private waiters: Array<() => void> = [];

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version += 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves once the version moves past `since`, or at once if it already has. */
  changedSince(since: number): Promise<void> {
    if (this.version !== since) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Releases every waiter, e.g. when the store closes. */
  releaseAll(): void {
    this.notify();
  }
}
