/** One reason a value was refused, named by its path in the command (`applicant.iin`). */
export interface Violation {
  readonly field: string;
  readonly reason: string;
}

/** Facts a client acts on beside the code (`attemptsLeft`): RFC 9457 extension members at the edge. */
export type ErrorDetails = Readonly<Record<string, string | number | boolean>>;

/**
 * What a refused step waits for: a table of the law (`mci`, `rent-rates`, … — domain/law) and the key
 * it lacks there (the date whose MCI is not recorded). A refusal that names it is not a failure: the
 * same command succeeds once that table is amended, so the edge parks the step as waiting for data
 * and runs it again then, instead of retrying it or calling an operator (ADR 23).
 */
export interface AwaitedData {
  readonly table: string;
  readonly key: string;
}

/**
 * A command broke a rule of the domain. `code` is stable (clients and the HTTP edge rely on it);
 * `violations` names the fields at fault when the rule is about input; `details` carries what a
 * client needs to act on the refusal (the attempts left with a one-time code).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly violations: readonly Violation[] = [],
    readonly details: ErrorDetails = {},
    /** Set when the refusal lasts only until some data of the law is recorded. */
    readonly awaiting?: AwaitedData,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Collects violations while checking a command, then throws them all at once. */
export class ViolationCollector {
  private readonly found: Violation[] = [];

  add(field: string, reason: string): void {
    this.found.push({ field, reason });
  }

  check(condition: boolean, field: string, reason: string): void {
    if (!condition) this.add(field, reason);
  }

  addAll(violations: readonly Violation[], prefix = ''): void {
    for (const v of violations) this.found.push({ field: prefix ? `${prefix}.${v.field}` : v.field, reason: v.reason });
  }

  get violations(): readonly Violation[] {
    return this.found;
  }

  throwIfAny(make: (violations: readonly Violation[]) => Error): void {
    if (this.found.length > 0) throw make(this.found);
  }
}
