import { ApplicationErrorCode } from '@domain/application';
import {
  ignore,
  react,
  REVIEW_PROCESS,
  sendToApplication,
  sendToPersons,
  sendToQuota,
  typesActedOn,
  type ProcessContext,
  type WorkflowEvent,
} from '@domain/review-process';
import { processSpecification } from '@libs/testing';
import { PAYMENT_TERMS_V1, supportSchedule } from '@domain/support';
import { DEFAULT_SLA_POLICY, KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import { APPLICATION_ID as id, QUOTA, SUBMITTED_AT } from '../application/fixtures';

const policy = {
  calendar: WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS),
  slaPolicy: DEFAULT_SLA_POLICY,
  subsidyPolicy: {},
};
const context: ProcessContext = { policy, now: new Date('2026-03-10T06:00:00.000Z') };
const spec = processSpecification((event: WorkflowEvent, ctx: ProcessContext) => react(event, ctx));
const given = spec.given(context);
const CLOSED = { codes: [ApplicationErrorCode.AlreadyDecided, ApplicationErrorCode.Withdrawn] };
const decision = (prefix: 'KQ' | 'KR') => ({
  number: `${prefix}-2026-${id.replace(/-/g, '').slice(0, 12).toUpperCase()}`,
  date: '2026-03-10',
});

const reviewed = (verdict: 'eligible' | 'not-eligible', extra: object = {}): WorkflowEvent => ({
  type: 'ApplicationReviewed',
  data: {
    applicationId: id,
    quota: QUOTA,
    persons: 3,
    reviewerId: 'reviewer-1',
    verdict,
    groundsListVersion: '1',
    reviewedAt: SUBMITTED_AT,
    findings: [],
    grounds: verdict === 'eligible' ? [] : ['INVALID_OR_EXPIRED_DOCUMENTS'],
    ...extra,
  },
});
const onQuota = { ...QUOTA, applicationId: id, persons: 3, capacity: 977 };

/**
 * The hearing a proposal made at the context's instant offers: Tue 10 March 2026, 11:00 in Astana,
 * a working day within hours, so counted from that day: within 2 working days, Thu 12 March, 18:30.
 */
const HEARING = { way: 'video-call', heldByOn: '2026-03-12', heldBy: '2026-03-12T13:30:00.000Z' } as const;
const proposed = (fields: {
  grounds: string[];
  explanation: string;
  source: 'review' | 'quota';
  seats?: { remaining: number; persons: number };
}) => ({
  type: 'ProposeRefusal' as const,
  applicationId: id,
  proposedBy: 'review-process',
  hearing: HEARING,
  termsVersion: '1',
  ...fields,
});

