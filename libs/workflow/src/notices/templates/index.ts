import type { NoticeKind } from '@domain/notices';
import { INCLUDED_V1, REFUSED_V1, REFUSED_V2 } from './decision.templates';
import {
  AUTHORITY_DECISION_RECORDED_V1,
  COMPLAINT_RECEIVED_V1,
  COMPLAINT_REJECTED_V1,
  COMPLAINT_SATISFIED_V1,
  DECISION_REVOKED_V1,
} from './complaint.templates';
import { HEARING_RECORDED_V1, REFUSAL_PROPOSED_V1, REFUSAL_PROPOSED_V2 } from './hearing.templates';
import type { NoticeTemplate } from './notice-template';
import { ARRIVAL_RECORDED_V1 } from './arrival.templates';
import { PAYMENT_MADE_V1, PAYMENT_RETURNED_V1, RECIPIENT_CORRECTED_V1, SUPPORT_STOPPED_V1 } from './support.templates';
import { ACCEPTED_V1, DEADLINE_MOVED_V1, REVIEW_STARTED_V1 } from './review-clock.templates';

export type { NoticeTemplate } from './notice-template';

/** Every version of every template, kept: a stored notice names the one it was rendered from. */
export const NOTICE_TEMPLATES: readonly NoticeTemplate[] = [
  ACCEPTED_V1,
  REVIEW_STARTED_V1,
  DEADLINE_MOVED_V1,
  INCLUDED_V1,
  REFUSED_V1,
  REFUSED_V2,
  REFUSAL_PROPOSED_V1,
  REFUSAL_PROPOSED_V2,
  HEARING_RECORDED_V1,
  COMPLAINT_RECEIVED_V1,
  COMPLAINT_SATISFIED_V1,
  COMPLAINT_REJECTED_V1,
  DECISION_REVOKED_V1,
  AUTHORITY_DECISION_RECORDED_V1,
  ARRIVAL_RECORDED_V1,
  PAYMENT_MADE_V1,
  PAYMENT_RETURNED_V1,
  RECIPIENT_CORRECTED_V1,
  SUPPORT_STOPPED_V1,
];

/** The version new notices of each kind are rendered with (mapped: a new kind needs one). */
export const CURRENT_TEMPLATES: { readonly [K in NoticeKind]: NoticeTemplate } = {
  'application-accepted': ACCEPTED_V1,
  'review-started': REVIEW_STARTED_V1,
  'review-deadline-moved': DEADLINE_MOVED_V1,
  'application-included': INCLUDED_V1,
  'application-refused': REFUSED_V2,
  'refusal-proposed': REFUSAL_PROPOSED_V2,
  'hearing-recorded': HEARING_RECORDED_V1,
  'complaint-received': COMPLAINT_RECEIVED_V1,
  'complaint-satisfied': COMPLAINT_SATISFIED_V1,
  'complaint-rejected': COMPLAINT_REJECTED_V1,
  'decision-revoked': DECISION_REVOKED_V1,
  'authority-decision-recorded': AUTHORITY_DECISION_RECORDED_V1,
  'arrival-recorded': ARRIVAL_RECORDED_V1,
  'payment-made': PAYMENT_MADE_V1,
  'payment-returned': PAYMENT_RETURNED_V1,
  'recipient-corrected': RECIPIENT_CORRECTED_V1,
  'support-stopped': SUPPORT_STOPPED_V1,
};
