import { applicationDecider, type ApplicationCommand, type ApplicationEvent } from '@domain/application';
import { DEFAULT_SLA_POLICY, KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import { COMPLAINT_TERMS_V1 } from '@domain/law';
import { deciderSpecification } from '@libs/testing';
import { APPLICATION_ID as id, history, QUOTA } from './fixtures';
import { hearingHistory } from './hearing-fixtures';

const spec = deciderSpecification(applicationDecider);
const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
const law = { calendar, slaPolicy: DEFAULT_SLA_POLICY, terms: COMPLAINT_TERMS_V1 };
const at = (instant: string) => ({ applicationId: id, at: instant });
const foldOf = (events: readonly ApplicationEvent[]) =>
  events.reduce(applicationDecider.evolve, applicationDecider.initialState());
const after = (events: readonly ApplicationEvent[], ...commands: ApplicationCommand[]): ApplicationEvent[] =>
  commands.reduce<ApplicationEvent[]>(
    (all, command) => [...all, ...applicationDecider.decide(command, foldOf(all))],
    [...events],
  );

/** Filed Mon 16 March 2026, 10:00 in Astana, against the refusal decided on 13 March. */
const FILED_AT = '2026-03-16T05:00:00.000Z';
const file = (overrides: Partial<Extract<ApplicationCommand, { type: 'FileComplaint' }>> = {}): ApplicationCommand => ({
  type: 'FileComplaint',
  ...at(FILED_AT),
  complaintId: 'c-1',
  against: 'refusal',
  text: 'My passport was valid',
  law,
  ...overrides,
});
const refusedAndComplained = () => after(hearingHistory.refused(), file());

describe('FileComplaint (ADR 32)', () => {
  it('files a complaint against a refusal: 5 working days from its acceptance day, Nauryz not counted', () => {
    // 17, 18, 19, 20 March, then 23–25 are Nauryz: the 5th working day is Thu 26 March; at risk the day before it worked.
    spec
      .given(hearingHistory.refused())
      .when(file())
      .then([
        {
          type: 'ComplaintFiled',
          data: {
            applicationId: id,
            complaintId: 'c-1',
            against: 'refusal',
            text: 'My passport was valid',
            level: 'provider',
            decision: { number: 'KR-2026-3F1C2A4E8B7D', date: '2026-03-13' },
            filedAt: FILED_AT,
            acceptedOn: '2026-03-16',
            considerByOn: '2026-03-26',
            considerBy: '2026-03-26T13:30:00.000Z',
            atRiskOn: '2026-03-20',
            atRiskAt: '2026-03-20T13:30:00.000Z',
            termsVersion: '1',
            calendarVersion: calendar.version,
          },
        },
      ]);
  });

  it('a complaint filed after working hours is accepted on the next working day', () => {
    const [event] = applicationDecider.decide(
      file({ at: '2026-03-16T14:00:00.000Z' }),
      foldOf(hearingHistory.refused()),
    );
    expect(event).toMatchObject({ data: { acceptedOn: '2026-03-17', considerByOn: '2026-03-27' } });
  });

  it('the last allowed day is allowed (13 June, 3 months after 13 March, until midnight in Astana); the day after is refused naming the field and the reason', () => {
    const lastMinute = '2026-06-13T18:59:59.000Z'; // 23:59:59 on Sat 13 June in Astana
    const [event] = applicationDecider.decide(file({ at: lastMinute }), foldOf(hearingHistory.refused()));
    expect(event).toMatchObject({ type: 'ComplaintFiled', data: { acceptedOn: '2026-06-15' } });
    spec
      .given(hearingHistory.refused())
      .when(file({ at: '2026-06-13T19:00:00.000Z' }))
      .thenThrows((error) => {
        expect(error).toMatchObject({
          code: 'APPLICATION.COMPLAINT_PERIOD_OVER',
          violations: [
            {
              field: 'filedAt',
              reason: 'the period of 3 months from the decision of 2026-03-13 ended on 2026-06-13',
            },
          ],
        });
        return true;
      });
  });

  it('is against what there is: the amounts only of an inclusion, a refusal only of a refusal', () => {
    spec
      .given(hearingHistory.refused())
      .when(file({ against: 'inclusion-amounts' }))
      .thenThrows({ code: 'APPLICATION.NOTHING_TO_COMPLAIN_OF' });
    spec.given(history.included()).when(file()).thenThrows({ code: 'APPLICATION.NOTHING_TO_COMPLAIN_OF' });
    const [event] = applicationDecider.decide(file({ against: 'inclusion-amounts' }), foldOf(history.included()));
    expect(event).toMatchObject({ data: { decision: { number: 'KQ-2026-000001', date: '2026-03-10' } } });
  });

  it('against a missed term: only while undecided with the review’s deadline breached', () => {
    const [event] = applicationDecider.decide(file({ against: 'missed-term' }), foldOf(history.breached()));
    expect(event).toMatchObject({ type: 'ComplaintFiled', data: { against: 'missed-term', decision: null } });
    spec
      .given(history.underReview())
      .when(file({ against: 'missed-term' }))
      .thenThrows({ code: 'APPLICATION.NOTHING_TO_COMPLAIN_OF' });
  });

  it('one open complaint at a time (the same one again is nothing); none on a withdrawn application', () => {
    spec
      .given(refusedAndComplained())
      .when(file({ complaintId: 'c-2' }))
      .thenThrows({ code: 'APPLICATION.COMPLAINT_ALREADY_OPEN' });
    spec.given(refusedAndComplained()).when(file()).thenNothingHappened();
    spec.given(history.withdrawn()).when(file()).thenThrows({ code: 'APPLICATION.WITHDRAWN' });
  });

  it('several over the life: once answered, another may be filed', () => {
    const rejected = after(refusedAndComplained(), {
      type: 'RejectComplaint',
      ...at('2026-03-18T05:00:00.000Z'),
      complaintId: 'c-1',
      reasons: 'The passport had expired on the day of the review',
      supervisorId: 'supervisor-1',
    });
    const [event] = applicationDecider.decide(file({ complaintId: 'c-2' }), foldOf(rejected));
    expect(event).toMatchObject({ type: 'ComplaintFiled', data: { complaintId: 'c-2' } });
  });
});

describe('the complaint’s term: at risk, breach, escalation', () => {
  const step = (type: 'FlagComplaintAtRisk' | 'RecordComplaintBreach', instant: string, complaintId = 'c-1') =>
    ({ type, ...at(instant), complaintId }) as ApplicationCommand;

  it('warns at the at-risk instant, not before; a step for another complaint is moot', () => {
    spec
      .given(refusedAndComplained())
      .when(step('FlagComplaintAtRisk', '2026-03-20T13:29:59.000Z'))
      .thenThrows({ code: 'APPLICATION.SLA_NOT_DUE' });
    spec
      .given(refusedAndComplained())
      .when(step('FlagComplaintAtRisk', '2026-03-20T13:30:00.000Z'))
      .then([
        {
          type: 'ComplaintAtRisk',
          data: {
            applicationId: id,
            complaintId: 'c-1',
            atRiskAt: '2026-03-20T13:30:00.000Z',
            considerBy: '2026-03-26T13:30:00.000Z',
            flaggedAt: '2026-03-20T13:30:00.000Z',
          },
        },
      ]);
    spec
      .given(refusedAndComplained())
      .when(step('FlagComplaintAtRisk', '2026-03-21T00:00:00.000Z', 'c-9'))
      .thenNothingHappened();
  });

  it('records the breach at the end of the term; only a breach escalates', () => {
    const escalate: ApplicationCommand = {
      type: 'EscalateComplaint',
      ...at('2026-03-26T13:30:00.000Z'),
      complaintId: 'c-1',
      reason: 'No answer',
    };
    spec.given(refusedAndComplained()).when(escalate).thenThrows({ code: 'APPLICATION.SLA_NOT_BREACHED' });
    const breached = after(refusedAndComplained(), step('RecordComplaintBreach', '2026-03-26T13:30:00.000Z'));
    expect(breached.at(-1)).toMatchObject({ type: 'ComplaintBreached' });
    spec
      .given(breached)
      .when(escalate)
      .then([
        {
          type: 'ComplaintEscalated',
          data: {
            applicationId: id,
            complaintId: 'c-1',
            queue: 'supervisors',
            reason: 'No answer',
            escalatedAt: '2026-03-26T13:30:00.000Z',
          },
        },
      ]);
  });
});

describe('the answer to a complaint', () => {
  const satisfy = (
    remedy: 'include' | 'return-to-review',
    instant = '2026-03-18T05:00:00.000Z',
  ): ApplicationCommand => ({
    type: 'SatisfyComplaint',
    ...at(instant),
    complaintId: 'c-1',
    remedy,
    reason: 'The passport was valid',
    supervisorId: 'supervisor-1',
  });
  const revokedRefusal = (remedy: 'include' | 'return-to-review', by: object, revokedAt: string) => ({
    type: 'DecisionRevoked',
    data: {
      applicationId: id,
      quota: QUOTA,
      persons: 3,
      decision: { number: 'KR-2026-3F1C2A4E8B7D', date: '2026-03-13' },
      revokedFrom: 'refused',
      remedy,
      by,
      subsidiesStopped: [],
      revokedAt,
    },
  });

  it('satisfied → the refusal revoked; back to review, the application awaits a reviewer with no deadline until the process schedules a fresh one', () => {
    spec
      .given(refusedAndComplained())
      .when(satisfy('return-to-review'))
      .then([
        {
          type: 'ComplaintSatisfied',
          data: {
            applicationId: id,
            complaintId: 'c-1',
            remedy: 'return-to-review',
            reason: 'The passport was valid',
            decidedBy: 'supervisor-1',
            satisfiedAt: '2026-03-18T05:00:00.000Z',
            late: false,
          },
        },
        revokedRefusal('return-to-review', { kind: 'complaint', complaintId: 'c-1' }, '2026-03-18T05:00:00.000Z'),
      ] as ApplicationEvent[]);
    const state = foldOf(after(refusedAndComplained(), satisfy('return-to-review')));
    expect(state).toMatchObject({
      status: 'signed',
      reviewerId: null,
      sla: { deadline: null },
      reviewClockFrom: '2026-03-18T05:00:00.000Z',
    });
  });

  it('satisfied with "include" → eligible; a later refusal is numbered apart from the revoked one', () => {
    const revoked = after(refusedAndComplained(), satisfy('include'));
    expect(foldOf(revoked)).toMatchObject({ status: 'reviewed', review: { verdict: 'eligible' } });
    const [refused] = applicationDecider.decide(
      {
        type: 'RefuseApplication',
        ...at('2026-03-18T06:00:00.000Z'),
        grounds: ['QUOTA_EXHAUSTED'],
        explanation: 'The quota filled meanwhile',
      },
      foldOf(revoked),
    );
    expect(refused).toMatchObject({ data: { decision: { number: 'KR-2026-3F1C2A4E8B7D-2', date: '2026-03-18' } } });
  });

  it('satisfied with "include" → the inclusion that follows is numbered apart too, from the base number the process brings', () => {
    const revoked = after(refusedAndComplained(), satisfy('include'));
    const [included] = applicationDecider.decide(
      {
        type: 'IncludeInQuota',
        ...at('2026-03-18T06:00:00.000Z'),
        persons: 3,
        decision: { number: 'KQ-2026-3F1C2A4E8B7D', date: '2026-03-18' },
      },
      foldOf(revoked),
    );
    expect(included).toMatchObject({ data: { decision: { number: 'KQ-2026-3F1C2A4E8B7D-2', date: '2026-03-18' } } });
  });

  it('a revoked inclusion lists every subsidy it granted as stopped', () => {
    const granted = after(
      history.included(),
      { type: 'GrantSubsidy', ...at('2026-03-10T06:00:02.000Z'), kind: 'relocation' },
      { type: 'GrantSubsidy', ...at('2026-03-10T06:00:02.000Z'), kind: 'rent' },
      file({ against: 'inclusion-amounts', at: '2026-03-12T05:00:00.000Z' }),
    );
    const events = applicationDecider.decide(satisfy('return-to-review'), foldOf(granted));
    expect(events[1]).toMatchObject({
      type: 'DecisionRevoked',
      data: {
        revokedFrom: 'included',
        subsidiesStopped: [
          { kind: 'relocation', amount: expect.any(Number), grantedAt: '2026-03-10T06:00:02.000Z' },
          { kind: 'rent', amount: expect.any(Number), grantedAt: '2026-03-10T06:00:02.000Z' },
        ],
      },
    });
  });

  it('a satisfied complaint about a missed term revokes nothing: there is no decision', () => {
    const complained = after(history.breached(), file({ against: 'missed-term' }));
    const events = applicationDecider.decide(satisfy('return-to-review'), foldOf(complained));
    expect(events.map((e) => e.type)).toEqual(['ComplaintSatisfied']);
  });

  it('an answer after the term is recorded as late; an unknown complaint or remedy is refused', () => {
    const [event] = applicationDecider.decide(
      satisfy('include', '2026-03-27T05:00:00.000Z'),
      foldOf(refusedAndComplained()),
    );
    expect(event).toMatchObject({ data: { late: true } });
    spec
      .given(hearingHistory.refused())
      .when(satisfy('include'))
      .thenThrows({ code: 'APPLICATION.COMPLAINT_NOT_OPEN' });
    spec
      .given(refusedAndComplained())
      .when({ ...satisfy('include'), remedy: 'apologise' } as unknown as ApplicationCommand)
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
  });

  it('rejected with reasons: the decision stands', () => {
    const rejected = after(refusedAndComplained(), {
      type: 'RejectComplaint',
      ...at('2026-03-18T05:00:00.000Z'),
      complaintId: 'c-1',
      reasons: 'The passport had expired',
      supervisorId: 'supervisor-1',
    });
    expect(rejected.at(-1)).toMatchObject({
      type: 'ComplaintRejected',
      data: { reasons: 'The passport had expired', late: false },
    });
    expect(foldOf(rejected)).toMatchObject({ status: 'refused' });
  });
});

describe('RecordAuthorityDecision', () => {
  const authority = (overrides: object = {}): ApplicationCommand => ({
    type: 'RecordAuthorityDecision',
    ...at('2026-04-20T05:00:00.000Z'),
    complaintId: 'c-1',
    authority: 'Agency for Civil Service Affairs',
    documentNumber: 'AD-77',
    date: '2026-04-17',
    outcome: 'satisfied',
    remedy: 'include',
    ...overrides,
  });

  it('a satisfied decision binds the provider: recorded, the decision revoked, the open complaint closed', () => {
    const events = applicationDecider.decide(authority(), foldOf(refusedAndComplained()));
    expect(events).toMatchObject([
      { type: 'AuthorityDecisionRecorded', data: { complaintId: 'c-1', outcome: 'satisfied', remedy: 'include' } },
      { type: 'DecisionRevoked', data: { by: { kind: 'authority', documentNumber: 'AD-77' }, remedy: 'include' } },
    ]);
    const state = foldOf([...refusedAndComplained(), ...events]);
    expect(state).toMatchObject({ status: 'reviewed' });
    expect('complaint' in state && state.complaint).toBeFalsy();
  });

  it('a rejection is recorded only; a satisfied one names its remedy and needs a decision to revoke', () => {
    const events = applicationDecider.decide(
      authority({ outcome: 'rejected', remedy: undefined }),
      foldOf(hearingHistory.refused()),
    );
    expect(events.map((e) => e.type)).toEqual(['AuthorityDecisionRecorded']);
    spec
      .given(hearingHistory.refused())
      .when(authority({ remedy: undefined }))
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
    spec.given(history.underReview()).when(authority()).thenThrows({ code: 'APPLICATION.NOT_DECIDED' });
  });

  it('none on a withdrawn application, whose history takes nothing more', () => {
    spec
      .given(history.withdrawn())
      .when(authority({ outcome: 'rejected', remedy: undefined }))
      .thenThrows({ code: 'APPLICATION.WITHDRAWN' });
  });
});
