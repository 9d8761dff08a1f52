import { randomUUID } from 'node:crypto';
import { domain } from '../../apps/console/src/i18n/domain';
import { hearing } from '../../apps/console/src/pages/hearing/messages';
import { reviewer } from '../../apps/console/src/pages/reviewer/messages';
import { ALL_ACCEPTED, freshSubmissionBody, submitAndSign } from '../e2e/support/journeys';
import { ConsoleUnderTest } from './support/console-under-test';
import { portalSends } from './support/portal';
import { APPLICATION_HEADINGS, checkDialog, checkScreen, titlesOf } from './support/screens';

/** Tuesday 3 March 2026, 11:00 in Astana (UTC+5): the day after the proposal, when the hearing is held. */
const HEARING_DAY = '2026-03-03T06:00:00.000Z';
const HELD_AT_TYPED = '03.03.2026 11:00';

/**
 * Issue 20, the hearing before a refusal (ADR 32), in Chromium on the real server: a reviewer's
 * not-eligible verdict shows as a preliminary refusal with the hearing offered; it is listed on the
 * Hearings screen; the applicant objects through the portal; the reviewer records the hearing; the
 * supervisor confirms the refusal — each outcome on screen without a reload.
 *
 * Written to the HTTP contract of issue 20 part 2 (the brief's): it passes once the API serves
 * `/queues/hearings`, the proposal in `GET /applications/{id}`, the objections, the hearing and the
 * confirmation endpoints.
 */
