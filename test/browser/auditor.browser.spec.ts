import { readFileSync } from 'node:fs';
import { reviewEligible, submitAndSign } from '../e2e/support/journeys';
import { ConsoleUnderTest } from './support/console-under-test';
import { checkScreen, settled } from './support/screen-checks';

/** The auditor on the real server: one family of three, signed on 2 March 2026 and included on the 4th. */
describe('the auditor’s console', () => {
  let c: ConsoleUnderTest;
  let id: string;
  beforeAll(async () => {
    c = await ConsoleUnderTest.start();
    id = await submitAndSign(c.e);
    await c.advanceTo('2026-03-04T04:40:00.000Z');
    await reviewEligible(c.e, id);
    await c.e.settle();
  });
  afterAll(() => c.close());

  it('finds the application, scrubs its timeline with the slider (the state follows) and sees the diff between two events', async () => {
    const page = await c.as('auditor', 'auditor-1', 'ru', '/audit');
    const link = page.getByRole('link', { name: id });
    await link.waitFor();
    await checkScreen(page, 'auditor-applications', {
      ru: 'Истории заявлений',
      kk: 'Өтініштер тарихы',
      en: 'Application histories',
    });
    await link.click();

    const status = page.getByTestId('state-status');
    await status.getByText('включено в квоту').waitFor();
    const slider = page.getByRole('slider', { name: 'Событие истории' });
    await slider.focus();
    await page.keyboard.press('Home');
    await status.getByText('подано', { exact: true }).waitFor();
    await page.getByTestId('as-of-event').getByText('Событие 1 из').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await status.getByText('подписано', { exact: true }).waitFor();
    await page.keyboard.press('End');
    await status.getByText('включено в квоту').waitFor();

    await page.getByRole('combobox', { name: 'После события' }).click();
    await page.getByRole('option', { name: /^#1 · / }).click();
    await page.getByRole('combobox', { name: 'До события включительно' }).click();
    await page.getByRole('option', { name: /^#2 · / }).click();
    await page.getByRole('button', { name: 'Сравнить' }).click();
    const diff = page.getByTestId('diff-result');
    await diff.getByText('ApplicationSigned').waitFor();
    await diff.getByRole('cell', { name: 'status' }).waitFor();
    await diff.getByRole('cell', { name: '"signed"' }).waitFor();
    await checkScreen(page, 'auditor-timeline', {
      ru: 'История заявления',
      kk: 'Өтініш тарихы',
      en: 'History of the application',
    });
  });

  it('signs a checkpoint, runs the verification against it and sees the store intact', async () => {
    const page = await c.as('auditor', 'auditor-1', 'ru', '/audit/verify');
    await page.getByText('Ни одной контрольной точки ещё не подписано.').waitFor();
    await page.getByRole('button', { name: 'Подписать контрольную точку сейчас' }).click();
    await page.getByTestId('checkpoint').waitFor();
    await page.getByRole('button', { name: 'Проверить хранилище' }).click();
    const verdict = page.getByTestId('verification');
    await verdict.getByText('Целостность подтверждена').waitFor();
    await verdict.getByText('Сверка с контрольной точкой: совпадает.').waitFor();
    await checkScreen(page, 'auditor-verify', {
      ru: 'Проверка целостности хранилища',
      kk: 'Қойманың тұтастығын тексеру',
      en: 'Integrity of the store',
    });
  });

  it('downloads the application’s history masked, then in clear under an administrator’s grant, and shows each signed manifest', async () => {
    const stream = `application-${id}`;
    const granted = await c.e
      .as('admin')
      .post('/audit/disclosure-grants', {
        grantee: 'auditor-1',
        selection: { stream },
        reason: 'Запрос прокуратуры № 12-3',
        expiresAt: '2026-03-06T13:00:00.000Z',
      })
      .expect(201);
    const page = await c.as('auditor', 'auditor-1', 'ru', `/audit/exports?stream=${stream}`);
    await page.getByRole('heading', { level: 2, name: 'Выгрузки для аудита' }).waitFor();

    const masked = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Выгрузить' }).click();
    const file = await masked;
    const lines = readFileSync(await file.path(), 'utf8')
      .trimEnd()
      .split('\n');
    expect(JSON.parse(lines.at(-1)!).manifest).toMatchObject({ masked: true, count: lines.length - 1 });
    const manifest = page.getByTestId('manifest');
    await manifest.getByText('маскированы').waitFor();
    await manifest.getByRole('cell', { name: String(lines.length - 1), exact: true }).waitFor();
    await settled(page);
    await checkScreen(page, 'auditor-exports', {
      ru: 'Выгрузки для аудита',
      kk: 'Аудитке арналған экспорттар',
      en: 'Exports for audit',
    });

    await page.getByLabel('Допуск администратора (необязательно)').fill(granted.body.grantId);
    const inClear = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Выгрузить' }).click();
    await inClear;
    await manifest.getByText(`открыто, по допуску ${granted.body.grantId as string}`).waitFor();

    // The grant was for one export: a second one under it is refused, and said so.
    await page.getByRole('button', { name: 'Выгрузить' }).click();
    await page
      .getByRole('alert')
      .getByText('AUDIT.GRANT_USED', { exact: false })
      .or(page.getByRole('alert').getByText('409'))
      .first()
      .waitFor();
  });
});