describe('the review process, rule by rule (pure: event and context in, intents out)', () => {
  it('signing → the review deadline, computed once from the working-day calendar (14 working days, acceptance day not counted; Nauryz 23–25 March off)', () => {
    const deadline = {
      acceptedOn: '2026-03-02',
      dueOn: '2026-03-26',
      dueAt: '2026-03-26T13:30:00.000Z',
      atRiskOn: '2026-03-18',
      atRiskAt: '2026-03-18T13:30:00.000Z',
      calendarVersion: expect.any(String),
      calendarProvisional: false,
    };
    given
      .when({
        type: 'ApplicationSigned',
        data: { applicationId: id, method: 'otp', signerIin: '1', digest: 'd', evidence: {}, signedAt: SUBMITTED_AT },
      })
      .then([
        sendToApplication('schedule-review-deadline', { type: 'ScheduleReviewDeadline', applicationId: id, deadline }),
      ]);
  });

  it('an eligible review → seats for the whole family on the region’s quota', () => {
    given
      .when(reviewed('eligible'))
      .then([sendToQuota('reserve-seats', { type: 'ReserveSeats', ...QUOTA, applicationId: id, persons: 3 })]);
  });

  it('a not-eligible review → a refusal proposed on the reviewer’s grounds, explained by the comment and the rejected documents, with a hearing within 2 working days (ADR 32); moot once the application closed', () => {
    const findings = [
      { documentIndex: 0, accepted: false, note: 'passport copy unreadable' },
      { documentIndex: 1, accepted: true },
    ];
    given.when(reviewed('not-eligible', { findings, comment: 'Documents invalid' })).then([
      sendToApplication(
        'propose-refusal-not-eligible',
        proposed({
          source: 'review',
          grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
          explanation: 'Documents invalid. Rejected: document 0: passport copy unreadable',
        }),
        CLOSED,
      ),
    ]);
  });

  it('a hearing offered on a Friday evening is counted from the next working day', () => {
    // Fri 6 March 2026, 19:00 in Astana: after hours; Mon 9 March is the day off for 8 March, so the
    // notice is taken on Tue 10 March and the hearing is held by Thu 12 March, 18:30.
    const late = { ...context, now: new Date('2026-03-06T14:00:00.000Z') };
    const [intent] = react(reviewed('not-eligible'), late);
    expect(intent).toMatchObject({ command: { hearing: HEARING } });
  });

  it('an eligible review of an application whose person was included elsewhere meanwhile → a refusal proposed on DUPLICATE_OR_SUPPORT_RECEIVED, no seats asked for (ADR 16)', () => {
    const personsIncludedElsewhere = [
      { field: 'familyMembers[0].iin', iin: '870721400235', includedThrough: 'aa1c2a4e-8b7d-4c1e-9a2f-0d5e6b7c8a91' },
    ];
    given.when(reviewed('eligible', { personsIncludedElsewhere })).then([
      sendToApplication(
        'propose-refusal-person-already-included',
        proposed({
          source: 'review',
          grounds: ['DUPLICATE_OR_SUPPORT_RECEIVED'],
          explanation: 'Already included in a quota through another application: familyMembers[0].iin',
        }),
        CLOSED,
      ),
    ]);
  });

  it('a not-eligible review that also found a person included elsewhere → the duplicate ground first, then the reviewer’s', () => {
    const personsIncludedElsewhere = [
      { field: 'applicant.iin', iin: '850315400124', includedThrough: 'aa1c2a4e-8b7d-4c1e-9a2f-0d5e6b7c8a91' },
    ];
    const [intent] = react(reviewed('not-eligible', { personsIncludedElsewhere }), context);
    expect(intent).toMatchObject({
      step: 'propose-refusal-person-already-included',
      command: { grounds: ['DUPLICATE_OR_SUPPORT_RECEIVED', 'INVALID_OR_EXPIRED_DOCUMENTS'] },
    });
  });

  it('a not-eligible review with neither comment nor rejected document is explained by its grounds', () => {
    const [intent] = react(reviewed('not-eligible'), context);
    expect(intent).toMatchObject({ command: { explanation: 'Refused on INVALID_OR_EXPIRED_DOCUMENTS' } });
  });

  it('seats reserved → the inclusion; should the application have closed meanwhile, the seats are given back', () => {
    const giveBack = sendToQuota('release-unused-seats', {
      type: 'ReleaseSeats',
      ...QUOTA,
      applicationId: id,
      reason: 'The application was closed before its inclusion',
    });
    given
      .when({ type: 'SeatsReserved', data: { ...onQuota, seatsTaken: 3, remaining: 974, reservedAt: SUBMITTED_AT } })
      .then([
        sendToApplication(
          'include-in-quota',
          { type: 'IncludeInQuota', applicationId: id, persons: 3, decision: decision('KQ') },
          { ...CLOSED, compensation: giveBack },
        ),
      ]);
  });

  it('a reservation declined → a refusal proposed on the quota-exhausted ground, the seat situation stated, the applicant heard (ADR 32)', () => {
    given
      .when({
        type: 'SeatReservationDeclined',
        data: { ...onQuota, remaining: 2, reason: 'QUOTA_EXHAUSTED', seatsTaken: 975, declinedAt: SUBMITTED_AT },
      } as WorkflowEvent)
      .then([
        sendToApplication(
          'propose-refusal-quota-exhausted',
          proposed({
            source: 'quota',
            grounds: ['QUOTA_EXHAUSTED'],
            explanation: 'The kandas quota of pavlodar for 2026 has 2 seat(s) left; the family counts 3',
            seats: { remaining: 2, persons: 3 },
          }),
          CLOSED,
        ),
      ]);
  });

  it('a reservation declined when asked again after a revoked decision → a final refusal at once: the complaint heard the applicant (ADR 32); numbered by the application', () => {
    given
      .when({
        type: 'SeatReservationDeclined',
        data: {
          ...onQuota,
          remaining: 1,
          reason: 'QUOTA_EXHAUSTED',
          declinedAt: SUBMITTED_AT,
          askedAfter: 'revoked-decision',
        },
      })
      .then([
        sendToApplication(
          'refuse-quota-exhausted-after-revocation',
          {
            type: 'RefuseApplication',
            applicationId: id,
            grounds: ['QUOTA_EXHAUSTED'],
            explanation: 'The kandas quota of pavlodar for 2026 has 1 seat(s) left; the family counts 3',
          },
          CLOSED,
        ),
      ]);
  });

  it('a reservation declined because no quota is set says so', () => {
    const [intent] = react(
      {
        type: 'SeatReservationDeclined',
        data: { ...onQuota, remaining: 0, reason: 'QUOTA_NOT_SET' },
      } as unknown as WorkflowEvent,
      context,
    );
    expect(intent).toMatchObject({ command: { explanation: 'No kandas quota is set for pavlodar in 2026' } });
  });

  it('a refusal or a withdrawal → the application’s seats given back, and its persons released (ADR 16)', () => {
    given
      .when({ type: 'ApplicationRefused', data: { applicationId: id, quota: QUOTA } } as unknown as WorkflowEvent)
      .then([
        sendToQuota('release-seats', {
          type: 'ReleaseSeats',
          ...QUOTA,
          applicationId: id,
          reason: 'The application was refused',
          follows: 'refusal',
        }),
        sendToPersons('release-persons', { type: 'ReleasePersons', applicationId: id, reason: 'application-refused' }),
      ]);
    given
      .when({
        type: 'ApplicationWithdrawn',
        data: { applicationId: id, quota: QUOTA, reason: 'stays', withdrawnAt: SUBMITTED_AT },
      })
      .then([
        sendToQuota('release-seats', {
          type: 'ReleaseSeats',
          ...QUOTA,
          applicationId: id,
          reason: 'The application was withdrawn',
        }),
        sendToPersons('release-persons', {
          type: 'ReleasePersons',
          applicationId: id,
          reason: 'application-withdrawn',
        }),
      ]);
  });

  it('an inclusion → the relocation and the rent subsidy, with the administrator’s tables, and its persons recorded as included (ADR 16)', () => {
    const policy = context.policy.subsidyPolicy;
    given.when({ type: 'ApplicationIncluded', data: { applicationId: id } } as unknown as WorkflowEvent).then([
      sendToApplication('grant-relocation-subsidy', {
        type: 'GrantSubsidy',
        applicationId: id,
        kind: 'relocation',
        policy,
      }),
      sendToApplication('grant-rent-subsidy', { type: 'GrantSubsidy', applicationId: id, kind: 'rent', policy }),
      sendToPersons('record-inclusion-of-persons', { type: 'RecordInclusionOfPersons', applicationId: id }),
    ]);
  });

  it('a breach → the review escalated to the supervisors', () => {
    given
      .when({
        type: 'ReviewSlaBreached',
        data: { applicationId: id, dueAt: '2026-03-23T13:30:00.000Z', breachedAt: '2026-03-23T13:30:00.000Z' },
      })
      .then([
        sendToApplication('escalate-review', {
          type: 'EscalateReview',
          applicationId: id,
          reason: 'No decision by the due instant 2026-03-23T13:30:00.000Z (14 working days)',
        }),
      ]);
  });

  it('every other event → nothing, with the reason said', () => {
    given
      .when({ type: 'ReviewStarted', data: { applicationId: id, reviewerId: 'r', startedAt: SUBMITTED_AT } })
      .then([ignore('NO_RULE_FOR_EVENT', 'A reviewer works on the application; the next step is the review')]);
  });

  it('a calendar without the year of the deadline fails the rule (the runner parks the step)', () => {
    const signed: WorkflowEvent = {
      type: 'ApplicationSigned',
      data: {
        applicationId: id,
        method: 'otp',
        signerIin: '1',
        digest: 'd',
        evidence: {},
        signedAt: '2031-06-01T05:00:00.000Z',
      },
    };
    given.when(signed).thenThrows({ code: 'CALENDAR.YEAR_NOT_AVAILABLE' });
  });

  it('opens the family’s support on its arrival, the schedule fixed from the terms and calendar in force (ADR 33)', () => {
    const data = {
      applicationId: id,
      quota: QUOTA,
      settlement: { kind: 'town' as const, name: 'Ekibastuz' },
      arrivedOn: '2026-03-28',
      registration: { address: 'Ekibastuz', registeredOn: '2026-03-28' },
      recipient: { iin: '1', iban: 'KZ86125KZT5004100100' },
      support: { persons: 3, monthlyRateMci: 20 },
      recordedBy: 'portal' as const,
      termsVersion: '1',
      recordedAt: '2026-04-02T06:00:00.000Z',
    };
    const schedule = supportSchedule(
      { arrivedOn: '2026-03-28', registeredOn: '2026-03-28' },
      PAYMENT_TERMS_V1,
      policy.calendar,
    );
    given.when({ type: 'FamilyArrived', data }).then([
      {
        kind: 'send',
        step: 'open-support',
        to: 'support',
        command: {
          type: 'OpenSupport',
          applicationId: id,
          quota: QUOTA,
          persons: 3,
          monthlyRateMci: 20,
          recipient: data.recipient,
          arrivedOn: '2026-03-28',
          registeredOn: '2026-03-28',
          schedule,
          terms: PAYMENT_TERMS_V1,
          calendarVersion: `${policy.calendar.versionOf(2026)}+${policy.calendar.versionOf(2027)}`,
        },
      },
    ]);
    // Saturday 28 March: the relocation payment moves to Monday the 30th; the last rent is due in March 2027.
    expect(schedule[0]).toMatchObject({ scheduledOn: '2026-03-28', dueOn: '2026-03-30' });
    expect(schedule.at(-1)).toMatchObject({ key: 'rent-12', scheduledOn: '2027-03-10' });
  });

  it('names the event types it acts on — what the runner subscribes to — and a reason for every other', () => {
    expect(typesActedOn().sort()).toEqual([
      'ApplicationIncluded',
      'ApplicationRefused',
      'ApplicationReviewed',
      'ApplicationSigned',
      'ApplicationWithdrawn',
      'ComplaintBreached',
      'DecisionRevoked',
      'FamilyArrived',
      'HearingNoticeBreached',
      'ReviewDeadlineRescheduled',
      'ReviewDeadlineScheduled',
      'ReviewReopenedAsEligible',
      'ReviewSlaBreached',
      'SeatReservationDeclined',
      'SeatsReserved',
    ]);
    for (const rule of Object.values(REVIEW_PROCESS))
      if (typeof rule !== 'function') expect(rule.because).not.toEqual('');
  });
});
