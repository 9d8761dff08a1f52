import { reviewEligible, submitAndSign } from '../e2e/support/journeys';
import { ConsoleUnderTest } from './support/console-under-test';
import { checkScreen, settled } from './support/screen-checks';

/**
 * The administrator on the real server: the 2026 orders recorded at start (Pavlodar: 977 kandas),
 * one family of three included in Pavlodar, so three seats are taken there.
 */
describe('the administrator’s console', () => {
  let c: ConsoleUnderTest;
  beforeAll(async () => {
    c = await ConsoleUnderTest.start();
    const id = await submitAndSign(c.e);
    await reviewEligible(c.e, id);
    await c.e.settle();
  });
  afterAll(() => c.close());

  it('sets a quota by order and sees the fill chart and the table take it, without a reload; a capacity below the seats taken is refused on its field', async () => {
    const page = await c.as('admin', 'admin-1', 'ru', '/quotas');
    const pavlodar = page.getByTestId('quota-pavlodar');
    await pavlodar.getByText('977').waitFor();
    await pavlodar.getByText('3', { exact: true }).first().waitFor();
    const chartRegions = page.locator('.recharts-yAxis-tick-labels');
    await chartRegions.getByText('Павлодарская область').waitFor();
    expect(await chartRegions.getByText('Карагандинская область').count()).toBe(0);
    await checkScreen(page, 'admin-quotas', {
      ru: 'Квоты по регионам',
      kk: 'Өңірлер бойынша квоталар',
      en: 'Quotas by region',
    });

    // Below the three seats taken in Pavlodar: the API's reason under the capacity field.
    await pavlodar.getByRole('button', { name: 'Изменить квоту: Павлодарская область' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Квота, человек').fill('2');
    await form.getByLabel('Номер приказа').fill('12-01/77');
    await form.getByLabel('Дата приказа').fill('01.03.2026');
    await form.getByRole('button', { name: 'Записать приказ' }).click();
    await form.getByText('must be at least the 3 seats already taken').waitFor();
    await form.getByRole('button', { name: 'Отмена' }).click();

    // Karaganda had no kandas quota in 2026: the order of 1 March gives it 150.
    await page.getByRole('button', { name: 'Установить квоту по приказу' }).click();
    await form.getByRole('combobox', { name: 'Регион' }).click();
    await page.getByRole('option', { name: 'Карагандинская область' }).click();
    await form.getByLabel('Квота, человек').fill('150');
    await form.getByLabel('Номер приказа').fill('12-01/78');
    await form.getByLabel('Дата приказа').fill('01.03.2026');
    await form.getByRole('button', { name: 'Записать приказ' }).click();
    await page.getByText('Квота записана: Карагандинская область, 2026, кандас — 150 чел.').waitFor();
    await chartRegions.getByText('Карагандинская область').waitFor();
    const karaganda = page.getByTestId('quota-karaganda');
    await karaganda.getByText('№ 12-01/78 от 01.03.2026').waitFor();
    expect(await karaganda.getByRole('cell').nth(1).innerText()).toBe('150');
    await settled(page);
  });

  it('shows the law in force, table by table, with its amendments, who recorded them and the applications one moved', async () => {
    // A review pending since 2 March (due 26 March), and a day off declared on 12 March: due the 27th.
    const pending = await submitAndSign(c.e);
    await c.e
      .as('admin', 'admin-1')
      .post('/admin/law/calendar/2026/days-off', {
        date: '2026-03-12',
        kind: 'holiday',
        name: 'Day off by decree',
        legalBasis: {
          kind: 'decree',
          number: '12',
          date: '2026-03-02',
          title: 'Decree declaring 12 March 2026 a day off',
          source: 'https://adilet.zan.kz/',
        },
        takesEffectOn: '2026-03-02',
      })
      .expect(200);
    await c.e.settle();

    const page = await c.as('admin', 'admin-1', 'ru', '/law');
    await page.getByText('Календарь 2026 года').waitFor();
    await page.getByText('праздник: Наурыз мейрамы').first().waitFor();
    await page.getByText('первоначальная запись права (система)').first().waitFor();
    const amendment = page.getByRole('row').filter({ hasText: 'admin-1 (Администратор)' });
    await amendment.getByText('стали нерабочими: 12.03.2026').waitFor();
    await checkScreen(page, 'admin-law', { ru: 'Действующее право', kk: 'Қолданыстағы құқық', en: 'Law in force' });
    await amendment.getByRole('button', { name: 'Перенесённые заявления' }).click();
    const moved = page.getByRole('dialog').getByRole('row').filter({ hasText: pending });
    await moved.getByRole('cell', { name: '26.03.2026' }).waitFor();
    await moved.getByRole('cell', { name: '27.03.2026' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'МРП' }).click();
    await page.getByText('Месячный расчётный показатель').waitFor();
    await page
      .getByRole('cell', { name: /^4\s325\s₸$/ })
      .first()
      .waitFor();
    await page.getByRole('tab', { name: 'Основания отказа' }).click();
    await page.getByRole('cell', { name: 'INCOMPLETE_DOCUMENTS' }).waitFor();
    await checkScreen(page, 'admin-law-grounds', {
      ru: 'Действующее право',
      kk: 'Қолданыстағы құқық',
      en: 'Law in force',
    });
    await page.getByRole('tab', { name: 'Срок рассмотрения' }).click();
    await page.getByText('14 раб. дн.').waitFor();
    await page.getByRole('button', { name: 'Перенесённые заявления' }).first().click();
    await page.getByRole('dialog').getByText('Это изменение не перенесло ни одного срока.').waitFor();
  });

  it('grants an auditor one export in clear and shows the grant id to pass on', async () => {
    const page = await c.as('admin', 'admin-1', 'ru', '/grants');
    await page.getByRole('heading', { level: 2, name: 'Допуски к выгрузке без маскирования' }).waitFor();
    await page.getByLabel('Аудитор (идентификатор пользователя)').fill('auditor-1');
    await page.getByLabel('Идентификатор потока').fill('regional-quota-pavlodar-2026-kandas');
    await page.getByLabel('Причина').fill('Запрос прокуратуры № 12-3 от 01.03.2026');
    await page.getByLabel('Действует до').fill('05.03.2026 18:00');
    await page.getByRole('button', { name: 'Выдать допуск' }).click();
    await page.getByTestId('grant-id').waitFor();
    await checkScreen(page, 'admin-grants', {
      ru: 'Допуски к выгрузке без маскирования',
      kk: 'Бүркемеленбеген экспортқа рұқсаттар',
      en: 'Grants to export without masking',
    });
  });
});
