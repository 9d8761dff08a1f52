import type { SchemaObject } from '@nestjs/swagger';
import { SLA_CLOCK_STATES } from '@domain/application';
import { APPLICATION_STATUSES } from '@infra/read-models';
import {
  arrayOf,
  bool,
  freeObject,
  integer,
  nullable,
  object,
  oneOf,
  pageOf,
  pageWith,
  reflecting,
  text,
} from '../http/openapi/json-schema';
import { COMPLAINT, complaintListed, hearingListed, REFUSAL_PROPOSAL, REVOCATION } from './hearing-responses';

/** The response schemas of the queries, as the read models answer them (`infra/read-models/*`). */
const status = oneOf(...APPLICATION_STATUSES);
const instant = text('An instant in UTC, ISO 8601');
const date = text('A calendar date, yyyy-MM-dd');

/** The review clock as of the read (`slaClockAt`): computed by the service, never by the caller. */
const SLA_CLOCK = object({
  state: {
    ...oneOf(...SLA_CLOCK_STATES),
    description:
      'not-started (unsigned), on-time, at-risk, breached (the clock runs), decided-on-time, decided-late, withdrawn',
  },
  workingDaysLeft: nullable(
    integer(
      'While the clock runs: working days after today (Asia/Almaty) up to and including the due day, on the working-day calendar in force (0 on the due day; negative: working days since the due day). Null when no clock runs or the calendar lacks a year',
    ),
  ),
});

const APPLICATION_LISTED = object({
  applicationId: text(),
  status,
  category: text(),
  region: text('The receiving region'),
  year: integer('The quota year'),
  applicantIin: text('Whole for reviewers and supervisors; masked for the other roles'),
  applicantName: text(),
  persons: integer('The applicant and each family member: the seats asked of, and counted by, the quota'),
  reviewerId: nullable(text()),
  submittedAt: instant,
  signedAt: nullable(instant),
  acceptedOn: nullable(date),
  dueOn: nullable(date),
  dueAt: nullable(instant),
  atRiskAt: nullable(instant),
  atRisk: bool,
  breached: bool,
  escalated: bool,
  decidedAt: nullable(instant),
  decision: nullable(oneOf('included', 'refused')),
  decisionNumber: nullable(text()),
  decisionDate: nullable(date),
  late: bool,
  grounds: nullable(arrayOf(text())),
  relocationAmount: nullable(integer('Whole tenge')),
  rentAmount: nullable(integer('Whole tenge')),
  withdrawnAt: nullable(instant),
  updatedAt: instant,
  lastRevision: integer(),
  lastPosition: text(),
  clock: SLA_CLOCK,
});

const JUDGED_DOCUMENT = object({
  index: nullable(integer('Its place in the submission, which findings point at; null for a missing one')),
  kind: text(),
  issuedOn: nullable(date),
  expiresOn: nullable(date),
  fileRef: nullable(text()),
  sha256: nullable(text()),
  validity: oneOf('valid', 'expired', 'missing'),
});

const APPLICATION_DETAILS = object(
  {
    applicationId: text(),
    status,
    applicantName: text(),
    category: text(),
    region: text('The receiving region'),
    year: integer('The quota year'),
    persons: integer('The applicant and each family member'),
    submittedAt: instant,
    signedAt: nullable(instant),
    channel: text(),
    settlement: freeObject('The receiving settlement, as submitted'),
    consent: freeObject('The consent, as submitted'),
    applicant: freeObject('The applicant as submitted, without contacts; `iin` masked for roles that do not decide'),
    contacts: freeObject('The applicant’s contacts'),
    familyMembers: arrayOf(freeObject('A family member as submitted; `iin` masked for roles that do not decide')),
    documents: arrayOf(JUDGED_DOCUMENT),
    documentPolicyVersion: text(),
    digest: text('SHA-256 of the submission: what the applicant signed'),
    sla: object({
      acceptedOn: nullable(date),
      dueOn: nullable(date),
      dueAt: nullable(instant),
      dueAtLocal: nullable(text('The due instant on the wall clock of Asia/Almaty, with its offset')),
      atRiskAt: nullable(instant),
      atRisk: bool,
      breached: bool,
      escalated: bool,
    }),
    review: object({
      reviewerId: nullable(text()),
      verdict: nullable(oneOf('eligible', 'not-eligible')),
      findings: arrayOf(freeObject('A finding: documentIndex, accepted, note')),
      grounds: arrayOf(text()),
      groundsListVersion: nullable(text()),
      comment: nullable(text()),
      reviewedAt: nullable(instant),
    }),
    decision: nullable(
      object({
        outcome: oneOf('included', 'refused'),
        number: nullable(text()),
        date: nullable(date),
        decidedAt: nullable(instant),
        late: bool,
        grounds: arrayOf(text()),
        groundsListVersion: nullable(text()),
        explanation: nullable(text()),
        persons: nullable(integer('Inclusion only: the persons the quota counts; null for a refusal')),
        subsidies: object({ relocation: nullable(integer()), rent: nullable(integer()) }),
      }),
    ),
    withdrawnAt: nullable(instant),
    refusalProposal: nullable({
      ...REFUSAL_PROPOSAL,
      description: 'The preliminary refusal in progress, or the last one proposed; null when none was',
    }),
    complaints: arrayOf(COMPLAINT),
    revocations: arrayOf(REVOCATION),
    updatedAt: instant,
    revision: integer('The revision of the application stream: the ETag, and what If-Match takes'),
    clock: SLA_CLOCK,
  },
  ['channel'],
);

const SLA_COUNTS = {
  openOnTime: integer(),
  atRisk: integer(),
  breached: integer(),
  decidedOnTime: integer(),
  decidedLate: integer(),
};

const QUOTA_USAGE = object({
  region: text(),
  year: integer(),
  category: text(),
  capacity: nullable(integer('Persons; null while no order has set it')),
  seatsTaken: integer(),
  remaining: integer(),
  reservations: integer(),
  releases: integer(),
  declined: integer(),
  order: nullable(object({ number: text(), date })),
  updatedAt: instant,
});

const SUBSIDY_TOTAL = object({
  region: text(),
  decisionYear: integer('The calendar year of the inclusion decision (not the quota year)'),
  kind: oneOf('relocation', 'rent'),
  count: integer(),
  amount: integer('Whole tenge'),
});

export const QUERY_RESPONSES = {
  applications: reflecting(pageOf(APPLICATION_LISTED)),
  application: reflecting(APPLICATION_DETAILS),
  slaDashboard: reflecting(
    pageWith(object({ region: text(), ...SLA_COUNTS }), {
      year: nullable(integer()),
      overall: object(SLA_COUNTS),
    }),
  ),
  slaWeeks: reflecting(
    pageOf(
      object({
        week: text('The ISO week, yyyy-Www'),
        weekStart: { ...date, description: 'Its Monday' },
        weekEnd: { ...date, description: 'Its Sunday' },
        ...SLA_COUNTS,
      }),
    ),
  ),
  hearings: reflecting(pageOf(hearingListed(SLA_CLOCK))),
  complaints: reflecting(pageOf(complaintListed(SLA_CLOCK))),
  quotas: reflecting(pageOf(QUOTA_USAGE)),
  subsidyTotals: reflecting(pageWith(SUBSIDY_TOTAL, { grandTotal: object({ count: integer(), amount: integer() }) })),
  refusalGrounds: object({
    version: text(),
    grounds: arrayOf(
      object({
        code: text(),
        labels: object({ kk: text(), ru: text(), en: text() }),
        explanationRequired: bool,
      }),
    ),
  }),
} satisfies Record<string, SchemaObject>;
