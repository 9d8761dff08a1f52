import { CommandContext, ExpectedRevision } from '@libs/event-sourcing';

/** What a saga step does when the target aggregate refuses it with one of these codes. */
export interface RejectionPlan {
  /** Refusals that mean the step is moot (the aggregate moved on); they are not failures. */
  readonly codes: readonly string[];
  /** A compensating command to run in that case (e.g. give back seats reserved for nothing). */
  readonly compensate?: DomainCommand<unknown>;
}

/**
 * What travels on the Nest CommandBus: the domain command, the context it runs in (who, why, when)
 * and, when the client pinned one, the revision it expects. One subclass per aggregate lets the
 * CommandBus route by class.
 */
export abstract class DomainCommand<Payload> {
  private rejectionPlan?: RejectionPlan;

  constructor(
    readonly payload: Payload,
    readonly context: CommandContext,
    readonly expectedRevision?: ExpectedRevision,
  ) {}

  /** For saga steps: the refusals that are an expected outcome, and what to do then. */
  whenRejected(codes: readonly string[], compensate?: DomainCommand<unknown>): this {
    this.rejectionPlan = { codes, compensate };
    return this;
  }

  get onRejection(): RejectionPlan | undefined {
    return this.rejectionPlan;
  }
}
