/**
 * The reviews an amendment may move: signed, not yet decided nor withdrawn, with a deadline — read
 * model knowledge (the applications read model), which the law follower asks once per amendment.
 */
export interface PendingReviews {
  /** Ids of the open reviews with a deadline due on or after `dueFrom` ('yyyy-MM-dd'; all when omitted). */
  openReviews(dueFrom?: string): string[];
}

export const PENDING_REVIEWS = Symbol('PendingReviews');
