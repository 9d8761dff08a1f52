/**
 * One stream per reference table (per year for the calendar): a table's amendments are ordered
 * by its stream's revision and appended with an expected revision, so two administrators amending
 * the same table at once cannot both win. The `law-` prefix keeps them out of application queries.
 */
export const LAW_STREAM_PREFIX = 'law-';

export const lawStreams = {
  calendarYear: (year: number): string => `law-calendar-${year}`,
  mci: (): string => 'law-mci',
  rentRates: (): string => 'law-rent-rates',
  refusalGrounds: (): string => 'law-refusal-grounds',
  slaPolicy: (): string => 'law-sla-policy',
} as const;
