import { supervisor } from '../../apps/console/src/pages/supervisor/messages';
import { freshSubmissionBody, submitAndSign } from '../e2e/support/journeys';
import { ConsoleUnderTest } from './support/console-under-test';
import { APPLICATION_HEADINGS, checkScreen, plain, titlesOf } from './support/screens';

/** Signed on Monday 2 March 2026 at 10:00 in Astana, the review is due on Thursday 26 March at 18:30 (13:30 UTC). */
const DUE_AT = '2026-03-26T13:30:00.000Z';
const A_MINUTE_AFTER = '2026-03-26T13:31:00.000Z';

/**
 * Issue 19, the supervisor, in Chromium on the real server: the SLA board and its weeks, the
 * escalated queue, an application turning red when the clock passes its due instant, a reassignment
 * and a refusal on labelled grounds — each outcome on screen without a reload.
 */
describe('the supervisor’s console', () => {
  let c: ConsoleUnderTest;
  let late: string;
  beforeAll(async () => {
    c = await ConsoleUnderTest.start();
    late = await submitAndSign(c.e, freshSubmissionBody());
    await c.e.as('reviewer', 'reviewer-1').post(`/applications/${late}/review/start`).expect(200);
    await c.e.settle();
  });
  afterAll(() => c.close());

  it('sees the application turn red on the board and in the escalated queue when the clock passes its due instant', async () => {
    // The tab stays open while the clock moves 24 days on: its token must outlive that.
    const page = await c.as('supervisor', 'supervisor-1', 'ru', '/sla', 60 * 24 * 3600);
    const pavlodar = page.getByTestId('sla-row-pavlodar');
    await pavlodar.waitFor();
    expect(await pavlodar.getByTestId('breached').innerText()).toBe('0');
    await page.getByTestId('sla-weeks').waitFor();

    await c.advanceTo(A_MINUTE_AFTER);

    // The board reads itself again every ten seconds: no reload.
    await pavlodar.getByTestId('breached').getByText('1').waitFor();
    await checkScreen(page, 'supervisor-sla-board', titlesOf(supervisor, 'board'));

    await page.getByRole('navigation').getByText(supervisor.ru.nav.escalated).click();
    const row = page.locator(`[data-id="${late}"]`);
    await row.waitFor();
    expect(await row.getByTestId('sla-clock').getAttribute('data-state')).toBe('breached');
    expect(plain(await row.getByTestId('sla-clock').innerText())).toBe('просрочено');
    expect(await row.innerText()).toContain('26.03.2026 18:30');
    await checkScreen(page, 'supervisor-escalated', titlesOf(supervisor, 'escalated'));
  });

  it('reassigns the overdue review to another reviewer, and the page says so at once', async () => {
    const page = await c.as('supervisor', 'supervisor-1', 'ru', `/applications/${late}`);
    await page.getByTestId('reassign').waitFor();
    expect(await page.getByTestId('reviewer-id').innerText()).toBe('reviewer-1');
    expect(await page.getByTestId('sla-clock').first().getAttribute('data-state')).toBe('breached');
    await page.getByTestId('reassign').click();
    await page.getByTestId('to-reviewer').fill('reviewer-2');
    await page.getByTestId('reason').fill('Первый специалист в отпуске');
    await page.getByTestId('confirm').click();
    await page.getByTestId('reviewer-id').getByText('reviewer-2').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await checkScreen(page, 'application-supervisor', APPLICATION_HEADINGS);
    expect(new Date(DUE_AT) < c.e.clock.now()).toBe(true);
  });

  it('refuses an application on grounds chosen from the labelled list, naming a missing field first: proposed, heard, then final (ADR 32)', async () => {
    const id = await submitAndSign(c.e, freshSubmissionBody());
    await c.e.settle();
    const page = await c.as('supervisor', 'supervisor-1', 'ru', `/applications/${id}`);
    await page.getByTestId('refuse').click();
    const ground = 'Заявитель не соответствует требованиям (статус, регистрация)';
    await page.getByTestId('grounds').click();
    await page.getByRole('option', { name: ground }).click();
    await page.keyboard.press('Tab'); // out of the list, which closes it
    // No explanation: the API names the field, and the dialog shows it there.
    await page.getByTestId('confirm').click();
    await page.getByRole('dialog').getByText('explanation', { exact: false }).first().waitFor();
    await page.getByTestId('explanation').fill('Регистрация в центре занятости не подтверждена');
    await page.getByTestId('confirm').click();

    // A supervisor's refusal is proposed first: the applicant is heard before it is final.
    const proposal = page.getByTestId('refusal-proposal');
    await proposal.waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('proposal-grounds').innerText()).toBe(ground);
    await page.getByTestId('record-hearing').click();
    await page.getByTestId('statement-input').fill('Заявитель не представил подтверждение регистрации');
    await page.getByTestId('confirm').click();
    await proposal.getByTestId('heard').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('confirm-refusal').click();
    await page.getByTestId('confirm').click();

    const decision = page.getByTestId('decision');
    await decision.waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await decision.getAttribute('data-outcome')).toBe('refused');
    expect(await page.getByTestId('decision-grounds').innerText()).toBe(ground);
    await checkScreen(page, 'application-refused', APPLICATION_HEADINGS);
  });
});
