import { E2eApp } from './support/e2e-app';
import { freshSubmissionBody, openQuota, reviewEligible, submitAndSign } from './support/journeys';
import { expectFieldErrors } from './support/problems';

/**
 * The 2027 MCI is not recorded (FACTS: the budget law for 2027–2029 sets it): an inclusion on
 * 4 January 2027 stands and its subsidy step waits (ADR 23). Operators see the step, what it awaits
 * and why; the scraper sees it counted by reason code.
 */
describe('operators and metrics see a step waiting for data', () => {
  let e: E2eApp;
  let id: string;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e, 500, 'pavlodar', 2027);
    e.clock.set('2026-12-21T05:00:00.000Z');
    id = await submitAndSign(
      e,
      freshSubmissionBody((s) => ({ ...s, year: 2027 })),
    );
    await e.settle();
    e.clock.set('2027-01-04T05:00:00.000Z');
    await reviewEligible(e, id);
    await e.settle();
  });
  afterAll(() => e.close());

  it('lists the waiting step, with the table and key it awaits and its reason code, apart from the parked ones', async () => {
    const { body } = await e.as('operator').get('/admin/dead-letters?status=waiting-for-data').expect(200);
    expect(body.items).toEqual([
      expect.objectContaining({
        consumer: 'review-saga',
        type: 'ApplicationIncluded',
        streamId: `application-${id}`,
        status: 'waiting-for-data',
        awaiting: { table: 'mci', key: '2027-01-04' },
        error: expect.objectContaining({ code: 'SUBSIDY.MCI_NOT_AVAILABLE' }),
        resolvedAt: null,
      }),
    ]);
    expect((await e.as('operator').get('/admin/dead-letters').expect(200)).body.items).toEqual([]);
    expect((await e.as('admin').get('/admin/dead-letters?status=all').expect(200)).body.items).toHaveLength(1);
  });

  it('refuses a status it does not know, naming the field', async () => {
    expectFieldErrors(await e.as('operator').get('/admin/dead-letters?status=stuck'), ['status']);
  });

  it('counts the waiting step in /metrics by reason code and table', async () => {
    const { text } = await e.http.get('/metrics').expect(200);
    expect(text).toContain('kandas_steps_waiting_for_data{reason="SUBSIDY.MCI_NOT_AVAILABLE",table="mci"} 1');
    expect(text).toMatch(/^kandas_parked_events 0$/m);
  });
});
