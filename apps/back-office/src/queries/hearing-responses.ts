import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, bool, integer, nullable, object, oneOf, text } from '../http/openapi/json-schema';

/** The response schemas of the hearings and complaints (ADR 32), as the read models answer them. */
const instant = text('An instant in UTC, ISO 8601');
const date = text('A calendar date, yyyy-MM-dd');
const remedy = oneOf('return-to-review', 'include');
const source = { ...oneOf('review', 'supervisor', 'quota'), description: 'Who or what proposed the refusal' };
const against = oneOf('refusal', 'inclusion-amounts', 'missed-term');

const ADDED_DOCUMENT = object({ title: text(), reference: text('Where the document is kept') });

const HEARING_OFFERED = object(
  {
    way: oneOf('in-person', 'video-call', 'in-writing'),
    place: text(),
    heldByOn: { ...date, description: 'The last day of the hearing (the notice + the working days of the terms)' },
    heldBy: { ...instant, description: 'Until when the applicant may be heard' },
  },
  ['place'],
);

export const REFUSAL_PROPOSAL = object(
  {
    source,
    grounds: arrayOf(text('A code of the refusal-ground list')),
    explanation: text(),
    proposedAt: instant,
    proposedBy: text('The reviewer or supervisor, or the process (a full quota)'),
    hearing: HEARING_OFFERED,
    noticeDueBy: nullable({ ...instant, description: 'The latest instant for the notice; null before ADR 32' }),
    noticeLate: bool,
    seats: object({ remaining: integer(), persons: integer() }),
    objections: arrayOf(
      object({ objectionId: text(), text: text(), at: instant, documentsAdded: arrayOf(ADDED_DOCUMENT) }),
    ),
    heard: nullable(
      object({
        heardBy: text(),
        heldAt: instant,
        attendance: oneOf('attended', 'absent', 'in-writing'),
        statement: text(),
        documentsAdded: arrayOf(ADDED_DOCUMENT),
      }),
    ),
  },
  ['seats'],
);

export const COMPLAINT = object(
  {
    complaintId: text(),
    against,
    text: text(),
    filedAt: instant,
    considerBy: { ...instant, description: 'The end of its term: the provider answers by then' },
    state: oneOf('open', 'satisfied', 'rejected'),
    remedy,
    reasons: text('The reason it was satisfied, the reasons it was rejected, or the authority’s document'),
    decidedAt: instant,
    decidedBy: text('The supervisor, or the authority'),
    late: bool,
    atRisk: bool,
    breached: bool,
    escalated: bool,
  },
  ['remedy', 'reasons', 'decidedAt', 'decidedBy'],
);

export const REVOCATION = object({
  decision: object({ number: text(), date }),
  revokedFrom: oneOf('included', 'refused'),
  remedy,
  revokedAt: instant,
  by: object({ kind: oneOf('complaint', 'authority'), complaintId: text(), documentNumber: text() }, [
    'complaintId',
    'documentNumber',
  ]),
  subsidiesStopped: arrayOf(
    object({ kind: oneOf('relocation', 'rent'), amount: integer('Whole tenge'), grantedAt: instant }),
  ),
});

export function hearingListed(clock: SchemaObject): SchemaObject {
  return object({
    applicationId: text(),
    applicantName: text(),
    region: text('The receiving region'),
    category: text(),
    source,
    grounds: arrayOf(text()),
    proposedAt: instant,
    hearing: object({ way: oneOf('in-person', 'video-call', 'in-writing'), place: text(), heldBy: instant }, ['place']),
    noticeDueBy: nullable(instant),
    noticeLate: bool,
    objections: integer('How many objections the applicant sent'),
    heardAt: nullable({ ...instant, description: 'When the hearing was held; null until recorded' }),
    dueAt: nullable({ ...instant, description: 'The review’s due instant: the final decision is due by then' }),
    clock: { ...clock, description: 'The review’s clock as of the read' },
  });
}

export function complaintListed(clock: SchemaObject): SchemaObject {
  return object({
    applicationId: text(),
    complaintId: text(),
    applicantName: text(),
    region: text('The receiving region'),
    against,
    filedAt: instant,
    considerBy: instant,
    atRisk: bool,
    breached: bool,
    escalated: bool,
    clock: { ...clock, description: 'The complaint’s term as a clock, as of the read' },
  });
}
