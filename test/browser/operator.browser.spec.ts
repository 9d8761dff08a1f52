import { NOTICE_DELIVERY } from '@apps/composition-root';
import type { NoticeDeliveryWorker } from '@libs/workflow';
import { operator } from '../../apps/console/src/pages/operator/messages';
import { ALL_ACCEPTED, freshSubmissionBody, openQuota, reviewEligible, submitAndSign } from '../e2e/support/journeys';
import { LoopbackReceiver } from '../notices/support/loopback-receiver';
import { ConsoleUnderTest } from './support/console-under-test';
import { checkScreen, settled } from './support/screen-checks';

/**
 * The operator on the real server, with a portal that refuses every notice (HTTP 500) and one
 * attempt allowed (KANDAS_NOTICE_MAX_ATTEMPTS=1): a notice is parked at its first failed delivery —
 * those of a proposed refusal too (issue 20), each kind named in words. And an inclusion on 4
 * January 2027, whose subsidies wait for the 2027 MCI (ADR 23).
 */
describe('the operator’s console', () => {
  let c: ConsoleUnderTest;
  let portal: LoopbackReceiver;
  let portalAnswers = 500;
  let parkedFor: string;
  let proposedFor: string;
  const deliverDue = async () => {
    await c.e.app.get<NoticeDeliveryWorker>(NOTICE_DELIVERY).deliverDue();
    await c.e.settle();
  };
  beforeAll(async () => {
    portal = await LoopbackReceiver.listen((_received, response) =>
      response.writeHead(portalAnswers, { 'content-type': 'application/json' }).end('{}'),
    );
    c = await ConsoleUnderTest.start({
      recordQuotaOrders: true,
      env: { KANDAS_PORTAL_NOTICES_URL: portal.url, KANDAS_NOTICE_MAX_ATTEMPTS: '1' },
    });
    parkedFor = await submitAndSign(c.e);
    await c.e.settle();
    await deliverDue();
    // A refusal proposed (issue 20): its notices parked too, each kind named in words.
    proposedFor = await submitAndSign(c.e);
    const officer = c.e.as('reviewer', 'reviewer-1');
    await officer.post(`/applications/${proposedFor}/review/start`).expect(200);
    await officer
      .post(`/applications/${proposedFor}/review`, {
        verdict: 'not-eligible',
        findings: ALL_ACCEPTED,
        grounds: ['INCOMPLETE_DOCUMENTS'],
      })
      .expect(200);
    await c.e.settle();
    await deliverDue();
    // The subsidy step of an inclusion in 2027 waits for the MCI of its date.
    await openQuota(c.e, 500, 'pavlodar', 2027);
    await c.advanceTo('2026-12-21T05:00:00.000Z');
    const waiting = await submitAndSign(
      c.e,
      freshSubmissionBody((s) => ({ ...s, year: 2027 })),
    );
    await c.advanceTo('2027-01-04T05:00:00.000Z');
    await reviewEligible(c.e, waiting);
    await c.e.settle();
  });
  afterAll(async () => {
    await c.close();
    await portal.close();
  });

  it('sends a parked notice back and sees it delivered, without a reload; a step waiting for data says what it awaits', async () => {
    const page = await c.as('operator', 'operator-1', 'ru', '/incidents');
    const retry = page.getByRole('button', { name: `Отправить снова уведомление по заявлению ${parkedFor}` });
    await retry.waitFor();
    await page.getByText('МРП на дату: 04.01.2027').waitFor();
    const proposedRows = page.getByRole('row').filter({ hasText: proposedFor });
    await proposedRows.getByText(operator.ru.incidents.notices.kind['refusal-proposed'], { exact: true }).waitFor();
    expect(await proposedRows.getByText(operator.ru.incidents.notices.kind['review-started']).count()).toBe(1);
    expect(await page.getByText('refusal-proposed').count()).toBe(0);
    await checkScreen(page, 'operator-incidents', { ru: 'Инциденты', kk: 'Оқиғалар', en: 'Incidents' });

    portalAnswers = 200;
    await retry.click();
    const outcome = page.getByTestId(/^retried-/).filter({ hasText: parkedFor });
    await outcome.getByText('возвращено в очередь доставки').waitFor();
    await retry.waitFor({ state: 'detached' });
    await deliverDue();
    await outcome.getByText('доставлено', { exact: true }).waitFor();
    await settled(page);
  });

  it('shows the store ready and each subscription running with its lag', async () => {
    const page = await c.as('operator', 'operator-1', 'ru', '/health');
    await page.getByTestId('readiness').getByText('Готов к работе').waitFor();
    await page.getByTestId('subscription-review-saga').getByText('работает').waitFor();
    await checkScreen(page, 'operator-health', {
      ru: 'Состояние сервиса',
      kk: 'Қызметтің жай-күйі',
      en: 'Service health',
    });
  });
});
