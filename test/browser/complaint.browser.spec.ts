import { randomUUID } from 'node:crypto';
import { complaint } from '../../apps/console/src/pages/complaint/messages';
import { ALL_ACCEPTED, confirmRefusal, submissionBody, submitAndSign } from '../e2e/support/journeys';
import { ConsoleUnderTest } from './support/console-under-test';
import { portalSends } from './support/portal';
import { APPLICATION_HEADINGS, checkScreen, plain, titlesOf } from './support/screens';

/**
 * Issue 20, the complaint (ADR 32), in Chromium on the real server: a refusal made final, the
 * applicant's complaint through the portal, the supervisors' Complaints screen, and the supervisor
 * satisfying it with "include": the refusal revoked, the family included with its amounts — on
 * screen without a reload.
 *
 * Written to the HTTP contract of issue 20 part 2 (the brief's): it passes once the API serves
 * `/queues/complaints`, the complaints in `GET /applications/{id}`, the portal's complaint and the
 * supervisor's satisfy endpoint.
 */
describe('a complaint against a refusal in the console', () => {
  let c: ConsoleUnderTest;
  let id: string;
  beforeAll(async () => {
    c = await ConsoleUnderTest.start();
    // The fixture family (3 persons, Pavlodar, a town): its amounts are known (reviewer.browser.spec.ts).
    id = await submitAndSign(c.e, submissionBody());
    const officer = c.e.as('reviewer', 'reviewer-1');
    await officer.post(`/applications/${id}/review/start`).expect(200);
    await officer
      .post(`/applications/${id}/review`, {
        verdict: 'not-eligible',
        findings: ALL_ACCEPTED,
        grounds: ['INCOMPLETE_DOCUMENTS'],
      })
      .expect(200);
    // Past the hearing's time, the supervisor makes the refusal final.
    await confirmRefusal(c.e, id);
    await portalSends(c.e, `/portal/applications/${id}/complaints`, {
      complaintId: randomUUID(),
      against: 'refusal',
      text: 'Справка о составе семьи была приложена к заявлению',
    });
  });
  afterAll(() => c.close());

  it('lists the open complaint on the supervisors’ Complaints screen with its clock', async () => {
    const page = await c.as('supervisor', 'supervisor-1', 'ru', '/complaints', 7 * 24 * 3600);
    const row = page.locator(`[data-id="${id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('отказ');
    expect(await row.getByTestId('sla-clock').getAttribute('data-state')).toBe('on-time');
    expect(plain(await row.getByTestId('sla-clock').innerText())).toBe(complaint.ru.clock.onTime);
    await checkScreen(page, 'supervisor-complaints', titlesOf(complaint, 'queue'));
  });

  it('satisfies it with “include”: the refusal is revoked and the family included with its amounts', async () => {
    const page = await c.as('supervisor', 'supervisor-1', 'ru', '/complaints');
    await page.locator(`[data-id="${id}"]`).getByRole('link').click();
    const card = page.getByTestId('complaints');
    await card.getByTestId('satisfy').waitFor();
    expect(await page.getByTestId('decision').getAttribute('data-outcome')).toBe('refused');
    await checkScreen(page, 'application-complaint', APPLICATION_HEADINGS);

    await card.getByTestId('satisfy').click();
    await page.getByTestId('remedy-include').check();
    // No reason: the API names the field, and the dialog shows it there.
    await page.getByTestId('confirm').click();
    await page.getByRole('dialog').getByText('reason', { exact: false }).first().waitFor();
    await page.getByTestId('reason').fill('Справка о составе семьи была в пакете документов');
    await page.getByTestId('confirm').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // The decision is revoked, the quota asked again, the family included and its subsidies granted.
    await page.locator('[data-testid="decision"][data-outcome="included"]').waitFor();
    await page
      .getByTestId('rent-amount')
      .getByText(/1\s038\s000/)
      .waitFor();
    expect(plain(await page.getByTestId('relocation-amount').innerText())).toBe('908 250 ₸');
    expect(plain(await page.getByTestId('rent-amount').innerText())).toBe('1 038 000 ₸');
    expect(await card.getByTestId('complaint').getAttribute('data-state')).toBe('satisfied');
    await card.getByTestId('revocations').waitFor();
    await checkScreen(page, 'application-complaint-satisfied', APPLICATION_HEADINGS);

    const queue = await c.as('supervisor', 'supervisor-1', 'ru', '/complaints');
    await queue.getByTestId('empty').waitFor();
  });
});
