import { applicationStreamId } from '@domain/application';
import { ApplicationView } from '@infra/read-models';
import { APPLICANT_IIN } from '../domain/application/fixtures';
import { START } from '../saga/support/saga-harness';
import { ReadModels } from './support/read-models';
import { History, runWorkflow } from './support/workflow-history';

describe('applications read model, fed the events of a real workflow run', () => {
  let history: History;
  let models: ReadModels;
  let name: Record<string, string>;
  beforeAll(async () => {
    history = await runWorkflow();
    models = new ReadModels().feed(history.events);
    name = Object.fromEntries(Object.entries(history.ids).map(([key, id]) => [id, key]));
  });
  const names = (items: readonly ApplicationView[]) => items.map((item) => name[item.applicationId]);
  const list = (filter: Parameters<ReadModels['applications']['list']>[0]) =>
    names(models.applications.list(filter, { limit: 200 }).items);
  /** Application keys in list order: submission instant, then id. */
  const ordered = (...keys: Array<keyof History['ids']>) =>
    keys
      .map((key) => ({ key, id: history.ids[key], at: models.applications.get(history.ids[key])!.submittedAt }))
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
      .map((x) => x.key);

  it('keeps one row per application with its whole story, as plain JSON', () => {
    const included = models.applications.get(history.ids.included)!;
    const stream = history.events.filter((e) => e.streamId === applicationStreamId(history.ids.included));
    expect(included).toEqual({
      applicationId: history.ids.included,
      status: 'included',
      category: 'kandas',
      region: 'pavlodar',
      year: 2026,
      applicantIin: APPLICANT_IIN,
      applicantName: 'Нұрланұлы Ержан Серікұлы',
      persons: 3,
      reviewerId: 'reviewer-1',
      submittedAt: START,
      signedAt: START,
      acceptedOn: '2026-03-02',
      dueOn: '2026-03-26',
      dueAt: '2026-03-26T13:30:00.000Z',
      atRiskAt: '2026-03-18T13:30:00.000Z',
      atRisk: false,
      breached: false,
      escalated: false,
      decidedAt: '2026-03-05T05:00:00.000Z',
      decision: 'included',
      decisionNumber: expect.any(String),
      decisionDate: '2026-03-05',
      late: false,
      grounds: null,
      relocationAmount: 70 * 4325 * 3,
      rentAmount: 20 * 4325 * 12,
      withdrawnAt: null,
      updatedAt: stream.at(-1)!.metadata.occurredAt,
      lastRevision: stream.at(-1)!.revision,
      lastPosition: String(stream.at(-1)!.position),
    });
    expect(JSON.parse(JSON.stringify(included))).toEqual(included);
  });

  it('records refusals with their grounds, withdrawals, and a late decision after a breach', () => {
    const get = (key: keyof History['ids']) => models.applications.get(history.ids[key])!;
    expect(get('refused')).toMatchObject({
      status: 'refused',
      decision: 'refused',
      category: 'resettler',
      persons: 1,
      grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
      late: false,
    });
    expect(get('exhausted')).toMatchObject({
      status: 'refused',
      grounds: ['QUOTA_EXHAUSTED'],
      relocationAmount: null,
    });
    expect(get('withdrawn')).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: '2026-03-05T05:00:00.000Z',
      decision: null,
    });
    expect(get('late')).toMatchObject({
      status: 'included',
      region: 'akmola',
      late: true,
      atRisk: true,
      breached: true,
      escalated: true,
      reviewerId: 'reviewer-3',
    });
    expect(get('reassigned')).toMatchObject({
      status: 'under-review',
      reviewerId: 'reviewer-1',
      atRisk: true,
      breached: false,
    });
    expect(get('unassigned')).toMatchObject({ status: 'signed', reviewerId: null, dueAt: '2026-03-27T13:30:00.000Z' });
    expect(models.applications.get('no-such-application')).toBeNull();
  });

  it('filters by status, region, year, category and reviewer', () => {
    expect(list({ status: 'under-review' })).toEqual(ordered('breached', 'reassigned', 'atRisk'));
    expect(list({ region: 'akmola' })).toEqual(ordered('late', 'unassigned', 'onTime'));
    expect(list({ category: 'resettler' })).toEqual(['refused']);
    expect(list({ reviewerId: 'reviewer-2' })).toEqual(ordered('refused', 'exhausted'));
    expect(list({ year: 2026 })).toHaveLength(11);
    expect(list({ year: 2025 })).toEqual([]);
    expect(list({ region: 'pavlodar', status: 'refused', category: 'kandas' })).toEqual(['exhausted']);
  });

  it('filters at risk and overdue among the open applications only', () => {
    expect(list({ atRisk: true })).toEqual(
      ordered('breached', 'unassignedBreached', 'reassigned', 'unassigned', 'atRisk'),
    );
    expect(list({ atRisk: false })).toHaveLength(11 - 5);
    expect(list({ overdue: true })).toEqual(ordered('breached', 'unassignedBreached'));
    expect(list({ overdue: true, region: 'akmola' })).toEqual([]); // the late one is decided
    expect(list({ atRisk: true, overdue: false })).toEqual(ordered('reassigned', 'unassigned', 'atRisk'));
  });

  it('pages through 3 pages with a cursor, in submission order, with no gap and no repeat', () => {
    const all = models.applications.list({}, { limit: 200 });
    expect(all.nextCursor).toBeNull();
    const first = models.applications.list({}, { limit: 4 });
    const second = models.applications.list({}, { limit: 4, cursor: first.nextCursor! });
    const third = models.applications.list({}, { limit: 4, cursor: second.nextCursor! });
    expect([first.items.length, second.items.length, third.items.length]).toEqual([4, 4, 3]);
    expect(third.nextCursor).toBeNull();
    expect([...first.items, ...second.items, ...third.items]).toEqual(all.items);
    expect(names(all.items)).toEqual(ordered(...(Object.keys(history.ids) as Array<keyof History['ids']>)));
    expect(models.applications.list({}).items).toHaveLength(11); // default limit 50
  });

  it('pages a filtered list the same way', () => {
    const first = models.applications.list({ atRisk: true }, { limit: 2 });
    const second = models.applications.list({ atRisk: true }, { limit: 2, cursor: first.nextCursor! });
    const third = models.applications.list({ atRisk: true }, { limit: 2, cursor: second.nextCursor! });
    expect(names([...first.items, ...second.items, ...third.items])).toEqual(list({ atRisk: true }));
    expect(third.nextCursor).toBeNull();
  });

  it('keeps a cursor valid while new applications arrive between two pages', () => {
    const onTimeSubmitted = history.events.find(
      (e) =>
        e.type === 'ApplicationSubmitted' && (e.data as { applicationId: string }).applicationId === history.ids.onTime,
    )!;
    const growing = new ReadModels().feed(history.events.filter((e) => e.position < onTimeSubmitted.position));
    const first = growing.applications.list({}, { limit: 4 });
    growing.feed(history.events.filter((e) => e.position >= onTimeSubmitted.position));
    const second = growing.applications.list({}, { limit: 4, cursor: first.nextCursor! });
    const third = growing.applications.list({}, { limit: 4, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((i) => i.applicationId)).toEqual(
      models.applications.list({}, { limit: 200 }).items.map((i) => i.applicationId),
    );
  });

  it('queues: a reviewer’s open work by due date', () => {
    expect(names(models.applications.reviewerQueue('reviewer-1').items)).toEqual(['breached', 'reassigned', 'atRisk']);
    expect(models.applications.reviewerQueue('reviewer-1').items.map((a) => a.dueAt)).toEqual([
      '2026-03-26T13:30:00.000Z',
      '2026-03-27T13:30:00.000Z',
      '2026-03-30T13:30:00.000Z',
    ]);
    expect(models.applications.reviewerQueue('reviewer-2').items).toEqual([]); // decided, or reassigned away
    expect(models.applications.reviewerQueue('reviewer-3').items).toEqual([]); // the late one is decided
  });

  it('queues: supervisors get the escalated or breached undecided applications, by due date', () => {
    // Past the last instant for a hearing notice (ADR 32) a refusal can no longer be lawful in time:
    // the three still undecided on 27 March are escalated with the two whose review term passed (the
    // late one too, but it is decided since and leaves the queue).
    const noticeEscalated = history.events
      .filter((e) => e.type === 'HearingNoticeEscalated')
      .map((e) => name[(e.data as { applicationId: string }).applicationId]);
    expect(noticeEscalated.sort()).toEqual([
      'atRisk',
      'breached',
      'late',
      'reassigned',
      'unassigned',
      'unassignedBreached',
    ]);
    expect(names(models.applications.supervisorQueue().items)).toEqual(
      ordered('breached', 'unassignedBreached', 'reassigned', 'unassigned', 'atRisk'),
    );
  });

  it('queues: signed applications nobody picked up, by due date', () => {
    expect(names(models.applications.unassignedQueue().items)).toEqual(['unassignedBreached', 'unassigned', 'onTime']);
  });
});
