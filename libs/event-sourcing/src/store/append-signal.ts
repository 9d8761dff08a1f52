export interface PendingChange {
  readonly changed: Promise<void>;
  /** Drops the waiter (e.g. when a poll timer won the race), so idle subscriptions never pile up. */
  cancel(): void;
}

/**
 * Wakes live subscriptions when an append commits in this process. Versioned, so a subscriber that
 * read an empty page just before an append still wakes: it waits for "a change since version v".
 */
export class AppendSignal {
  private version = 0;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version += 1;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Resolves once the version moves past `since`, or at once if it already has. */
  changedSince(since: number): PendingChange {
    if (this.version !== since) return { changed: Promise.resolve(), cancel: () => undefined };
    let wake!: () => void;
    const changed = new Promise<void>((resolve) => (wake = resolve));
    this.waiters.add(wake);
    return { changed, cancel: () => this.waiters.delete(wake) };
  }

  /** How many subscriptions are waiting (observability, and the leak test). */
  get waiting(): number {
    return this.waiters.size;
  }

  /** Releases every waiter, e.g. when the store closes. */
  releaseAll(): void {
    this.notify();
  }
}
