import { accessibilityViolations, ConsoleUnderTest, screenshot, seriousOrCritical } from './support/console-under-test';
import { untranslatedLabels } from './support/untranslated';

describe('the console frame', () => {
  let console: ConsoleUnderTest;
  beforeAll(async () => {
    console = await ConsoleUnderTest.start();
  });
  afterAll(() => console.close());

  it('shows a signed-in reviewer their sections, in Russian by default, and switches to Kazakh and English', async () => {
    const page = await console.as('reviewer');
    await page.getByRole('navigation').getByText('Очередь').waitFor();
    expect(await page.getByTestId('signed-in-as').innerText()).toContain('reviewer-1');
    await page.getByTestId('language-kk').click();
    await page.getByRole('navigation').getByText('Кезек').waitFor();
    expect(await untranslatedLabels(page, 'kk')).toEqual([]);
    await page.getByTestId('language-en').click();
    await page.getByRole('navigation').getByText('Queue').waitFor();
    expect(await untranslatedLabels(page, 'en')).toEqual([]);
    expect(seriousOrCritical(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'shell', 'en');
  });
});
