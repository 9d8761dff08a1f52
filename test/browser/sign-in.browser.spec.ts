import { TestClock } from '@libs/testing';
import { E2E_START } from '../e2e/support/e2e-app';
import { OidcTestProvider } from '../support/oidc-provider';
import { accessibilityViolations, ConsoleUnderTest, screenshot, seriousOrCritical } from './support/console-under-test';
import { untranslatedLabels } from './support/untranslated';

describe('signing in to the console, outside production: a developer picks a role and a user', () => {
  let c: ConsoleUnderTest;
  beforeAll(async () => {
    c = await ConsoleUnderTest.start();
  });
  afterAll(() => c.close());

  it('sends a visitor to the sign-in page, in Russian, and lets them in as the supervisor they chose', async () => {
    const page = await c.anonymous('ru', '/');
    await page.getByRole('heading', { name: 'Вход в консоль' }).waitFor();
    expect(page.url()).toBe(`${c.base}/console/sign-in`);
    expect(seriousOrCritical(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'sign-in', 'ru');

    await page
      .getByRole('textbox', { name: 'Роль' })
      .or(page.getByRole('combobox', { name: 'Роль' }))
      .first()
      .click();
    await page.getByRole('option', { name: 'Руководитель' }).click();
    await page.getByRole('textbox', { name: 'Пользователь' }).fill('supervisor-7');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('signed-in-as').getByText('supervisor-7').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/sla');

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('heading', { name: 'Вход в консоль' }).waitFor();
  });

  it('reads in Kazakh and English with no label left in another language', async () => {
    const page = await c.anonymous('kk', '/sign-in');
    await page.getByRole('heading', { name: 'Консольге кіру' }).waitFor();
    expect(await untranslatedLabels(page, 'kk')).toEqual([]);
    await screenshot(page, 'sign-in', 'kk');
    await page.getByTestId('language-en').click();
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    expect(await untranslatedLabels(page, 'en')).toEqual([]);
  });

  it('names the field the back office refused', async () => {
    const page = await c.anonymous('en', '/sign-in');
    await page.getByRole('textbox', { name: 'User' }).fill('not a user id!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(/userId/)
      .waitFor();
  });
});

describe('signing in through the identity provider (OpenID Connect, authorization code with PKCE)', () => {
  let provider: OidcTestProvider;
  let c: ConsoleUnderTest;
  beforeAll(async () => {
    const clock = new TestClock(E2E_START);
    provider = await OidcTestProvider.start({ clock, user: { sub: 'a.nurlanovna', claims: { role: 'auditor' } } });
    c = await ConsoleUnderTest.start({
      clock,
      recordQuotaOrders: true,
      env: {
        KANDAS_OIDC_ISSUER: provider.issuer,
        KANDAS_OIDC_AUDIENCE: provider.audience,
        KANDAS_OIDC_CLIENT_ID: provider.clientId,
        KANDAS_DEV_SIGN_IN: 'off',
      },
    });
  });
  afterAll(async () => {
    await c.close();
    await provider.close();
  });

  it("offers only the provider, and comes back signed in with the role the provider's token names", async () => {
    const page = await c.anonymous('ru', '/');
    const button = page.getByTestId('oidc-sign-in');
    await button.waitFor();
    expect(await page.getByRole('textbox', { name: 'Пользователь' }).count()).toBe(0);
    await button.click();
    // Signed in, or the callback page's alert saying why not: either way the page's words and address
    // make a failure readable.
    await page
      .getByTestId('signed-in-as')
      .or(page.getByRole('alert'))
      .first()
      .waitFor()
      .catch(async (error: Error) => {
        const text = await page.evaluate(
          () => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText,
        );
        throw new Error(`${error.message}\nat ${page.url()}, the page reads: ${text}`);
      });
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
    await page.getByTestId('signed-in-as').getByText('a.nurlanovna').waitFor();
    expect(await page.getByTestId('signed-in-as').innerText()).toContain('Аудитор');
    expect(provider.requests.authorize).toBe(1);
    expect(provider.requests.token).toBe(1);
  });
});
