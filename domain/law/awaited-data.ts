import type { LawEvent } from './events';

export type { AwaitedData } from '../shared/errors';

/** The tables of the law a step can wait for (`AwaitedData.table`), one per kind of law stream. */
export type LawTable = 'calendar' | 'mci' | 'rent-rates' | 'refusal-grounds' | 'sla-policy';

/** Which table each law event amends: an amendment of that table may be what a waiting step needs. */
export const TABLE_AMENDED_BY: { readonly [T in LawEvent['type']]: LawTable } = {
  CalendarYearAmended: 'calendar',
  MciAmended: 'mci',
  RentRatesAmended: 'rent-rates',
  RefusalGroundsAmended: 'refusal-grounds',
  SlaPolicyAmended: 'sla-policy',
};
