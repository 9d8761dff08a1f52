import { issueNotice, noNotice, supportNoticesFor, supportTypesNoticed, typesNoticed } from '@domain/notices';
import type { PaymentOrderIssued, SupportEvent } from '@domain/support';
import { processSpecification } from '@libs/testing';
import { APPLICANT_IIN, APPLICATION_ID as id } from '../application/fixtures';

/** The rule sees the support's events up to and including the one it tells of, as the handler reads them. */
const spec = processSpecification((history: readonly SupportEvent[], _: null) =>
  supportNoticesFor(history.at(-1)!, history),
);
const given = spec.given(null);

const IBAN = 'KZ86125KZT5004100100';
const order = (orderId: string, instalment: 'relocation' | `rent-${string}`, amount: number): PaymentOrderIssued => ({
  type: 'PaymentOrderIssued',
  data: {
    applicationId: id,
    orderId,
    instalment,
    dueOn: '2026-12-10',
    amount,
    mci: { value: 4_325, validFrom: '2026-01-01' },
    basis: { kind: 'rent', monthlyRateMci: 20 },
    recipient: { iin: APPLICANT_IIN, iban: IBAN },
    reissueOf: null,
    issuedAt: '2026-12-09T19:00:00.000Z',
  },
});
const rent02 = order('PO-1-R02-1', 'rent-02', 86_500);
const relocation = order('PO-1-RL-1', 'relocation', 908_250);

describe('what the applicant is told of the support paid after arrival (ADR 33)', () => {
  it('each payment made: what it was for, how much, when, and only the end of the account', () => {
    given
      .when([
        relocation,
        rent02,
        {
          type: 'PaymentPaid',
          data: {
            applicationId: id,
            orderId: 'PO-1-R02-1',
            paidOn: '2026-12-11',
            bankReference: 'HB-77',
            recordedAt: '2026-12-11T10:00:00.000Z',
          },
        },
      ])
      .then([
        issueNotice({
          kind: 'payment-made',
          data: {
            kind: 'rent',
            rentMonth: 2,
            orderId: 'PO-1-R02-1',
            amount: 86_500,
            paidOn: '2026-12-11',
            accountEnding: '0100',
          },
        }),
      ]);
  });

  it('a payment returned: the relocation payment named as such, never the bank’s words', () => {
    given
      .when([
        relocation,
        {
          type: 'PaymentReturned',
          data: {
            applicationId: id,
            orderId: 'PO-1-RL-1',
            returnedOn: '2026-12-12',
            reason: 'Account closed by the holder',
            recordedAt: '2026-12-12T10:00:00.000Z',
          },
        },
      ])
      .then([
        issueNotice({
          kind: 'payment-returned',
          data: {
            kind: 'relocation',
            rentMonth: null,
            orderId: 'PO-1-RL-1',
            amount: 908_250,
            returnedOn: '2026-12-12',
            accountEnding: '0100',
          },
        }),
      ]);
  });

  it('the account changed: both endings, on the day in Astana, so a change nobody asked for is caught', () => {
    given
      .when([
        {
          type: 'RecipientCorrected',
          data: {
            applicationId: id,
            iban: 'KZ75125KZT2069100100',
            previousIban: 'KZ86125KZT5004104321',
            correctedAt: '2026-12-13T20:00:00.000Z',
          },
        },
      ])
      .then([
        issueNotice({
          kind: 'recipient-corrected',
          data: { correctedOn: '2026-12-14', previousAccountEnding: '4321', accountEnding: '0100' },
        }),
      ]);
  });

  it('a stop: what is no longer paid (never ordered, or ordered and cancelled) and what is listed for recovery', () => {
    given
      .when([
        {
          type: 'SupportStopped',
          data: {
            applicationId: id,
            reason: 'departed',
            effectiveOn: '2027-05-01',
            cancelledInstalments: ['rent-08', 'rent-09', 'rent-10', 'rent-11', 'rent-12'],
            cancelledOrders: ['PO-1-R07-1'],
            recovery: {
              scope: 'paid-after-stop',
              items: [{ orderId: 'PO-1-R06-1', instalment: 'rent-06', amount: 90_000, paidOn: '2027-05-11' }],
              total: 90_000,
            },
            termsVersion: '1',
            stoppedAt: '2027-06-15T05:00:00.000Z',
          },
        },
      ])
      .then([
        issueNotice({
          kind: 'support-stopped',
          data: {
            reason: 'departed',
            effectiveOn: '2027-05-01',
            cancelledPayments: 6,
            recovery: { payments: 1, total: 90_000 },
          },
        }),
      ]);
  });

  it('says why for the events it does not tell, and the runner subscribes to those it tells', () => {
    given
      .when([rent02])
      .then([noNotice('NOT_FOR_THE_APPLICANT', 'An order is told once the bank has paid it (or returned it)')]);
    expect(supportTypesNoticed().sort()).toEqual(
      ['PaymentPaid', 'PaymentReturned', 'RecipientCorrected', 'SupportStopped'].sort(),
    );
    expect(typesNoticed()).toEqual(expect.arrayContaining(supportTypesNoticed()));
  });
});
