import { localDateOf } from '../shared/calendar-date';

export type DecisionKind = 'inclusion' | 'refusal';

/**
 * A decision's number and date. The number derives from the application id, so a redelivered step
 * gives the same number; the date is the day the decision is taken, in Kazakhstan.
 */
export function decisionFor(
  kind: DecisionKind,
  applicationId: string,
  year: number,
  now: Date,
): { number: string; date: string } {
  const prefix = kind === 'inclusion' ? 'KQ' : 'KR';
  const number = `${prefix}-${year}-${applicationId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
  return { number, date: localDateOf(now.toISOString()) };
}
