import { paymentFile, readAnswersFile } from '@libs/workflow';

const ORDERS = [
  {
    orderId: 'PO-3F1C2A4E8B7D4C1E-RL-1',
    applicationId: '3f1c2a4e-8b7d-4c1e-9a2f-0d5e6b7c8a91',
    recipientIin: '850315400126',
    recipientIban: 'KZ86125KZT5004100100',
    amount: 908_250,
    dueOn: '2026-03-26',
    region: 'pavlodar',
    instalment: 'relocation',
  },
  {
    orderId: 'PO-0B3E3C9E6A594C55-R01-1',
    applicationId: '0b3e3c9e-6a59-4c55-9a1f-6f3c1d1b2a01',
    recipientIin: '870721400235',
    recipientIban: 'KZ75125KZT2069100100',
    amount: 86_500,
    dueOn: '2026-03-10',
    region: 'akmola',
    instalment: 'rent-01',
  },
];
const HEADER = 'order_id;application_id;status;date;bank_reference;reason';

/** The files exchanged with the paying bank (ADR 33, docs/payments/bank-file.md). */
describe('the bank files', () => {
  it('the payment file: a header, one line per order, the control line; the same orders, the same bytes', () => {
    const file = paymentFile(ORDERS);
    expect(file.text).toBe(
      'order_id;application_id;recipient_iin;recipient_iban;amount_kzt;due_on;region;instalment\r\n' +
        'PO-3F1C2A4E8B7D4C1E-RL-1;3f1c2a4e-8b7d-4c1e-9a2f-0d5e6b7c8a91;850315400126;KZ86125KZT5004100100;908250;2026-03-26;pavlodar;relocation\r\n' +
        'PO-0B3E3C9E6A594C55-R01-1;0b3e3c9e-6a59-4c55-9a1f-6f3c1d1b2a01;870721400235;KZ75125KZT2069100100;86500;2026-03-10;akmola;rent-01\r\n' +
        'TOTAL;2;994750\r\n',
    );
    expect(file).toMatchObject({ orders: 2, controlTotal: 994_750, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(paymentFile(ORDERS).sha256).toBe(file.sha256);
    expect(paymentFile([]).text).toBe(
      'order_id;application_id;recipient_iin;recipient_iban;amount_kzt;due_on;region;instalment\r\nTOTAL;0;0\r\n',
    );
  });

  it('reads the bank’s answers, with or without a byte-order mark, CRLF or LF', () => {
    const text = `\uFEFF${HEADER}\r\nPO-3F1C2A4E8B7D4C1E-RL-1;3f1c2a4e-8b7d-4c1e-9a2f-0d5e6b7c8a91;paid;2026-03-27;HB-77;\nPO-0B3E3C9E6A594C55-R01-1;0b3e3c9e-6a59-4c55-9a1f-6f3c1d1b2a01;returned;2026-03-12;;Account closed\n`;
    expect(readAnswersFile(text)).toEqual({
      answers: [
        {
          line: 2,
          orderId: 'PO-3F1C2A4E8B7D4C1E-RL-1',
          applicationId: '3f1c2a4e-8b7d-4c1e-9a2f-0d5e6b7c8a91',
          status: 'paid',
          date: '2026-03-27',
          bankReference: 'HB-77',
        },
        {
          line: 3,
          orderId: 'PO-0B3E3C9E6A594C55-R01-1',
          applicationId: '0b3e3c9e-6a59-4c55-9a1f-6f3c1d1b2a01',
          status: 'returned',
          date: '2026-03-12',
          reason: 'Account closed',
        },
      ],
      problems: [],
    });
  });

  it('refuses a file out of format whole, naming every line and column at fault', () => {
    const text = `${HEADER}\nPO-1;not-a-uuid;paid;27.03.2026;;\nPO-3F1C2A4E8B7D4C1E-RL-1;3f1c2a4e-8b7d-4c1e-9a2f-0d5e6b7c8a91;lost;2026-03-27;;\nshort;line\n`;
    expect(readAnswersFile(text)).toEqual({
      answers: [],
      problems: [
        { field: 'file[line 2].order_id', reason: 'must be a payment order id (PO-…)' },
        { field: 'file[line 2].application_id', reason: 'must be an application id (a UUID)' },
        { field: 'file[line 2].date', reason: 'must be a date yyyy-MM-dd' },
        { field: 'file[line 2].bank_reference', reason: 'must be given for a payment' },
        { field: 'file[line 3].status', reason: "must be 'paid' or 'returned'" },
        { field: 'file[line 4].columns', reason: 'must have 6 columns, has 2' },
      ],
    });
    expect(readAnswersFile('order_id;status\n').problems).toEqual([
      { field: 'file[line 1]', reason: `must be the header ${HEADER}` },
    ]);
    expect(readAnswersFile(`${HEADER}\n`).problems).toEqual([{ field: 'file', reason: 'holds no answer' }]);
  });
});
