import { ZONE } from '../../format';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const ALMATY_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' });

/** The month it is now in Astana, `yyyy-MM` (by the page's clock, which the tests fix to the server's). */
export function thisMonth(now = new Date()): string {
  const part: Record<string, string> = {};
  for (const piece of ALMATY_MONTH.formatToParts(now)) part[piece.type] = piece.value;
  return `${part.year}-${part.month}`;
}

export const isMonth = (text: string | null): text is string => text !== null && MONTH.test(text);

/** `2026-03` moved by `count` months (negative: back). */
export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + (Number(month.slice(5, 7)) - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The months offered: two years back (the register of what was paid) to thirteen months ahead (a
 * family arriving now is paid rent for twelve months from the next), the current one among them.
 */
export function monthsAround(month: string): string[] {
  return Array.from({ length: 24 + 1 + 13 }, (_, index) => addMonths(month, index - 24)).reverse();
}
