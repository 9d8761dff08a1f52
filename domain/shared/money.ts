/** An amount of money in whole tenge (₸). Amounts are integers by law: never a fraction of a tenge. */
export type Tenge = number & { readonly __unit?: 'KZT' };

export function tenge(amount: number): Tenge {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`not a whole, non-negative tenge amount: ${amount}`);
  return amount;
}
