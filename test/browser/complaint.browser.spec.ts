import { randomUUID } from 'node:crypto';
import type { ApplicationSubmission } from '@domain/application';
import { domain } from '../../apps/console/src/i18n/domain';
import { admin } from '../../apps/console/src/pages/admin/messages';
import { complaint } from '../../apps/console/src/pages/complaint/messages';
import { reviewer } from '../../apps/console/src/pages/reviewer/messages';
import {
  ALL_ACCEPTED,
  confirmRefusal,
  freshSubmissionBody,
  submissionBody,
  submitAndSign,
} from '../e2e/support/journeys';
import { ConsoleUnderTest } from './support/console-under-test';
import { portalSends } from './support/portal';
import { APPLICATION_HEADINGS, checkDialog, checkScreen, plain, titlesOf } from './support/screens';

/**
 * Issue 20, the complaint (ADR 32), in Chromium on the real server: a refusal made final, the
 * applicant's complaint through the portal, the supervisors' Complaints screen, and the supervisor
 * satisfying it with "include": the refusal revoked, the family included with its amounts; another
 * complaint rejected with reasons; and an admin finding a third application and recording the
 * authority's decision that revokes its refusal — each on screen without a reload.
 *
 * Written to the HTTP contract of issue 20 part 2 (the brief's): it passes once the API serves
 * `/queues/complaints`, the complaints in `GET /applications/{id}`, the portal's complaint and the
 * supervisor's satisfy endpoint.
 */
/** A refusal made final over HTTP (the reviewer's not-eligible verdict, heard, confirmed). */
async function refused(c: ConsoleUnderTest, body: ApplicationSubmission): Promise<string> {
  const id = await submitAndSign(c.e, body);
  const officer = c.e.as('reviewer', 'reviewer-1');
  await officer.post(`/applications/${id}/review/start`).expect(200);
  await officer
    .post(`/applications/${id}/review`, {
      verdict: 'not-eligible',
      findings: ALL_ACCEPTED,
      grounds: ['INCOMPLETE_DOCUMENTS'],
    })
    .expect(200);
  await confirmRefusal(c.e, id);
  return id;
}

const complainAbout = (c: ConsoleUnderTest, id: string) =>
  portalSends(c.e, `/portal/applications/${id}/complaints`, {
    complaintId: randomUUID(),
    against: 'refusal',
    text: 'Справка о составе семьи была приложена к заявлению',
  });

