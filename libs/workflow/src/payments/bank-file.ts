import { createHash } from 'node:crypto';

/**
 * The files exchanged with the paying bank (ADR 33; the format in docs/payments/bank-file.md):
 * UTF-8, `;`-separated, one header line, CRLF line ends. The payment file ends with a control line
 * `TOTAL;<orders>;<sum>`, so the bank checks it received every order and the total it adds up.
 */
export const SEPARATOR = ';';
export const PAYMENT_FILE_HEADER = [
  'order_id',
  'application_id',
  'recipient_iin',
  'recipient_iban',
  'amount_kzt',
  'due_on',
  'region',
  'instalment',
] as const;
export const ANSWERS_FILE_HEADER = [
  'order_id',
  'application_id',
  'status',
  'date',
  'bank_reference',
  'reason',
] as const;

export interface PaymentFileOrder {
  readonly orderId: string;
  readonly applicationId: string;
  readonly recipientIin: string;
  readonly recipientIban: string;
  readonly amount: number;
  readonly dueOn: string;
  readonly region: string;
  readonly instalment: string;
}

export interface PaymentFile {
  readonly text: string;
  readonly orders: number;
  /** Whole tenge: the sum of the orders, as the control line says it. */
  readonly controlTotal: number;
  /** SHA-256 of the text (hex): what the payments officer and the bank compare. */
  readonly sha256: string;
}

/** The file of the orders to pay, with its control line. Its bytes depend only on the orders. */
export function paymentFile(orders: readonly PaymentFileOrder[]): PaymentFile {
  const controlTotal = orders.reduce((sum, order) => sum + order.amount, 0);
  const lines = [
    PAYMENT_FILE_HEADER.join(SEPARATOR),
    ...orders.map((o) =>
      [o.orderId, o.applicationId, o.recipientIin, o.recipientIban, o.amount, o.dueOn, o.region, o.instalment].join(
        SEPARATOR,
      ),
    ),
    ['TOTAL', orders.length, controlTotal].join(SEPARATOR),
  ];
  const text = `${lines.join('\r\n')}\r\n`;
  return { text, orders: orders.length, controlTotal, sha256: createHash('sha256').update(text).digest('hex') };
}

/** One answer of the bank, as its file says it. */
export type BankAnswer =
  | {
      readonly line: number;
      readonly orderId: string;
      readonly applicationId: string;
      readonly status: 'paid';
      readonly date: string;
      readonly bankReference: string;
    }
  | {
      readonly line: number;
      readonly orderId: string;
      readonly applicationId: string;
      readonly status: 'returned';
      readonly date: string;
      readonly reason: string;
    };

/** A line of the bank's file that is not an answer: which, which column, and why. */
export interface AnswerFileProblem {
  readonly field: string;
  readonly reason: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORDER = /^PO-[0-9A-F]{16}-(RL|R(0[1-9]|1[0-2]))-\d$/;

/**
 * The bank's answers file, read whole before anything is recorded: a file with any line out of its
 * format is refused with every problem named (`file[line 3].date`), and nothing of it is recorded.
 */
export function readAnswersFile(text: string): { answers: BankAnswer[]; problems: AnswerFileProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const problems: AnswerFileProblem[] = [];
  const answers: BankAnswer[] = [];
  if (lines[0] !== ANSWERS_FILE_HEADER.join(SEPARATOR)) {
    problems.push({ field: 'file[line 1]', reason: `must be the header ${ANSWERS_FILE_HEADER.join(SEPARATOR)}` });
    return { answers, problems };
  }
  if (lines.length < 2) problems.push({ field: 'file', reason: 'holds no answer' });
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    const cells = raw.split(SEPARATOR);
    const problem = (column: string, reason: string) =>
      problems.push({ field: `file[line ${line}].${column}`, reason });
    if (cells.length !== ANSWERS_FILE_HEADER.length) {
      problem('columns', `must have ${ANSWERS_FILE_HEADER.length} columns, has ${cells.length}`);
      return;
    }
    const [orderId = '', applicationId = '', status = '', date = '', bankReference = '', reason = ''] = cells.map((c) =>
      c.trim(),
    );
    if (!ORDER.test(orderId)) problem('order_id', 'must be a payment order id (PO-…)');
    if (!UUID.test(applicationId)) problem('application_id', 'must be an application id (a UUID)');
    if (!DATE.test(date)) problem('date', 'must be a date yyyy-MM-dd');
    if (status === 'paid') {
      if (bankReference === '') problem('bank_reference', 'must be given for a payment');
      answers.push({ line, orderId, applicationId, status, date, bankReference });
    } else if (status === 'returned') {
      if (reason === '') problem('reason', 'must say why the bank returned it');
      answers.push({ line, orderId, applicationId, status, date, reason });
    } else problem('status', "must be 'paid' or 'returned'");
  });
  return { answers: problems.length > 0 ? [] : answers, problems };
}
