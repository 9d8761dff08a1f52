import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { payments } from '../../apps/console/src/pages/payments/messages';
import { freshSubmissionBody, reviewEligible, submitAndSign } from '../e2e/support/journeys';
import { accessibilityViolations, ConsoleUnderTest, seriousOrCritical } from './support/console-under-test';
import { portalSends } from './support/portal';
import { APPLICATION_HEADINGS, checkDialog, checkScreen, plain, titlesOf } from './support/screens';

const IBAN = 'KZ86125KZT5004100100';
const CORRECTED = 'KZ75125KZT2069100100';
/** 70 MCI × 3 persons at the 2026 MCI of 4 325 ₸, and a town's rent (20 MCI) for a month. */
const RELOCATION = 908_250;
const RENT = 86_500;
const tenge = (amount: number) => plain(`${new Intl.NumberFormat('ru-RU').format(amount)} ₸`);

/** The register's line for a region (or `overall`): one figure per column, as shown. */
async function totalsOf(page: Page, row: string): Promise<Record<string, string>> {
  const line = page.getByTestId(`totals-${row}`);
  const figures: Record<string, string> = {};
  for (const column of ['orders', 'committed', 'paid', 'returned', 'pending', 'cancelled'])
    figures[column] = plain(await line.getByTestId(column).innerText());
  return figures;
}

/** The answers file the bank sends back for the orders of a payment file: each one paid, or as `change` says. */
function answersFor(paymentFile: string, paidOn: string, change: (line: string) => string = (line) => line): string {
  const orders = paymentFile
    .split('\r\n')
    .slice(1)
    .filter((line) => line && !line.startsWith('TOTAL;'));
  const lines = orders.map((line, index) => {
    const [orderId, applicationId] = line.split(';');
    return change(`${orderId};${applicationId};paid;${paidOn};HB-${index + 1};`);
  });
  return ['order_id;application_id;status;date;bank_reference;reason', ...lines, ''].join('\r\n');
}

/**
 * Issue 21, the payments after inclusion (ADR 33), in Chromium on the real server: two families of
 * three included in Pavlodar in March 2026, one arriving as the payments officer records it in the
 * console, the other through the portal. Their relocation payments are ordered; the register's
 * totals are the sums of its orders; the officer takes the bank's file, uploads the bank's answers
 * (a malformed file first, refused by line) and sees both paid in the register and the schedule. In
 * April the first rent comes back from the bank: the account corrected, paid again; the second
 * family leaves. A supervisor reads the register and the schedule, the account masked, and has no
 * bank files.
 */