describe('a complaint against a refusal in the console', () => {
  let c: ConsoleUnderTest;
  let id: string;
  let rejected: string;
  let beforeAuthority: ApplicationSubmission;
  let authorityOn: string;
  beforeAll(async () => {
    c = await ConsoleUnderTest.start();
    // The fixture family (3 persons, Pavlodar, a town): its amounts are known (reviewer.browser.spec.ts).
    id = await refused(c, submissionBody());
    await complainAbout(c, id);
    // Another family's complaint, rejected; a third's refusal, which the authority revokes.
    rejected = await refused(c, freshSubmissionBody());
    await complainAbout(c, rejected);
    beforeAuthority = freshSubmissionBody();
    authorityOn = await refused(c, beforeAuthority);
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
    await queue.locator(`[data-id="${rejected}"]`).waitFor();
    expect(await queue.locator(`[data-id="${id}"]`).count()).toBe(0);
  });

  it('rejects a complaint with reasons: the refusal stands, the reasons are shown, the complaint leaves the queue', async () => {
    const page = await c.as('supervisor', 'supervisor-1', 'ru', `/applications/${rejected}`);
    const card = page.getByTestId('complaints');
    await card.getByTestId('reject').click();
    const dialog = page.getByRole('dialog', { name: complaint.ru.reject.title });
    await dialog.waitFor();
    // No reasons: the API names the field, and the dialog shows it under the reasons.
    await page.getByTestId('confirm').click();
    await dialog.getByText('reasons', { exact: false }).first().waitFor();
    expect(await page.getByTestId('reasons').getAttribute('aria-invalid')).toBe('true');
    await checkDialog(page, 'application-complaint-reject', complaint.ru.reject.title);
    await page.getByTestId('reasons').fill('Справки о составе семьи в пакете не было: приложены 4 документа из 5');
    await page.getByTestId('confirm').click();
    await dialog.waitFor({ state: 'detached' });

    await card.locator('[data-testid="complaint"][data-state="rejected"]').waitFor();
    expect(await card.getByTestId('complaint-state').innerText()).toBe(domain.ru.complaint.state.rejected);
    await card.getByText('Справки о составе семьи в пакете не было: приложены 4 документа из 5').waitFor();
    expect(await card.getByTestId('satisfy').count()).toBe(0);
    expect(await page.getByTestId('decision').getAttribute('data-outcome')).toBe('refused');
    expect(await card.getByTestId('revocations').count()).toBe(0);
    await checkScreen(page, 'application-complaint-rejected', APPLICATION_HEADINGS);

    const queue = await c.as('supervisor', 'supervisor-1', 'ru', '/complaints');
    await queue.getByTestId('empty').waitFor();
  });

  it('lets an admin find the application and record the authority’s decision: satisfied, the refusal revoked and the application back to review', async () => {
    const page = await c.as('admin', 'admin-1', 'ru', '/');
    await page.getByRole('navigation').getByRole('link', { name: admin.ru.nav.applications }).click();
    await page.getByTestId('search-input').fill(beforeAuthority.applicant.iin);
    await page.getByRole('button', { name: reviewer.ru.search.submit }).click();
    const row = page.locator(`[data-id="${authorityOn}"]`);
    await row.waitFor();
    await checkScreen(page, 'admin-applications', titlesOf(reviewer, 'search'));
    await row.getByRole('link').click();

    const card = page.getByTestId('complaints');
    await card.getByTestId('authority').waitFor();
    expect(await page.getByTestId('decision').getAttribute('data-outcome')).toBe('refused');
    // The admin decides nothing else here, and reads personal data masked.
    expect(await page.getByTestId('confirm-refusal').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2 }).innerText()).not.toContain(
      beforeAuthority.applicant.name.lastName,
    );
    await checkScreen(page, 'application-admin', APPLICATION_HEADINGS);

    await card.getByTestId('authority').click();
    const dialog = page.getByRole('dialog', { name: complaint.ru.authority.title });
    await dialog.waitFor();
    // A date but no authority nor document: the API names both fields, each shown under its input.
    await page.getByTestId('authority-date-input').fill('20.03.2026');
    await page.getByTestId('confirm').click();
    const authority = page.getByTestId('authority-input');
    const document = page.getByTestId('document-number-input');
    await dialog.locator('[aria-invalid="true"]').first().waitFor();
    expect(await authority.getAttribute('aria-invalid')).toBe('true');
    expect(await document.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('authority-date-input').getAttribute('aria-invalid')).not.toBe('true');
    expect(await dialog.innerText()).toContain('authority');
    await checkDialog(page, 'application-authority-decision', complaint.ru.authority.title);

    await authority.fill('Комитет по контролю качества государственных услуг, департамент по Павлодарской области');
    await document.fill('07-12/118');
    await dialog.getByLabel(complaint.ru.authority.satisfied).check();
    await dialog.getByTestId('remedy-return-to-review').check();
    await page.getByTestId('confirm').click();
    await dialog.waitFor({ state: 'detached' });

    // Revoked: back to review (signed, nobody reviewing, a fresh term), the revocation shown with its document.
    const revocation = card.getByTestId('revocation');
    await revocation.waitFor();
    expect(await revocation.getAttribute('data-by')).toBe('authority');
    expect(await revocation.innerText()).toContain('по решению органа № 07-12/118');
    expect(await revocation.innerText()).toContain(domain.ru.complaint.remedy['return-to-review']);
    await page.getByTestId('status').getByText(domain.ru.status.signed, { exact: true }).waitFor();
    expect(await page.getByTestId('decision').count()).toBe(0);
    // The proposal that preceded the revoked refusal is history, not a hearing still to hold.
    expect(await page.getByTestId('refusal-proposal').count()).toBe(0);
    await checkScreen(page, 'application-authority-revoked', APPLICATION_HEADINGS);
  });
});