describe('the preliminary refusal and its hearing in the console', () => {
  let c: ConsoleUnderTest;
  let id: string;
  beforeAll(async () => {
    c = await ConsoleUnderTest.start();
    id = await submitAndSign(c.e, freshSubmissionBody());
    await c.e.settle();
  });
  afterAll(() => c.close());

  it('shows a reviewer’s not-eligible verdict as a preliminary refusal, with its grounds and the hearing offered', async () => {
    const page = await c.as('reviewer', 'reviewer-1', 'ru', `/applications/${id}`, 7 * 24 * 3600);
    await page.getByTestId('take').click();
    await page.getByTestId('record-review').waitFor();
    await page.getByTestId('verdict-not-eligible').check();
    await page.getByRole('combobox', { name: reviewer.ru.review.grounds }).click();
    await page.getByRole('option', { name: 'Неполный пакет документов' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('record-review').click();

    // The process proposes the refusal; the page reads the application until it shows.
    const proposal = page.getByTestId('refusal-proposal');
    await proposal.waitFor();
    expect(await page.getByTestId('status').innerText()).toBe('предварительное решение об отказе');
    expect(await page.getByTestId('proposal-grounds').innerText()).toBe('Неполный пакет документов');
    expect(await proposal.getByTestId('offered-hearing').innerText()).toContain('по видеосвязи');
    expect(await proposal.getByTestId('not-heard').isVisible()).toBe(true);
    // Proposed by the process on this reviewer's verdict, not by the system actor `review-process`.
    expect(await proposal.getByTestId('proposer').innerText()).toBe(domain.ru.refusal.proposedBy.review);
    expect(await proposal.getByTestId('proposer-id').innerText()).toBe('reviewer-1');
    expect(await proposal.innerText()).not.toContain('review-process');
    // No comment: the process's «Refused on INCOMPLETE_DOCUMENTS» is not shown as an officer's words.
    const explanation = proposal.getByTestId('explanation');
    expect(await explanation.getAttribute('data-generated')).toBe('grounds-only');
    expect(await explanation.innerText()).toBe(domain.ru.refusal.explanation.none);
    expect(await proposal.innerText()).not.toContain('Refused on');
    expect(await page.getByTestId('decision').count()).toBe(0);
    await checkScreen(page, 'application-refusal-proposed', APPLICATION_HEADINGS);
  });

  it('lists it on the Hearings screen, earliest deadline first, not heard yet', async () => {
    await c.e.settle();
    const page = await c.as('supervisor', 'supervisor-1', 'ru', '/hearings');
    const row = page.locator(`[data-id="${id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('objections').innerText()).toBe('0');
    expect(await row.getByTestId('heard').innerText()).toBe(hearing.ru.queue.notHeard);
    expect(await row.getByTestId('sla-clock').getAttribute('data-state')).toBe('on-time');
    await checkScreen(page, 'hearings', titlesOf(hearing, 'queue'));
  });

  it('shows the applicant’s objection, records the hearing, and lets the supervisor confirm the refusal', async () => {
    await portalSends(c.e, `/portal/applications/${id}/objections`, {
      objectionId: randomUUID(),
      text: 'Справка о составе семьи будет представлена на слушании',
    });
    await c.advanceTo(HEARING_DAY);

    const page = await c.as('reviewer', 'reviewer-1', 'ru', `/applications/${id}`);
    const proposal = page.getByTestId('refusal-proposal');
    await proposal.getByText('Справка о составе семьи будет представлена на слушании').waitFor();
    await page.getByTestId('record-hearing').click();
    // No statement: the API names the field, and the dialog shows it there.
    await page.getByTestId('held-at').fill(HELD_AT_TYPED);
    await page.getByTestId('confirm').click();
    await page.getByRole('dialog').getByText('statement', { exact: false }).first().waitFor();
    await page.getByTestId('statement-input').fill('Заявитель представил справку о составе семьи');
    await page.getByTestId('add-document').click();
    await page.getByLabel(hearing.ru.record.documentTitle).fill('Справка о составе семьи');
    await page.getByLabel(hearing.ru.record.documentReference).fill('вх. № 17');
    await page.getByTestId('confirm').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const heard = proposal.getByTestId('heard');
    await heard.waitFor();
    expect(await heard.getByTestId('statement').innerText()).toBe('Заявитель представил справку о составе семьи');
    expect(await heard.getByTestId('attendance').innerText()).toBe('заявитель присутствовал');
    expect(await heard.innerText()).toContain('03.03.2026 11:00');
    expect(await page.getByTestId('record-hearing').count()).toBe(0);

    const supervisor = await c.as('supervisor', 'supervisor-1', 'ru', `/applications/${id}`);
    await supervisor.getByTestId('confirm-refusal').click();
    await supervisor.getByTestId('confirm').click();
    const decision = supervisor.getByTestId('decision');
    await decision.waitFor();
    await supervisor.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await decision.getAttribute('data-outcome')).toBe('refused');
    expect(await supervisor.getByTestId('decision-grounds').innerText()).toBe('Неполный пакет документов');
    expect(await supervisor.getByTestId('refusal-proposal').count()).toBe(0);
    expect(await decision.getByTestId('explanation').getAttribute('data-generated')).toBe('grounds-only');
    expect(await decision.innerText()).not.toContain('Refused on');
    await checkScreen(supervisor, 'application-refusal-confirmed', APPLICATION_HEADINGS);
  });

  it('lets the supervisor find the application eligible after all: the proposal is withdrawn and the family included', async () => {
    const other = await submitAndSign(c.e, freshSubmissionBody());
    const officer = c.e.as('reviewer', 'reviewer-2');
    await officer.post(`/applications/${other}/review/start`).expect(200);
    await officer
      .post(`/applications/${other}/review`, {
        verdict: 'not-eligible',
        findings: ALL_ACCEPTED,
        grounds: ['INCOMPLETE_DOCUMENTS'],
        comment: 'Нет справки о составе семьи',
      })
      .expect(200);
    await c.e.settle();

    const page = await c.as('supervisor', 'supervisor-1', 'ru', `/applications/${other}`);
    const proposal = page.getByTestId('refusal-proposal');
    await proposal.waitFor();
    expect(await proposal.getByTestId('proposer-id').innerText()).toBe('reviewer-2');
    // The reviewer's comment is an officer's words: shown as recorded.
    expect(await proposal.getByTestId('explanation').getAttribute('data-generated')).toBeNull();
    expect(await proposal.getByTestId('explanation').innerText()).toBe('Нет справки о составе семьи');

    await proposal.getByTestId('reopen').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(hearing.ru.reopen.text).waitFor();
    await checkDialog(page, 'application-refusal-reopen', hearing.ru.reopen.title);
    // No reason: the API names the field, and the dialog shows it under the reason.
    await page.getByTestId('confirm').click();
    const reason = page.getByTestId('reason');
    await dialog.getByText('reason', { exact: false }).first().waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Справка о составе семьи есть в пакете: документ 3');
    await page.getByTestId('confirm').click();
    await dialog.waitFor({ state: 'detached' });

    // Eligible after all: the quota is asked again, the family included, the proposal gone.
    await page.locator('[data-testid="decision"][data-outcome="included"]').waitFor();
    // Its subsidies granted too (the page reads again until they are): the screen at rest.
    await page.getByTestId('rent-amount').getByText(/₸/).waitFor();
    expect(await page.getByTestId('refusal-proposal').count()).toBe(0);
    expect(await page.getByTestId('status').innerText()).toBe(domain.ru.status.included);
    await checkScreen(page, 'application-refusal-reopened', APPLICATION_HEADINGS);
  });
});
