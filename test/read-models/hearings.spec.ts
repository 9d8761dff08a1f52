import { applicationDecider, applicationStreamId } from '@domain/application';
import type { ApplicationCommand, ApplicationEvent } from '@domain/application';
import { DEFAULT_SLA_POLICY, KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import { COMPLAINT_TERMS_V1 } from '@domain/law';
import { HearingsQuery } from '@infra/read-models';
import { APPLICATION_ID as id } from '../domain/application/fixtures';
import { hearingHistory } from '../domain/application/hearing-fixtures';
import { envelope, ReadModels } from './support/read-models';

const law = {
  calendar: WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS),
  slaPolicy: DEFAULT_SLA_POLICY,
  terms: COMPLAINT_TERMS_V1,
};
const foldOf = (events: readonly ApplicationEvent[]) =>
  events.reduce(applicationDecider.evolve, applicationDecider.initialState());
const after = (events: readonly ApplicationEvent[], ...commands: ApplicationCommand[]): ApplicationEvent[] =>
  commands.reduce<ApplicationEvent[]>(
    (all, command) => [...all, ...applicationDecider.decide(command, foldOf(all))],
    [...events],
  );
const complain: ApplicationCommand = {
  type: 'FileComplaint',
  applicationId: id,
  at: '2026-03-16T05:00:00.000Z',
  complaintId: 'c-1',
  against: 'refusal',
  text: 'My passport was valid',
  law,
};
const satisfy: ApplicationCommand = {
  type: 'SatisfyComplaint',
  applicationId: id,
  at: '2026-03-18T05:00:00.000Z',
  complaintId: 'c-1',
  remedy: 'return-to-review',
  reason: 'The passport was valid',
  supervisorId: 'supervisor-1',
};
const recorded = (events: readonly ApplicationEvent[]) =>
  events.map((event, revision) =>
    envelope(applicationStreamId(id), revision, event.type, event.data, undefined, BigInt(revision + 1)),
  );

/** The proposal, its hearing, the complaint and the revocation in the applications read model (ADR 32). */
describe('the hearings and complaints of the applications read model', () => {
  it('lists a proposed refusal in the hearings queue with its hearing offered, and the details with the proposal', () => {
    const models = new ReadModels().feed(recorded(hearingHistory.heard()));
    const queue = new HearingsQuery(models.db).hearingsQueue();
    expect(queue.items).toEqual([
      expect.objectContaining({
        applicationId: id,
        source: 'review',
        objections: 0,
        heardAt: '2026-03-11T06:00:00.000Z',
      }),
    ]);
    const details = models.applications.details(id)!;
    expect(details.status).toBe('refusal-proposed');
    expect(details.refusalProposal?.heard).toMatchObject({ heardBy: 'officer-7', attendance: 'attended' });
    expect(new HearingsQuery(models.db).hearingCounts()).toEqual({ noticePending: 0, awaitingHearing: 0, heard: 1 });
  });

  it('puts an application whose refusal can no longer be notified in time in the supervisors’ queue', () => {
    const at = (instant: string) => ({ applicationId: id, at: instant });
    const escalated = after(
      hearingHistory.noticeScheduled(),
      { type: 'RecordHearingNoticeBreach', ...at('2026-03-18T13:30:01.000Z') },
      { type: 'EscalateHearingNotice', ...at('2026-03-18T13:30:01.000Z'), reason: 'No refusal notified in time' },
    );
    expect(escalated.map((e) => e.type).slice(-2)).toEqual(['HearingNoticeBreached', 'HearingNoticeEscalated']);
    const models = new ReadModels().feed(recorded(escalated));
    expect(models.applications.get(id)).toMatchObject({ escalated: true, breached: false });
    expect(models.applications.supervisorQueue().items.map((a) => a.applicationId)).toEqual([id]);
  });

  it('follows a complaint from the queue to its answer, and records the revocation; twice the events, the same tables', () => {
    const events = recorded(after(hearingHistory.refused(), complain, satisfy));
    const filed = recorded(after(hearingHistory.refused(), complain));
    const open = new ReadModels().feed(filed);
    expect(new HearingsQuery(open.db).complaintsQueue().items).toEqual([
      expect.objectContaining({ applicationId: id, complaintId: 'c-1', against: 'refusal', atRisk: false }),
    ]);

    const once = new ReadModels().feed(events);
    const twice = new ReadModels().feed(events).feed(events);
    expect(twice.digests()).toEqual(once.digests());
    const details = once.applications.details(id)!;
    expect(details.status).toBe('signed');
    expect(details.complaints).toEqual([
      expect.objectContaining({ complaintId: 'c-1', state: 'satisfied', remedy: 'return-to-review' }),
    ]);
    expect(details.revocations).toEqual([
      expect.objectContaining({ revokedFrom: 'refused', remedy: 'return-to-review', subsidiesStopped: [] }),
    ]);
    expect(new HearingsQuery(once.db).complaintsQueue().items).toEqual([]);
    expect(new HearingsQuery(once.db).complaintCounts()).toMatchObject({ open: 0, satisfied: 1 });
  });

  it('shows the review to come after a decision revoked back to review, not the one undone', () => {
    const reviewed = after(hearingHistory.refused(), complain);
    const byReviewer = reviewed.find((e) => e.type === 'ApplicationReviewed')!.data.reviewerId;
    const revoked = after(reviewed, satisfy);
    const emptyReview = { verdict: null, findings: [], grounds: [], groundsListVersion: null, comment: null };
    expect(new ReadModels().feed(recorded(revoked)).applications.details(id)!.review).toEqual({
      reviewerId: null,
      reviewedAt: null,
      ...emptyReview,
    });
    const taken = after(revoked, {
      type: 'StartReview',
      applicationId: id,
      at: '2026-03-19T05:00:00.000Z',
      reviewerId: 'reviewer-9',
    });
    const details = new ReadModels().feed(recorded(taken)).applications.details(id)!;
    expect(byReviewer).not.toBe('reviewer-9');
    expect(details.review).toEqual({ reviewerId: 'reviewer-9', reviewedAt: null, ...emptyReview });
    expect(details.revocations).toHaveLength(1);
  });
});
