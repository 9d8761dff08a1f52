import type { WorkflowConfig } from '../workflow-config';

/**
 * The law the workflow decides with, read at the moment of each decision: the calendar, the SLA
 * policy and the subsidy tables as amended so far. Every consumer asks `current()` each time instead
 * of holding a copy, so an amendment recorded while the service runs applies to the next decision.
 */
export interface LawInForce {
  current(): WorkflowConfig;
}

export const LAW_IN_FORCE = Symbol('LawInForce');

/** The law as one fixed configuration: for tests that pin the law, and until amendments are read. */
export function fixedLaw(config: WorkflowConfig): LawInForce {
  return { current: () => config };
}
