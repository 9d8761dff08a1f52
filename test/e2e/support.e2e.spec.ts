import { E2eApp } from './support/e2e-app';
import { openQuota, reviewEligible, submitAndSign } from './support/journeys';
import { appendsNothing, expectProblem } from './support/problems';

const IBAN = 'KZ86125KZT5004100100';
const CORRECTED = 'KZ75125KZT2069100100';
const arrival = (change: object = {}) => ({
  settlement: { kind: 'town', name: 'Ekibastuz' },
  arrivedOn: '2026-03-20',
  registration: { address: 'Ekibastuz, Satpayev St 12', registeredOn: '2026-03-21' }, // a Saturday
  iban: IBAN,
  ...change,
});

/**
 * The arrival and the support after it over HTTP, on the real server and SQLite files (ADR 33): the
 * portal records the arrival, the scheduler orders the relocation payment on its working day (after Nauryz), the payments
 * officer records the bank's answers, corrects the account and pays a returned order again; the
 * others read the family's support with the recipient masked.
 */
describe('the support after arrival over HTTP', () => {
  let e: E2eApp;
  let id: string;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
    e.clock.set('2026-03-02T05:01:00.000Z');
    id = await submitAndSign(e);
    await e.settle();
    await reviewEligible(e, id);
    await e.settle();
  });
  afterAll(() => e.close());

  const payments = () => e.as('payments', 'payments-1');
  const support = async () => (await payments().get(`/applications/${id}/support`).expect(200)).body;

  it('refuses an arrival with a wrong account or dates, naming each field, and appends nothing', async () => {
    e.clock.set('2026-03-22T05:00:00.000Z'); // a Sunday: nothing is due before Monday
    const response = await appendsNothing(e, () =>
      e.as('portal', 'egov').post(
        `/portal/applications/${id}/arrival`,
        arrival({
          iban: 'KZ86125KZT5004100101',
          arrivedOn: '2026-04-01',
          registration: { address: 'x', registeredOn: '2026-03-01' },
        }),
      ),
    );
    expectProblem(response, 422, 'APPLICATION.INVALID_COMMAND');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'arrivedOn',
      'registration.registeredOn',
      'iban',
    ]);
    await payments().get(`/applications/${id}/support`).expect(404);
  });

  it('the portal records the arrival: the support opens, the relocation payment is ordered after Nauryz, on Thursday the 26th', async () => {
    await e.as('portal', 'egov').post(`/portal/applications/${id}/arrival`, arrival()).expect(200);
    await e.settle();
    expect((await support()).orders).toEqual([]); // Nauryz: 21–23 March and the two days moved to the 24th and 25th
    await e.advanceTo('2026-03-25T18:59:59.000Z');
    expect((await support()).orders).toEqual([]);
    await e.advanceTo('2026-03-26T04:00:00.000Z');
    const body = await support();
    expect(body).toMatchObject({ status: 'open', region: 'pavlodar', recipient: { iban: IBAN } });
    expect(body.schedule).toHaveLength(13);
    expect(body.orders).toEqual([
      expect.objectContaining({ instalment: 'relocation', dueOn: '2026-03-26', answer: { state: 'pending' } }),
    ]);
    // The month-end file for the bank: the pending order, its control total the register's pending sum.
    const file = await payments().get('/payments/bank-file?month=2026-03').expect(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    const lines = file.text.split('\r\n');
    expect(lines[0]).toBe('order_id;application_id;recipient_iin;recipient_iban;amount_kzt;due_on;region;instalment');
    expect(lines[1]).toMatch(new RegExp(`^PO-\\w+-RL-1;${id};\\d{12};${IBAN};\\d+;2026-03-26;pavlodar;relocation$`));
    const register = (await payments().get('/payments/register?month=2026-03').expect(200)).body.data;
    expect(lines[2]).toBe(`TOTAL;1;${register.grandTotal.pending}`);
    expect(file.headers['x-control-total']).toBe(String(register.grandTotal.pending));
    const notices = (await e.as('portal', 'egov').get(`/portal/applications/${id}/notices`).expect(200)).body.items;
    expect(notices.map((n: { kind: string }) => n.kind)).toContain('arrival-recorded');
  });

  it('a returned payment: the account corrected, the order paid again once; the bank’s answers recorded once', async () => {
    const [order] = (await support()).orders;
    const path = `/applications/${id}/support/orders/${order.orderId}`;
    await payments()
      .post(`${path}/returned`, { returnedOn: '2026-03-27', reason: 'The account is closed' })
      .expect(200);
    expectProblem(await payments().post(`${path}/reissue`), 422, 'SUPPORT.NOT_REISSUABLE');
    await payments().post(`/applications/${id}/support/recipient`, { iban: CORRECTED }).expect(200);
    await payments().post(`${path}/reissue`).expect(200);
    const again = (await support()).orders[1];
    expect(again).toMatchObject({ reissueOf: order.orderId, amount: order.amount, recipient: { iban: CORRECTED } });
    // The bank's answers file: recorded once; imported again, nothing changes.
    const answers = [
      'order_id;application_id;status;date;bank_reference;reason',
      `${again.orderId};${id};paid;2026-03-30;HB-77;`,
      '',
    ].join('\r\n');
    const imported = await payments().post('/payments/bank-answers', { file: answers }).expect(200);
    expect(imported.body).toEqual({ lines: 1, recorded: 1, alreadyRecorded: 0, refused: [] });
    await e.settle(); // the payment's notice follows the import
    const head = await e.head();
    const again2 = await payments().post('/payments/bank-answers', { file: answers }).expect(200);
    expect(again2.body).toEqual({ lines: 1, recorded: 0, alreadyRecorded: 1, refused: [] });
    await e.settle();
    expect(await e.head()).toBe(head);
    const bad = await appendsNothing(e, () =>
      payments().post('/payments/bank-answers', { file: answers.replace('2026-03-30', '30.03.2026') }),
    );
    expectProblem(bad, 400, 'REQUEST.INVALID');
    expect(bad.body.errors).toEqual([{ field: 'file[line 2].date', reason: 'must be a date yyyy-MM-dd' }]);
    const paid = { paidOn: '2026-03-30', bankReference: 'HB-77' };
    const retry = await payments().post(`/applications/${id}/support/orders/${again.orderId}/paid`, paid).expect(200);
    expect(retry.body.events).toEqual([]);
    expectProblem(
      await payments().post(`/applications/${id}/support/orders/${again.orderId}/returned`, {
        returnedOn: '2026-03-26',
        reason: 'x',
      }),
      422,
      'SUPPORT.ORDER_ALREADY_ANSWERED',
    );
    // The applicant was told each step, once, in their cabinet: the return, the new account, the payment.
    await e.settle();
    const told = (await e.as('portal', 'egov').get(`/portal/applications/${id}/notices`).expect(200)).body.items;
    const kinds = told.map((n: { kind: string }) => n.kind);
    expect(kinds.filter((kind: string) => kind.startsWith('payment-') || kind === 'recipient-corrected')).toEqual([
      'payment-returned',
      'recipient-corrected',
      'payment-made',
    ]);
    const made = told.find((n: { kind: string }) => n.kind === 'payment-made');
    expect(made.data).toMatchObject({ orderId: again.orderId, amount: again.amount, paidOn: '2026-03-30' });
    expect(made.texts.ru).toContain('на счёт, оканчивающийся на 0100');
    expect(JSON.stringify(told)).not.toContain('The account is closed');
  });

  it('the register of March: the returned order and its re-issue, the totals their sums; /metrics counts them', async () => {
    const { body } = await e.as('supervisor').get('/payments/register?month=2026-03&region=pavlodar').expect(200);
    const [returned, reissued] = body.data.orders;
    expect([returned.state, reissued.state]).toEqual(['returned', 'paid']);
    const pavlodar = {
      orders: 2,
      committed: reissued.amount,
      paid: reissued.amount,
      returned: returned.amount,
      pending: 0,
      cancelled: 0,
    };
    expect(body.data.totals).toEqual([{ region: 'pavlodar', month: '2026-03', ...pavlodar }]);
    expect(body.data.grandTotal).toEqual(pavlodar);
    expectProblem(await e.as('supervisor').get('/payments/register?month=2026-3'), 400, 'REQUEST.INVALID');
    const metrics = (await e.http.get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^kandas_payment_orders\{state="paid"\} 1$/m);
    expect(metrics).toMatch(/^kandas_payment_orders\{state="returned"\} 1$/m);
  });

  it('shows the supervisors and auditors the support with the recipient masked; the reviewers not at all', async () => {
    const masked = (await e.as('auditor').get(`/applications/${id}/support`).expect(200)).body;
    expect(masked.recipient.iban).toBe('KZ**************0100');
    expect(masked.recipient.iin).toMatch(/^\*{10}\d{2}$/);
    await e.as('reviewer').get(`/applications/${id}/support`).expect(403);
  });

  it('a departure stops the rest: every unpaid instalment cancelled', async () => {
    e.clock.set('2026-05-05T05:00:00.000Z');
    await payments()
      .post(`/applications/${id}/support/stop`, { reason: 'departed', effectiveOn: '2026-05-01' })
      .expect(200);
    const body = await support();
    // A departure lists what fell due after it: the relocation paid in March is not.
    expect(body).toMatchObject({
      status: 'stopped',
      stop: {
        reason: 'departed',
        effectiveOn: '2026-05-01',
        recovery: { scope: 'paid-after-stop', items: [], total: 0 },
      },
    });
    expectProblem(
      await payments().post(`/applications/${id}/support/recipient`, { iban: IBAN }),
      422,
      'SUPPORT.STOPPED',
    );
    await e.settle();
    const told = (await e.as('portal', 'egov').get(`/portal/applications/${id}/notices`).expect(200)).body.items;
    expect(told.at(-1)).toMatchObject({ kind: 'support-stopped', data: { reason: 'departed' } });
  });
});
