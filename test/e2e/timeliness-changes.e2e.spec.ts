import { defaultWorkflowConfig } from '@libs/workflow';
import { AmendableLaw, amendCalendarYear } from '../saga/support/amendable-law';
import { CALENDAR_2026_AS_PUBLISHED_WITHOUT_31_AUGUST } from '../saga/law/calendar-2026-amended';
import { NEW_CALENDAR, OLD_CALENDAR, under } from '../saga/law/reschedule-scenario';
import { E2eApp } from './support/e2e-app';
import { openQuota, reviewEligible, submitAndSign } from './support/journeys';
import { expectFieldErrors, expectProblem } from './support/problems';

/**
 * Decided under the calendar as published (31 August 2026 off), then the amendment (31 August
 * worked): a decision on Monday 14 September was on time for a review signed on 24 August (due
 * 14 September) and would be late under the law in force (due 11 September). One signed a day later
 * was on time under both.
 */
describe('the auditor lists the decisions whose timeliness differs under the law in force', () => {
  let e: E2eApp;
  let early: string[];
  let amendmentId: string;
  beforeAll(async () => {
    const law = new AmendableLaw(defaultWorkflowConfig());
    e = await E2eApp.start({ law });
    await openQuota(e);
    early = [];
    for (const at of ['2026-08-24T05:00:00.000Z', '2026-08-24T05:01:00.000Z']) {
      e.clock.set(at);
      early.push(await submitAndSign(e));
    }
    e.clock.set('2026-08-25T05:00:00.000Z');
    const later = await submitAndSign(e);
    await e.settle();
    e.clock.set('2026-09-14T05:00:00.000Z');
    for (const id of [...early, later]) await reviewEligible(e, id);
    await e.settle();
    e.clock.set('2026-09-14T10:00:00.000Z');
    amendmentId = await amendCalendarYear(e, law, CALENDAR_2026_AS_PUBLISHED_WITHOUT_31_AUGUST, {
      daysOffRemoved: ['2026-08-31'],
    });
    await e.settle();
  });
  afterAll(() => e.close());

  it('lists the two decisions on time then and late now, with both due instants and the amendment, page by page', async () => {
    const first = await e.as('auditor').get('/audit/timeliness-changes?limit=1').expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await e
      .as('auditor')
      .get(`/audit/timeliness-changes?limit=1&cursor=${first.body.nextCursor as string}`)
      .expect(200);
    expect(second.body.nextCursor).toBeNull();
    const items = [...first.body.items, ...second.body.items];
    // Decided at the same instant: in id order, the last key of the decision order.
    const ids = items.map((item: { applicationId: string }) => item.applicationId);
    expect(ids).toEqual([...early].sort());

    const signedAt = '2026-08-24T05:00:00.000Z';
    expect(items.find((item: { applicationId: string }) => item.applicationId === early[0])).toEqual({
      applicationId: early[0],
      decision: 'included',
      decisionNumber: expect.stringMatching(/^KQ-2026-/),
      decisionDate: '2026-09-14',
      region: 'pavlodar',
      year: 2026,
      signedAt,
      decidedAt: '2026-09-14T05:00:00.000Z',
      decidedUnder: { dueAt: under(OLD_CALENDAR, signedAt).dueAt, late: false },
      underLawInForce: {
        dueAt: under(NEW_CALENDAR, signedAt).dueAt,
        dueOn: '2026-09-11',
        calendarVersion: expect.stringContaining('2026.2'),
        late: true,
      },
      amendments: [
        expect.objectContaining({
          eventId: amendmentId,
          streamId: 'law-calendar-2026',
          type: 'CalendarYearAmended',
          version: '2026.2',
          legalBasis: expect.objectContaining({ kind: 'announcement', date: '2026-03-18' }),
        }),
      ],
    });
  });

  it('keeps the decisions’ history: nothing was appended to a decided application', async () => {
    const { body } = await e.as('auditor').get(`/audit/applications/${early[0]}/history`).expect(200);
    expect(body.events.map((event: { type: string }) => event.type)).not.toContain('ReviewDeadlineRescheduled');
  });

  it('is the auditors’ (and admins’) view, paged like every list', async () => {
    expectProblem(await e.as('reviewer').get('/audit/timeliness-changes'), 403, 'AUTH.FORBIDDEN');
    await e.as('admin').get('/audit/timeliness-changes').expect(200);
    expectFieldErrors(await e.as('auditor').get('/audit/timeliness-changes?limit=0'), ['limit']);
    expectFieldErrors(await e.as('auditor').get('/audit/timeliness-changes?cursor=bm9wZQ'), ['cursor']);
    expectFieldErrors(await e.as('auditor').get('/audit/timeliness-changes?late=true'), ['late']);
  });
});
