import type { SupportEvent } from '../support/events';
import type { NoticeIntent } from './intents';
import { noNotice } from './intents';
import {
  noticeOfCorrectedRecipient,
  noticeOfPayment,
  noticeOfReturnedPayment,
  noticeOfStoppedSupport,
} from './rules/on-support';
import { untold, type Untold } from './untold';

type SupportEventType = SupportEvent['type'];
type SupportEventOf<T extends SupportEventType> = Extract<SupportEvent, { type: T }>;
/** A support rule reads the support's events up to and including the one it tells of. */
type SupportNoticeRule<E> = (event: E, history: readonly SupportEvent[]) => readonly NoticeIntent[];

/**
 * What the applicant is told of the support paid after arrival (ADR 33), one entry per event type
 * of a family's support stream: exhaustive, as `NOTICE_PROCESS` is for the application.
 */
export const SUPPORT_NOTICE_PROCESS: {
  readonly [T in SupportEventType]: SupportNoticeRule<SupportEventOf<T>> | Untold;
} = {
  SupportOpened: untold('The arrival’s notice says how the support is paid from then on'),
  PaymentOrderIssued: untold('An order is told once the bank has paid it (or returned it)'),
  PaymentPaid: noticeOfPayment,
  PaymentReturned: noticeOfReturnedPayment,
  RecipientCorrected: noticeOfCorrectedRecipient,
  SupportStopped: noticeOfStoppedSupport,
};

/** The intents of one support event: what its rule wants told, or why nothing is. */
export function supportNoticesFor(event: SupportEvent, history: readonly SupportEvent[]): readonly NoticeIntent[] {
  const rule = SUPPORT_NOTICE_PROCESS[event.type] as SupportNoticeRule<SupportEvent> | Untold;
  if (typeof rule !== 'function') return [noNotice('NOT_FOR_THE_APPLICANT', rule.because)];
  return rule(event, history);
}

/** The support event types some notice rule acts on. */
export function supportTypesNoticed(): SupportEventType[] {
  return (Object.keys(SUPPORT_NOTICE_PROCESS) as SupportEventType[]).filter(
    (type) => typeof SUPPORT_NOTICE_PROCESS[type] === 'function',
  );
}

/** Whether an event type is one of a family's support stream (read from its own process table). */
export const isSupportEventType = (type: string): type is SupportEventType => type in SUPPORT_NOTICE_PROCESS;
