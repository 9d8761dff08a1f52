import { Decider } from '../shared/decider';
import { QuotaCommand } from './commands';
import { decideQuota } from './decide';
import { QuotaEvent } from './events';
import { evolveQuota, initialQuotaState, QuotaState } from './state';

/** One aggregate per (region, year, category), in stream `quotaStreamId(region, year, category)`. */
export const regionalQuotaDecider: Decider<QuotaCommand, QuotaEvent, QuotaState> = {
  initialState: initialQuotaState,
  evolve: evolveQuota,
  decide: decideQuota,
};
