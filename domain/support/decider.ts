import type { Decider } from '../shared/decider';
import { decideSupport, type DecidedSupportCommand } from './decide';
import type { SupportEvent } from './events';
import { evolveSupport, initialSupportState, type SupportState } from './state';

/**
 * A family's support after arrival (ADR 33): one stream per included application, so its year of
 * instalments, orders and the bank's answers is decided against itself, never against the review.
 */
export const supportDecider: Decider<DecidedSupportCommand, SupportEvent, SupportState> = {
  initialState: initialSupportState,
  evolve: evolveSupport,
  decide: decideSupport,
};

export const SUPPORT_STREAM_PREFIX = 'support-';

export const supportStreamId = (applicationId: string): string => `${SUPPORT_STREAM_PREFIX}${applicationId}`;
