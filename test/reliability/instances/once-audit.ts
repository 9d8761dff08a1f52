import type { RecordedEvent } from '@libs/event-sourcing';
import { supportStreamId } from '@domain/support';
import { applicationStream, count } from '../crash/store-audit';
import type { Journey } from '../crash/journeys';

/** The rents of April, May and June and the relocation payment: what an arrived family is owed by 11 June. */
export const ORDERS_OWED_BY_JUNE = 4;

/** One effect an application owes: how many times the store holds it, and how many times it must. */
export interface Effect {
  readonly what: string;
  readonly times: number;
  readonly owed: number;
}

/** The effects one application owes for its plan once the workflow has settled, as the store holds them. */
export function effectsOf(journey: Journey, streams: ReadonlyMap<string, readonly RecordedEvent[]>): Effect[] {
  const { label, plan } = journey.plan;
  const stream = streams.get(applicationStream(journey.applicationId!)) ?? [];
  // The review's deadline and the hearing notice's (ADR 32) are scheduled at the signature; an
  // abandoned application has both fired (at risk, breached) and escalated by the saga.
  const owed: Record<string, number> = { ReviewDeadlineScheduled: 1, HearingNoticeDeadlineScheduled: 1 };
  if (plan === 'eligible') Object.assign(owed, { ApplicationIncluded: 1, SubsidyGranted: 2 });
  if (plan === 'abandoned')
    Object.assign(owed, {
      ReviewSlaAtRisk: 1,
      ReviewSlaBreached: 1,
      ReviewEscalated: 1,
      HearingNoticeAtRisk: 1,
      HearingNoticeBreached: 1,
      HearingNoticeEscalated: 1,
    });
  const effects = Object.entries(owed).map(([type, times]) => ({
    what: `${label}: ${type}`,
    times: count(stream, type),
    owed: times,
  }));
  if (!journey.arrived) return effects;
  const support = streams.get(supportStreamId(journey.applicationId!)) ?? [];
  effects.push({ what: `${label}: SupportOpened`, times: count(support, 'SupportOpened'), owed: 1 });
  const orders = support
    .filter((event) => event.type === 'PaymentOrderIssued')
    .map((event) => (event.data as { instalment: string }).instalment);
  for (const instalment of new Set(orders))
    effects.push({
      what: `${label}: payment order of ${instalment}`,
      times: orders.filter((ordered) => ordered === instalment).length,
      owed: 1,
    });
  effects.push({ what: `${label}: instalments ordered`, times: new Set(orders).size, owed: ORDERS_OWED_BY_JUNE });
  return effects;
}

/** Effects the store does not hold yet as often as owed (the workflow has not settled). */
export function missing(effects: readonly Effect[]): string[] {
  return effects
    .filter(({ times, owed }) => times < owed)
    .map(({ what, times, owed }) => `${what} ${times} of ${owed}`);
}

/** Effects the store holds other than exactly as often as owed: `[]` when each happened once. */
export function notOnce(effects: readonly Effect[]): string[] {
  return effects
    .filter(({ times, owed }) => times !== owed)
    .map(({ what, times, owed }) => `${what} ${times} times instead of ${owed}`);
}

/** Seats reserved on the quota: once per included application. */
export function seatsNotOnce(quota: readonly RecordedEvent[], included: readonly string[]): string[] {
  const reservedFor = quota
    .filter((event) => event.type === 'SeatsReserved')
    .map((event) => (event.data as { applicationId: string }).applicationId);
  return included
    .filter((id) => reservedFor.filter((reserved) => reserved === id).length !== 1)
    .map((id) => `${id}: seats reserved ${reservedFor.filter((reserved) => reserved === id).length} times`);
}

/** One notice of the store: its id, kind, and how often it was recorded claimed and delivered. */
export interface StoredNotice {
  readonly noticeId: string;
  readonly applicationId: string;
  readonly kind: string;
  readonly delivered: number;
}

/** Every notice issued in the store, with its deliveries recorded. */
export function storedNotices(events: readonly RecordedEvent[]): StoredNotice[] {
  const notices = new Map<string, { applicationId: string; kind: string; delivered: number }>();
  for (const event of events) {
    if (!event.streamId.startsWith('notices-')) continue;
    const data = event.data as { noticeId: string; applicationId: string; kind?: string };
    if (event.type === 'NoticeIssued')
      notices.set(data.noticeId, { applicationId: data.applicationId, kind: data.kind!, delivered: 0 });
    if (event.type === 'NoticeDelivered') notices.get(data.noticeId)!.delivered += 1;
  }
  return [...notices].map(([noticeId, notice]) => ({ noticeId, ...notice }));
}

/** The kinds of notice an application owes, as far as its journey has gone (sorted). */
export function noticeKindsOwed(journey: Journey): string[] {
  const kinds = ['application-accepted'];
  if (journey.plan.startReview) kinds.push('review-started');
  if (journey.plan.plan === 'eligible') kinds.push('application-included');
  if (journey.arrived) kinds.push('arrival-recorded');
  return kinds.sort();
}

/** Notices owed and not issued yet, and notices issued and not recorded delivered yet: `[]` once nothing is in flight. */
export function noticesUnsettled(journeys: readonly Journey[], notices: readonly StoredNotice[]): string[] {
  const notIssued = journeys.flatMap((journey) => {
    const issued = new Set(notices.filter((n) => n.applicationId === journey.applicationId).map((n) => n.kind));
    return noticeKindsOwed(journey)
      .filter((kind) => !issued.has(kind))
      .map((kind) => `${journey.plan.label}: ${kind} not issued yet`);
  });
  const notDelivered = notices
    .filter((notice) => notice.delivered === 0)
    .map((notice) => `notice ${notice.kind} of ${notice.applicationId} not delivered yet`);
  return [...notIssued, ...notDelivered];
}
