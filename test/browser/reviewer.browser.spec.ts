import { reviewer } from '../../apps/console/src/pages/reviewer/messages';
import { APPLICANT_IIN, submissionBody, submitAndSign } from '../e2e/support/journeys';
import { ConsoleUnderTest } from './support/console-under-test';
import { APPLICATION_HEADINGS, checkScreen, plain, titlesOf } from './support/screens';

/**
 * Issue 19, the reviewer, in Chromium on the real server: the queues with their clocks, search by IIN
 * and name, the application page, taking an application and deciding it, the outcome with its
 * amounts appearing by itself.
 */
describe('the reviewer’s console', () => {
  let c: ConsoleUnderTest;
  let id: string;
  beforeAll(async () => {
    c = await ConsoleUnderTest.start();
    // The fixture family (3 persons, Pavlodar, a town), signed on Monday 2 March 2026 at 10:00 in Astana.
    id = await submitAndSign(c.e, submissionBody());
    await c.e.settle();
  });
  afterAll(() => c.close());

  it('lists an unassigned application with its clock: 14 working days left on the day of acceptance', async () => {
    const page = await c.as('reviewer', 'reviewer-1', 'ru', '/queue?queue=unassigned');
    const row = page.locator(`[data-id="${id}"]`);
    await row.waitFor();
    expect(plain(await row.getByTestId('sla-clock').innerText())).toBe('в срок · осталось 14 раб. дн.');
    expect(await row.getByTestId('sla-clock').getAttribute('data-state')).toBe('on-time');
    expect(await row.innerText()).toContain('26.03.2026 18:30');
    await checkScreen(page, 'reviewer-queue', titlesOf(reviewer, 'queue'));
  });

  it('finds the application by the IIN and by a name written in Latin letters', async () => {
    const page = await c.as('reviewer', 'reviewer-1', 'ru', `/search?q=${APPLICANT_IIN}`);
    await page.locator(`[data-id="${id}"]`).waitFor();
    await page.getByTestId('search-input').fill('nurlanuly yerzhan');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.locator(`[data-id="${id}"]`).waitFor();
    await checkScreen(page, 'reviewer-search', titlesOf(reviewer, 'search'));
  });

  it('takes it, records a finding per document and an eligible verdict, and sees it included with its amounts without a reload', async () => {
    const page = await c.as('reviewer', 'reviewer-1', 'ru', '/queue?queue=unassigned');
    await page.locator(`[data-id="${id}"]`).getByRole('link').click();
    await page.getByTestId('take').waitFor();
    expect(await page.getByTestId('due-at').innerText()).toBe('26.03.2026 18:30');
    await checkScreen(page, 'application', APPLICATION_HEADINGS);

    await page.getByTestId('take').click();
    await page.getByTestId('record-review').waitFor();
    expect(await page.getByTestId('reviewer-id').innerText()).toBe('reviewer-1');
    await page.getByLabel('Замечание к документу «Копия паспорта»').fill('Паспорт до 09.01.2030');
    await page.getByLabel('соответствует требованиям').check();
    await checkScreen(page, 'application-review', APPLICATION_HEADINGS);
    await page.getByTestId('record-review').click();

    // The saga includes the family and grants both subsidies; the page reads them as they come.
    const decision = page.getByTestId('decision');
    await decision.waitFor();
    expect(await decision.getAttribute('data-outcome')).toBe('included');
    // 70 MCI × 3 persons, and a town's rent rate (20 MCI) × 12 months, at the 2026 MCI of 4 325 ₸.
    await page
      .getByTestId('relocation-amount')
      .getByText(/908\s250/)
      .waitFor();
    await page
      .getByTestId('rent-amount')
      .getByText(/1\s038\s000/)
      .waitFor();
    expect(plain(await page.getByTestId('relocation-amount').innerText())).toBe('908 250 ₸');
    expect(plain(await page.getByTestId('rent-amount').innerText())).toBe('1 038 000 ₸');
    expect(plain(await page.getByTestId('sla-clock').first().innerText())).toBe('решено в срок');
    expect(page.url()).toContain(`/console/applications/${id}`);
    await checkScreen(page, 'application-decided', APPLICATION_HEADINGS);
  });
});
