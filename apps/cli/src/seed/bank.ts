import { kzIbanOf } from '@domain/support';
import { SeededRandom } from '@libs/seeded-random';
import { ANSWERS_FILE_HEADER, SEPARATOR, type PaymentFileOrder } from '@libs/workflow';

/** The seed's bank for the families' accounts: a code of three digits (the accounts are the seed's own). */
export const SEED_BANK_CODE = '601';

/** Why the seed's bank sends a payment back: what banks say (the applicant is never told these words). */
const RETURN_REASONS = [
  'Account closed by the holder',
  'The recipient’s name does not match the account',
  'No such account at the bank',
];

/** How often the seed's bank returns a first order: enough that a seeded year shows returns and re-issues. */
const RETURN_CHANCE = 0.05;

/** An order re-issued after a return carries an issue number above 1 (`PO-…-R03-2`): the bank pays it. */
const isReissue = (orderId: string): boolean => !orderId.endsWith('-1');

/**
 * The seed's paying bank (issue 21, ADR 33): it receives the orders of the payments file and answers
 * each the next working day in its answers file (docs/payments/bank-file.md) — paid, or for about one
 * first order in twenty, returned. Decided from the seed and the order's id alone, so a seed stays
 * deterministic. The simulation imports the file as a payments officer does: the same reader, the
 * same commands, each recorded once.
 */
export function seedBankAnswers(idSalt: string, answeredOn: string, orders: readonly PaymentFileOrder[]): string {
  const lines = orders.map((order) => {
    const random = SeededRandom.fromSeed(`${idSalt}:bank:${order.orderId}`);
    const returned = !isReissue(order.orderId) && random.chance(RETURN_CHANCE);
    const cells = returned
      ? [order.orderId, order.applicationId, 'returned', answeredOn, '', random.pick(RETURN_REASONS)]
      : [order.orderId, order.applicationId, 'paid', answeredOn, `SB-${random.digits(10)}`, ''];
    return cells.join(SEPARATOR);
  });
  return `${[ANSWERS_FILE_HEADER.join(SEPARATOR), ...lines].join('\r\n')}\r\n`;
}

/**
 * The family's corrected account after a return: another account of theirs at the seed's bank, one
 * per return (a family whose corrected account comes back too gives yet another).
 */
export function correctedAccountOf(idSalt: string, returnedOrderId: string): string {
  const random = SeededRandom.fromSeed(`${idSalt}:corrected-account:${returnedOrderId}`);
  return kzIbanOf(SEED_BANK_CODE, `2${random.digits(12)}`);
}
