import type { CalendarYearAmended, SlaPolicyAmended } from '../law/events';
import type { AmendmentRef } from '../law/amendment-ref';
import { sendToApplication, type SendCommand } from './intents';
import type { ReviewProcessPolicy } from './process-policy';

/** The amendments that can move a pending review's deadline. */
export type DeadlineAmendment = CalendarYearAmended | SlaPolicyAmended;

/** The pending reviews an amendment may move, and where it is stored (the intents cite it). */
export interface AmendmentInFlight {
  readonly amendment: DeadlineAmendment;
  readonly eventId: string;
  readonly streamId: string;
  /** The open reviews with a deadline, as the read model lists them. */
  readonly pendingReviews: readonly string[];
}

/**
 * Applications in flight follow the law (issue 16, ADR 23): an amendment of the calendar or of the
 * SLA policy asks every pending review to recompute its deadline under the law now in force. One
 * command per application; its step names the application, so its id derives from the amendment's
 * event id and the application's (a redelivery or a restart sends the same commands, which the
 * Application has already handled). Whether a deadline actually moves is the Application's decision.
 */
export function followAmendment(input: AmendmentInFlight, inForce: ReviewProcessPolicy): SendCommand[] {
  const law = lawAfter(input.amendment, inForce);
  const amendment = refOf(input);
  return input.pendingReviews.map((applicationId) =>
    sendToApplication(`reschedule-review-deadline/${applicationId}`, {
      type: 'RescheduleReviewDeadline',
      applicationId,
      calendar: law.calendar,
      slaPolicy: law.slaPolicy,
      amendment,
    }),
  );
}

/**
 * The law with this amendment applied, whatever the law in force has caught up with: its year (or
 * policy) replaces the one in force, unless the calendar in force already holds a later version of
 * that year (a later amendment, followed next). Amendments are followed in the order they were
 * recorded, so the last one followed is the law in force.
 */
export function lawAfter(amendment: DeadlineAmendment, inForce: ReviewProcessPolicy): ReviewProcessPolicy {
  if (amendment.type === 'SlaPolicyAmended') return { ...inForce, slaPolicy: amendment.data.policy };
  const { year, calendar } = amendment.data;
  const current = inForce.calendar.versionOf(year);
  if (current !== undefined && revisionOf(current) > revisionOf(calendar.version)) return inForce;
  return { ...inForce, calendar: inForce.calendar.withYear(calendar) };
}

/** `2026.3` → 3; `2027.0-provisional` → 0. A version without a number sorts first. */
function revisionOf(version: string): number {
  const match = /^\d{4}\.(\d+)/.exec(version);
  return match ? Number(match[1]) : -1;
}

function refOf({ amendment, eventId, streamId }: AmendmentInFlight): AmendmentRef {
  return {
    eventId,
    streamId,
    type: amendment.type,
    version: amendment.data.version,
    legalBasis: amendment.data.legalBasis,
  };
}
