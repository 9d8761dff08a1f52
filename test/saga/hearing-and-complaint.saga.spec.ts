import { applicationStreamId, type ApplicationCommand } from '@domain/application';
import { complaintLawOf } from '@domain/review-process';
import type { Untimed } from '@libs/workflow';
import { LAW_IN_FORCE, type LawInForce } from '@libs/workflow';
import { SagaHarness } from './support/saga-harness';
import { review, submitAndSign } from './support/scenario';

const PORTAL = { id: 'egov', role: 'portal' };
const SUPERVISOR = { id: 'supervisor-1', role: 'supervisor' };
const OFFICER = { id: 'officer-7', role: 'reviewer' };

/** Issue 20's acceptance and its four cases, on the Kazakhstan calendar of 2026 (ADR 32). */
describe('review saga: heard before refused, and a wrong decision undone', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await SagaHarness.start();
  });
  afterEach(() => h.close());

  const dataOf = async (id: string, type: string) =>
    (await h.events(applicationStreamId(id))).filter((e) => e.type === type).map((e) => e.data);
  const lastOf = async (id: string, type: string) => (await dataOf(id, type)).at(-1);
  const at = async (instant: string, command: Untimed<ApplicationCommand>, actor: { id: string; role: string }) => {
    h.clock.set(instant);
    const outcome = await h.apply(command, actor);
    await h.settle();
    return outcome;
  };
  const fileComplaint = (
    applicationId: string,
    instant: string,
    against: 'refusal' | 'inclusion-amounts',
    complaintId = 'c-1',
  ) =>
    at(
      instant,
      {
        type: 'FileComplaint',
        applicationId,
        complaintId,
        against,
        text: 'The decision is wrong',
        law: complaintLawOf(h.app.get<LawInForce>(LAW_IN_FORCE).current()),
      },
      PORTAL,
    );
  const satisfy = (
    applicationId: string,
    instant: string,
    remedy: 'include' | 'return-to-review',
    complaintId = 'c-1',
  ) =>
    at(
      instant,
      {
        type: 'SatisfyComplaint',
        applicationId,
        complaintId,
        remedy,
        reason: 'The complaint is right',
        supervisorId: 'supervisor-1',
      },
      SUPERVISOR,
    );
  const confirm = (applicationId: string, instant: string) =>
    at(instant, { type: 'ConfirmRefusal', applicationId }, SUPERVISOR);

  it('the acceptance walk: preliminary refusal → notice deadline → hearing → refusal → complaint → satisfied → included, every deadline where the calendar puts it', async () => {
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    const id = await submitAndSign(h); // Mon 2 March 2026, 10:00 in Astana: accepted that day
    await h.settle();
    // The review is due Thu 26 March, 18:30 (Mon 9 March and Nauryz 23–25 March off). A refusal must
    // be notified 3 working days before: 25, 24, 23 are Nauryz, so Fri 20, Thu 19, Wed 18 March,
    // 18:30; its warning 1 working day earlier, Tue 17 March, 18:30.
    expect(await lastOf(id, 'HearingNoticeDeadlineScheduled')).toMatchObject({
      reviewDueOn: '2026-03-26',
      noticeDueOn: '2026-03-18',
      noticeDueBy: '2026-03-18T13:30:00.000Z',
      atRiskOn: '2026-03-17',
      atRiskAt: '2026-03-17T13:30:00.000Z',
      termsVersion: '1',
    });
    await h.advanceTo('2026-03-17T13:29:59.000Z');
    expect(await dataOf(id, 'HearingNoticeAtRisk')).toEqual([]);
    await h.advanceTo('2026-03-17T13:30:00.000Z');
    expect(await lastOf(id, 'HearingNoticeAtRisk')).toMatchObject({ flaggedAt: '2026-03-17T13:30:00.000Z' });

    // Wed 18 March, 10:00: not eligible → a refusal proposed in time; heard within 2 working days: Fri 20 March, 18:30.
    h.clock.set('2026-03-18T05:00:00.000Z');
    await review(h, id, 'not-eligible');
    await h.settle();
    expect(await lastOf(id, 'RefusalProposed')).toMatchObject({
      source: 'review',
      grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
      proposedAt: '2026-03-18T05:00:00.000Z',
      hearing: { way: 'video-call', heldByOn: '2026-03-20', heldBy: '2026-03-20T13:30:00.000Z' },
      noticeDueBy: '2026-03-18T13:30:00.000Z',
      noticeLate: false,
    });
    // The notice was in time: its deadline passes with nothing to say; the review's own clock runs on.
    await h.advanceTo('2026-03-18T13:30:00.000Z');
    expect(await dataOf(id, 'HearingNoticeBreached')).toEqual([]);
    expect(await lastOf(id, 'ReviewSlaAtRisk')).toMatchObject({ dueAt: '2026-03-26T13:30:00.000Z' });

    await at(
      '2026-03-19T04:00:00.000Z',
      {
        type: 'RecordApplicantObjection',
        applicationId: id,
        objectionId: 'o-1',
        text: 'My passport was renewed',
        documentsAdded: [{ title: 'New passport', reference: 'doc-41' }],
      },
      PORTAL,
    );
    await expect(confirm(id, '2026-03-19T05:00:00.000Z')).rejects.toMatchObject({
      code: 'APPLICATION.HEARING_WINDOW_OPEN',
    });
    await at(
      '2026-03-19T06:00:00.000Z',
      {
        type: 'RecordHearing',
        applicationId: id,
        heardBy: 'officer-7',
        heldAt: '2026-03-19T05:30:00.000Z',
        attendance: 'attended',
        statement: 'The renewed passport was not apostilled',
      },
      OFFICER,
    );
    await confirm(id, '2026-03-20T05:00:00.000Z');
    expect(await lastOf(id, 'ApplicationRefused')).toMatchObject({
      grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
      decision: { date: '2026-03-20' },
      dueAt: '2026-03-26T13:30:00.000Z',
      late: false,
    });

    // Fri 20 March, 14:00: the complaint, taken that day; 5 working days past Nauryz: Wed 1 April, 18:30; at risk Tue 31 March.
    await fileComplaint(id, '2026-03-20T09:00:00.000Z', 'refusal');
    expect(await lastOf(id, 'ComplaintFiled')).toMatchObject({
      level: 'provider',
      acceptedOn: '2026-03-20',
      considerByOn: '2026-04-01',
      considerBy: '2026-04-01T13:30:00.000Z',
      atRiskOn: '2026-03-31',
      atRiskAt: '2026-03-31T13:30:00.000Z',
    });
    await h.advanceTo('2026-03-31T13:30:00.000Z');
    expect(await lastOf(id, 'ComplaintAtRisk')).toMatchObject({ flaggedAt: '2026-03-31T13:30:00.000Z' });

    await satisfy(id, '2026-04-01T05:00:00.000Z', 'include');
    await h.advanceTo('2026-04-30T05:00:00.000Z');
    expect(await h.typesOf(id)).toEqual([
      'ApplicationSubmitted',
      'SigningCodeIssued',
      'ApplicationSigned',
      'ReviewDeadlineScheduled',
      'HearingNoticeDeadlineScheduled',
      'HearingNoticeAtRisk',
      'ReviewStarted',
      'ApplicationReviewed',
      'RefusalProposed',
      'ReviewSlaAtRisk',
      'ApplicantObjected',
      'HearingHeld',
      'ApplicationRefused',
      'ComplaintFiled',
      'ComplaintAtRisk',
      'ComplaintSatisfied',
      'DecisionRevoked',
      'ApplicationIncluded',
      'SubsidyGranted',
      'SubsidyGranted',
    ]);
    // Included on the day the complaint was satisfied; counted against the review's promised term, so late.
    // Numbered apart from the refusal it replaces: the application's inclusion number, its second decision.
    expect(await lastOf(id, 'ApplicationIncluded')).toMatchObject({
      decision: { number: expect.stringMatching(/^KQ-2026-[0-9A-F]{12}-2$/), date: '2026-04-01' },
      late: true,
    });
    const quota = await h.quotaEvents('pavlodar', 2026, 'kandas');
    expect(quota.map((e) => [e.type, (e.data as { askedAfter?: string }).askedAfter])).toEqual([
      ['QuotaCapacitySet', undefined],
      ['SeatsReserved', undefined],
    ]);
  });

  it('a hearing notice due on the day before a holiday: not carried over Nauryz; a proposal on the holiday is late, its hearing counted from the next working day', async () => {
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    h.clock.set('2026-03-04T05:00:00.000Z'); // Wed 4 March: the review is due Mon 30 March
    const id = await submitAndSign(h);
    await h.settle();
    // 30, then 27, 26 back, then 25–23 are Nauryz: the notice is due Fri 20 March, the last day before it.
    expect(await lastOf(id, 'HearingNoticeDeadlineScheduled')).toMatchObject({
      reviewDueOn: '2026-03-30',
      noticeDueOn: '2026-03-20',
      noticeDueBy: '2026-03-20T13:30:00.000Z',
      atRiskOn: '2026-03-19',
    });
    await h.advanceTo('2026-03-20T13:29:59.000Z');
    expect(await dataOf(id, 'HearingNoticeBreached')).toEqual([]);
    await h.advanceTo('2026-03-20T13:30:00.000Z');
    expect(await lastOf(id, 'HearingNoticeBreached')).toMatchObject({ noticeDueBy: '2026-03-20T13:30:00.000Z' });
    expect(await lastOf(id, 'HearingNoticeEscalated')).toMatchObject({
      queue: 'supervisors',
      reason: expect.stringContaining('No refusal can now be notified in time'),
    });
    // Mon 23 March, Nauryz: a supervisor proposes anyway; late, heard by Mon 30 March (26, 27 … 30).
    h.clock.set('2026-03-23T05:00:00.000Z');
    await review(h, id, 'not-eligible');
    await h.settle();
    expect(await lastOf(id, 'RefusalProposed')).toMatchObject({
      noticeLate: true,
      hearing: { heldByOn: '2026-03-30', heldBy: '2026-03-30T13:30:00.000Z' },
    });
  });

  /** Applications signed on 2 March, found not eligible on 18 March, refused on 20 March once the hearing's time ran out. */
  async function refusedOn20March(count = 1): Promise<string[]> {
    await h.openQuota('pavlodar', 2026, 'kandas', 3);
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) ids.push(await submitAndSign(h));
    await h.settle();
    h.clock.set('2026-03-18T05:00:00.000Z');
    for (const id of ids) await review(h, id, 'not-eligible');
    await h.settle();
    h.clock.set('2026-03-20T13:30:00.001Z');
    for (const id of ids) await confirm(id, '2026-03-20T13:30:00.001Z');
    return ids;
  }

  it('a complaint filed on the last allowed day is taken; the day after is refused; unanswered, it breaches and escalates', async () => {
    const [id, other] = (await refusedOn20March(2)) as [string, string];
    expect(await lastOf(id, 'ApplicationRefused')).toMatchObject({ decision: { date: '2026-03-20' } });
    // 3 months from 20 March: Sat 20 June is the last day, until midnight in Astana; the day after is late.
    await fileComplaint(id, '2026-06-20T18:59:59.000Z', 'refusal');
    await expect(fileComplaint(other, '2026-06-20T19:00:00.000Z', 'refusal')).rejects.toMatchObject({
      code: 'APPLICATION.COMPLAINT_PERIOD_OVER',
      violations: [{ field: 'filedAt', reason: expect.stringContaining('ended on 2026-06-20') }],
    });
    // Filed on a Saturday: taken on Mon 22 June, to be answered by Mon 29 June, 18:30.
    expect(await lastOf(id, 'ComplaintFiled')).toMatchObject({
      acceptedOn: '2026-06-22',
      considerBy: '2026-06-29T13:30:00.000Z',
      atRiskOn: '2026-06-26',
    });
    await h.advanceTo('2026-06-29T13:30:00.000Z');
    expect((await h.typesOf(id)).slice(-4)).toEqual([
      'ComplaintFiled',
      'ComplaintAtRisk',
      'ComplaintBreached',
      'ComplaintEscalated',
    ]);
  });

  it('a satisfied complaint when the quota filled meanwhile: refused at once on that ground, the seats stated, a new complaint period', async () => {
    const [id] = (await refusedOn20March()) as [string];
    const other = await submitAndSign(h);
    await h.settle();
    h.clock.set('2026-03-23T05:00:00.000Z');
    await review(h, other, 'eligible'); // takes the 3 seats
    await h.settle();
    await fileComplaint(id, '2026-03-26T05:00:00.000Z', 'refusal');
    await satisfy(id, '2026-03-27T05:00:00.000Z', 'include');
    expect((await h.typesOf(id)).slice(-3)).toEqual(['ComplaintSatisfied', 'DecisionRevoked', 'ApplicationRefused']);
    const refusals = await dataOf(id, 'ApplicationRefused');
    expect(refusals[1]).toMatchObject({
      grounds: ['QUOTA_EXHAUSTED'],
      explanation: 'The kandas quota of pavlodar for 2026 has 0 seat(s) left; the family counts 3',
      decision: {
        number: `${(refusals[0] as { decision: { number: string } }).decision.number}-2`,
        date: '2026-03-27',
      },
    });
    expect(await dataOf(id, 'RefusalProposed')).toHaveLength(1); // no second hearing
    const quota = await h.quotaEvents('pavlodar', 2026, 'kandas');
    expect(quota.at(-1)!.data).toMatchObject({
      applicationId: id,
      reason: 'QUOTA_EXHAUSTED',
      askedAfter: 'revoked-decision',
    });
    // The new refusal opens a new period: a complaint against it is taken.
    await fileComplaint(id, '2026-06-27T05:00:00.000Z', 'refusal', 'c-2');
    expect(await lastOf(id, 'ComplaintFiled')).toMatchObject({ complaintId: 'c-2', decision: { date: '2026-03-27' } });
  });

  it('a revoked inclusion: its seats and persons given back, its granted subsidies listed as stopped, back to review with a fresh term', async () => {
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    const id = await submitAndSign(h);
    await h.settle();
    h.clock.set('2026-03-10T06:00:00.000Z');
    await review(h, id, 'eligible');
    await h.settle();
    const granted = (await dataOf(id, 'SubsidyGranted')) as { kind: string; amount: number }[];
    await fileComplaint(id, '2026-03-11T05:00:00.000Z', 'inclusion-amounts');
    // Mon 13 April 2026, 10:00: revoked, back to review.
    await satisfy(id, '2026-04-13T05:00:00.000Z', 'return-to-review');
    expect(await lastOf(id, 'DecisionRevoked')).toMatchObject({
      revokedFrom: 'included',
      remedy: 'return-to-review',
      subsidiesStopped: granted.map(({ kind, amount }) => expect.objectContaining({ kind, amount })),
    });
    const quota = await h.quotaEvents('pavlodar', 2026, 'kandas');
    expect(quota.at(-1)).toMatchObject({
      type: 'SeatsReleased',
      data: { applicationId: id, persons: 3, remaining: 977 },
    });
    // Every person the inclusion recorded (those with an IIN) is free again.
    const personEvents = (await h.allEvents()).filter(
      (e) => e.type === 'PersonIncluded' || e.type === 'PersonReleased',
    );
    const streams = (type: string) => personEvents.filter((e) => e.type === type).map((e) => e.streamId);
    expect(streams('PersonReleased')).toEqual(streams('PersonIncluded'));
    expect(
      personEvents.filter((e) => e.type === 'PersonReleased').map((e) => (e.data as { reason: string }).reason),
    ).toEqual(streams('PersonIncluded').map(() => 'decision-revoked'));
    // A fresh service term from the revocation: 14 working days after 13 April (1 May and 7–9 May off).
    const deadlines = await dataOf(id, 'ReviewDeadlineScheduled');
    expect(deadlines.at(-1)).toMatchObject({ acceptedOn: '2026-04-13', dueOn: '2026-05-04' });
    expect(await lastOf(id, 'HearingNoticeDeadlineScheduled')).toMatchObject({ reviewDueOn: '2026-05-04' });
    // A reviewer takes it up again.
    await at('2026-04-14T05:00:00.000Z', { type: 'StartReview', applicationId: id, reviewerId: 'reviewer-2' }, OFFICER);
    expect((await h.typesOf(id)).at(-1)).toBe('ReviewStarted');
  });
});