describe('the payments officer’s console', () => {
  let c: ConsoleUnderTest;
  let first: string;
  let second: string;
  let paymentFile: string;
  beforeAll(async () => {
    c = await ConsoleUnderTest.start();
    first = await submitAndSign(c.e, freshSubmissionBody());
    second = await submitAndSign(c.e, freshSubmissionBody());
    await c.advanceTo('2026-03-04T04:40:00.000Z');
    await reviewEligible(c.e, first);
    await reviewEligible(c.e, second);
    await c.e.settle();
    // Tuesday 10 March: the families came on the 5th and registered on Friday the 6th.
    await c.advanceTo('2026-03-10T05:00:00.000Z');
    await portalSends(c.e, `/portal/applications/${second}/arrival`, {
      settlement: { kind: 'town', name: 'Ekibastuz' },
      arrivedOn: '2026-03-05',
      registration: { address: 'Ekibastuz, Satpayev St 14', registeredOn: '2026-03-06' },
      iban: CORRECTED,
    });
  });
  afterAll(() => c.close());

  it('records the arrival of an included family, its account refused by field first, and sees its schedule open', async () => {
    const page = await c.as('payments', 'payments-1', 'ru', '/payments/families');
    await checkScreen(page, 'payments-families', titlesOf(payments, 'families'));
    await page.getByTestId('family-id').fill(first);
    await page.getByRole('button', { name: payments.ru.families.open }).click();
    await page.getByTestId('no-support').waitFor();
    await page.getByTestId('record-arrival').click();
    await page.getByTestId('settlement-kind').click();
    await page.getByRole('option', { name: payments.ru.dialogs.arrival.kinds.town }).click();
    await page.getByTestId('settlement-name').fill('Экибастуз');
    await page.getByTestId('arrived-on').fill('05.03.2026');
    await page.getByTestId('address').fill('Экибастуз, ул. Сатпаева, 12');
    await page.getByTestId('registered-on').fill('06.03.2026');
    // A digit wrong: the check digits do not match, and the API says so under the field.
    await page.getByTestId('iban').fill('KZ86125KZT5004100101');
    await page.getByTestId('confirm').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('check digits', { exact: false }).waitFor();
    expect(await dialog.getByTestId('problem').count()).toBe(1);
    await checkDialog(page, 'payments-arrival', payments.ru.dialogs.arrival.title);
    await page.getByTestId('iban').fill(IBAN);
    await page.getByTestId('confirm').click();

    // The process opens the support from the arrival; the page reads it as it comes.
    const schedule = page.getByTestId('support-schedule');
    await schedule.waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await schedule.getByTestId('instalment').count()).toBe(13);
    expect(await page.getByTestId('recipient-iban').innerText()).toBe(IBAN);
    const relocation = schedule.locator('[data-instalment="relocation"]');
    expect(plain(await relocation.innerText())).toContain('06.03.2026');
    // Its day has passed: the scheduler orders it at its next tick.
    await c.advanceTo('2026-03-10T05:01:00.000Z');
    await relocation.getByTestId('order').waitFor();
    expect(await relocation.getByTestId('order').getAttribute('data-state')).toBe('pending');
    expect(plain(await relocation.getByTestId('order-amount').innerText())).toBe(tenge(RELOCATION));
  });

  it('shows the month’s register: the totals per region are the sums of its orders', async () => {
    const page = await c.as('payments', 'payments-1', 'ru', '/');
    await page.getByTestId('register-orders').getByTestId('order-row').nth(1).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/payments');
    const amounts = await page.getByTestId('order-row').getByTestId('amount').allInnerTexts();
    expect(amounts.map(plain)).toEqual([tenge(RELOCATION), tenge(RELOCATION)]);
    const pavlodar = {
      orders: '2',
      committed: tenge(2 * RELOCATION),
      paid: tenge(0),
      returned: tenge(0),
      pending: tenge(2 * RELOCATION),
      cancelled: tenge(0),
    };
    expect(await totalsOf(page, 'pavlodar')).toEqual(pavlodar);
    expect(await totalsOf(page, 'overall')).toEqual(pavlodar);
    // The month is the current one (March 2026) unless chosen: April holds nothing yet.
    expect(await page.getByTestId('month').inputValue()).toBe('март 2026');
    await checkScreen(page, 'payments-register', titlesOf(payments, 'register'));
    await page.getByTestId('month').click();
    await page.getByRole('option', { name: 'апрель 2026' }).click();
    await page.getByTestId('empty').waitFor();
    expect(new URL(page.url()).searchParams.get('month')).toBe('2026-04');
  });

  it('downloads the bank’s file with its control figures, refuses a malformed answers file by line, then records the answers', async () => {
    const page = await c.as('payments', 'payments-1', 'ru', '/payments/bank?month=2026-03');
    const expected = page.getByTestId('expected');
    await expected.waitFor();
    expect(plain(await expected.innerText())).toBe(
      `По реестру в файл войдут поручений: 2, на сумму ${tenge(2 * RELOCATION)}`,
    );
    const download = page.waitForEvent('download');
    await page.getByTestId('download').click();
    const file = await download;
    paymentFile = readFileSync(await file.path(), 'utf8');
    const lines = paymentFile.split('\r\n');
    expect(lines[0]).toBe('order_id;application_id;recipient_iin;recipient_iban;amount_kzt;due_on;region;instalment');
    expect(lines.filter((line) => line.endsWith(';relocation'))).toHaveLength(2);
    expect(lines).toContain(`TOTAL;2;${2 * RELOCATION}`);
    expect(plain(await page.getByTestId('file-orders').innerText())).toBe('2');
    expect(plain(await page.getByTestId('file-total').innerText())).toBe(tenge(2 * RELOCATION));
    expect(await page.getByTestId('agrees').innerText()).toBe(payments.ru.bank.file.matches);

    // A date written the Russian way: the file is refused whole, each line at fault named.
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'answers-bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(answersFor(paymentFile, '10.03.2026')),
    });
    await page.getByTestId('upload').click();
    const problem = page.getByTestId('problem');
    await problem.getByText('file[line 2].date').waitFor();
    await problem.getByText('file[line 3].date').waitFor();
    await page.getByText('Ошибок в файле: 2. Ничего не записано').waitFor();
    await checkScreen(page, 'payments-bank-refused', titlesOf(payments, 'bank'));

    await input.setInputFiles({
      name: 'answers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(answersFor(paymentFile, '2026-03-10')),
    });
    await page.getByTestId('upload').click();
    const result = page.getByTestId('answers-result');
    await result.waitFor();
    expect(await result.getByTestId('result-lines').innerText()).toBe('2');
    expect(await result.getByTestId('result-recorded').innerText()).toBe('2');
    expect(await result.getByTestId('result-already').innerText()).toBe('0');
    // Once the answers reach the register (read again every 10 s), the month has nothing left to send.
    await expected.getByText(payments.ru.bank.file.nothing).waitFor({ timeout: 30_000 });
    await checkScreen(page, 'payments-bank', titlesOf(payments, 'bank'));

    // The same file again records nothing new.
    await page.getByTestId('upload').click();
    await result.getByTestId('result-already').getByText('2').waitFor();
    expect(await result.getByTestId('result-recorded').innerText()).toBe('0');
  });

  it('sees both orders paid in the register, and the family’s relocation paid in its schedule', async () => {
    const page = await c.as('payments', 'payments-1', 'ru', '/payments?month=2026-03');
    const states = page.getByTestId('order-row').getByTestId('order-state');
    // The register is a read model: it shows the answers once they reach it (read again every 10 s).
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll('[data-testid="order-state"][data-state="paid"]').length === 2,
      undefined,
      { timeout: 30_000 },
    );
    expect(await states.allInnerTexts()).toEqual(['выплачено', 'выплачено']);
    expect(await totalsOf(page, 'overall')).toMatchObject({
      committed: tenge(2 * RELOCATION),
      paid: tenge(2 * RELOCATION),
      pending: tenge(0),
    });

    await page.locator(`a[href="/console/payments/families/${first}"]`).click();
    const relocation = page.getByTestId('support-schedule').locator('[data-instalment="relocation"]');
    await relocation.locator('[data-state="paid"]').first().waitFor();
    expect(plain(await relocation.innerText())).toContain('выплачено 10.03.2026, ссылка банка HB-');
    expect(plain(await page.getByTestId('paid-total').innerText())).toBe(tenge(RELOCATION));
  });

  it('in April: the first rent returned by the bank, the account corrected, paid again; the other family leaves', async () => {
    // Friday 10 April: the first month's rent of both families is ordered.
    await c.advanceTo('2026-04-10T05:00:00.000Z');
    const page = await c.as('payments', 'payments-1', 'ru', `/payments/families/${first}`);
    const rent = page.getByTestId('support-schedule').locator('[data-instalment="rent-01"]');
    await rent.getByTestId('record-returned').waitFor();
    // The officer's buttons beside an order awaiting the bank pass the checks too (the screenshot below has none).
    await page.mouse.move(0, 0);
    expect(seriousOrCritical(await accessibilityViolations(page))).toEqual([]);
    await rent.getByTestId('record-returned').click();
    await page.getByTestId('returned-on').fill('10.04.2026');
    await page.getByTestId('reason').fill('Счёт закрыт');
    await checkDialog(page, 'payments-returned', payments.ru.dialogs.returned.title);
    await page.getByTestId('confirm').click();
    await rent.locator('[data-state="returned"]').first().waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Paid again only to another account: the console says so before the officer asks.
    expect(await rent.getByTestId('reissue').isDisabled()).toBe(true);
    await page.getByTestId('correct-recipient').click();
    await page.getByTestId('iban').fill(CORRECTED);
    await page.getByTestId('confirm').click();
    await page.getByTestId('recipient-iban').getByText(CORRECTED).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await rent.getByTestId('reissue').click();
    await page.getByTestId('confirm').click();
    const again = rent.locator('[data-order$="-R01-2"]');
    await again.waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await again.getAttribute('data-state')).toBe('pending');
    expect(plain(await rent.innerText())).toContain('повторная выплата вместо');
    await again.getByTestId('record-paid').click();
    await page.getByTestId('paid-on').fill('13.04.2026');
    await page.getByTestId('bank-reference').fill('HB-2026-04-13-0007');
    await page.getByTestId('confirm').click();
    await rent.locator('[data-order$="-R01-2"][data-state="paid"]').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(plain(await page.getByTestId('paid-total').innerText())).toBe(tenge(RELOCATION + RENT));
    await checkScreen(page, 'payments-family', titlesOf(payments, 'family'));

    const other = await c.as('payments', 'payments-1', 'ru', `/payments/families/${second}`);
    await other.getByTestId('stop-support').click();
    await other.getByTestId('stop-reason').click();
    await other.getByRole('option', { name: payments.ru.family.stop.reasons.departed }).click();
    await other.getByTestId('effective-on').fill('01.04.2026');
    await other.getByTestId('confirm').click();
    const stop = other.getByTestId('support-stop');
    await stop.waitFor();
    await other.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await other.getByTestId('support-status').getAttribute('data-status')).toBe('stopped');
    // A departure lists what fell due after it: the relocation of March was before, nothing to recover.
    expect(plain(await stop.innerText())).toContain(payments.ru.family.stop.nothingToRecover);
    const cancelled = other.getByTestId('support-schedule').locator('[data-instalment="rent-01"] [data-state]').first();
    expect(await cancelled.getAttribute('data-state')).toBe('cancelled');
    expect(plain(await other.locator('[data-instalment="rent-02"]').innerText())).toContain(
      payments.ru.family.schedule.cancelled,
    );
    await checkScreen(other, 'payments-family-stopped', titlesOf(payments, 'family'));
  });

  it('shows a supervisor the register and the schedule, the account masked, and no bank files', async () => {
    const page = await c.as('supervisor', 'supervisor-1', 'ru', `/applications/${first}`);
    const link = page.getByTestId('support-link');
    await link.waitFor();
    expect(plain(await link.innerText())).toContain(
      `Выплачено поручений: 2 из 13, на сумму ${tenge(RELOCATION + RENT)}`,
    );
    await checkScreen(page, 'application-support', APPLICATION_HEADINGS);
    await link.getByRole('link').click();
    await page.getByTestId('support-schedule').waitFor();
    expect(await page.getByTestId('recipient-iban').innerText()).toBe('KZ**************0100');
    expect(await page.getByTestId('recipient-iin').innerText()).toMatch(/^\*{10}\d{2}$/);
    await page.getByText(payments.ru.family.summary.masked).waitFor();
    expect(await page.getByTestId('record-paid').count()).toBe(0);
    expect(await page.getByTestId('correct-recipient').count()).toBe(0);
    await checkScreen(page, 'payments-family-supervisor', titlesOf(payments, 'family'));

    await page.getByRole('navigation').getByText('Выплаты').click();
    await page.getByTestId('register-totals').waitFor();
    expect(await page.getByRole('navigation').getByText(payments.ru.nav.bank).count()).toBe(0);
    const bank = await c.as('supervisor', 'supervisor-1', 'ru', '/payments/bank');
    await bank.getByRole('alert').getByText('Этот раздел не для вашей роли').waitFor();
    expect(await bank.getByTestId('download').count()).toBe(0);
  });

  it('shows an auditor the way from an application’s history to the family’s payments, the account masked', async () => {
    const page = await c.as('auditor', 'auditor-1', 'ru', `/audit/applications/${second}`);
    await page.getByRole('link', { name: 'Выплаты семье' }).click();
    await page.getByTestId('support-stop').waitFor();
    expect(await page.getByTestId('recipient-iban').innerText()).toBe('KZ**************0100');
    await page.getByRole('navigation').getByText('Выплаты').click();
    await page.getByTestId('register-totals').waitFor();
    // April: the first family's rent returned and paid again, the second's cancelled by its stop.
    await page.getByTestId('month').click();
    await page.getByRole('option', { name: 'апрель 2026' }).click();
    await page.getByTestId('order-row').nth(2).waitFor();
    expect(await totalsOf(page, 'overall')).toEqual({
      orders: '3',
      committed: tenge(RENT),
      paid: tenge(RENT),
      returned: tenge(RENT),
      pending: tenge(0),
      cancelled: tenge(RENT),
    });
  });

  it('lets a developer sign in as a payments officer, who lands on the register', async () => {
    const page = await c.anonymous('ru', '/sign-in');
    await page
      .getByRole('textbox', { name: 'Роль' })
      .or(page.getByRole('combobox', { name: 'Роль' }))
      .first()
      .click();
    await page.getByRole('option', { name: 'Специалист по выплатам' }).click();
    expect(await page.getByRole('textbox', { name: 'Пользователь' }).inputValue()).toBe('payments-1');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('heading', { level: 2, name: payments.ru.register.title }).waitFor();
    expect(await page.getByTestId('signed-in-as').innerText()).toContain('Специалист по выплатам');
  });
});
