import type { ApplicationEvent } from '../application/events';
import type { RefusalGround } from '../application/refusal-grounds';
import type { ComplaintTerms } from '../law/complaint-terms';

/**
 * What a notice rule may read besides the event: the application's events up to and including it
 * (so a rule sees the decision a grant belongs to, the deadline a review runs against), the grounds
 * list of each version, and the complaint terms in force.
 */
export interface NoticeContext {
  readonly history: readonly ApplicationEvent[];
  readonly groundsList: (version: string) => readonly RefusalGround[] | undefined;
  readonly complaintTerms: ComplaintTerms;
}
