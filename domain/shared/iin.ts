/**
 * IIN — individual identification number, 12 digits (Government decree No. 406 of 22.05.2007).
 * Check digit: the sum of digits 1–11 times weights 1..11, mod 11; when that is 10, weights
 * 3,4,5,6,7,8,9,10,11,1,2 instead; when again 10 the IIN is invalid; else it must equal digit 12.
 * Digits 1–6 are usually the birth date, but since 2013 that is not guaranteed: only the checksum
 * is validated (FACTS.md, "IIN").
 */
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

export type IinProblem = 'not 12 digits' | 'checksum does not match' | 'no valid checksum exists';

export function iinProblem(value: unknown): IinProblem | null {
  if (typeof value !== 'string' || !/^\d{12}$/.test(value)) return 'not 12 digits';
  const digits = [...value].map(Number);
  let check = weightedSum(digits, FIRST_WEIGHTS) % 11;
  if (check === 10) check = weightedSum(digits, SECOND_WEIGHTS) % 11;
  if (check === 10) return 'no valid checksum exists';
  return check === digits[11] ? null : 'checksum does not match';
}

export function isValidIin(value: unknown): value is string {
  return iinProblem(value) === null;
}

/** The mask of every masked view lives with the other personal-data masks (ADR 26). */
export { maskIin } from './personal-data';

function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * digits[index]!, 0);
}
