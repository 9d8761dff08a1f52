import { localDateOf } from '@domain/shared/calendar-date';

/**
 * A decision's number and date. The number derives from the application id, so a redelivered saga
 * step gives the same number; the date is the day the decision is taken, in Kazakhstan.
 */
export function decisionFor(kind: 'inclusion' | 'refusal', applicationId: string, year: number, now: Date): { number: string; date: string } {
  const prefix = kind === 'inclusion' ? 'KQ' : 'KR';
  return { number: `${prefix}-${year}-${applicationId.replace(/-/g, '').slice(0, 12).toUpperCase()}`, date: localDateOf(now.toISOString()) };
}
