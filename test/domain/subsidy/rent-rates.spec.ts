import { DEFAULT_RENT_RATES, rentRateFor, RentRateTable, validateRentRateTable } from '@domain/subsidy';

const table = (rates: Record<string, Record<string, number>>): RentRateTable => ({
  version: 't',
  provisional: false,
  rates: rates,
});

describe('Rent rate table: data an administrator sets, each rate within 15–30 MCI', () => {
  it('the provisional default table is valid and covers every region with a 2025 or 2026 quota', () => {
    expect(() => validateRentRateTable(DEFAULT_RENT_RATES)).not.toThrow();
    const regions = [
      'abai',
      'akmola',
      'atyrau',
      'east_kazakhstan',
      'karaganda',
      'kostanay',
      'north_kazakhstan',
      'pavlodar',
      'ulytau',
      'west_kazakhstan',
    ];
    expect(Object.keys(DEFAULT_RENT_RATES.rates).sort()).toEqual(regions);
  });

  it('accepts the bounds 15 and 30', () => {
    expect(() => validateRentRateTable(table({ pavlodar: { city: 30, village: 15 } }))).not.toThrow();
  });

  it.each([14, 31, 0, -15, 20.5, Number.NaN])('refuses a rate of %p MCI, naming where it is', (rate) => {
    expect(() => validateRentRateTable(table({ kostanay: { town: rate } }))).toThrow(
      expect.objectContaining({
        code: 'SUBSIDY.RENT_RATE_OUT_OF_RANGE',
        violations: [expect.objectContaining({ field: 'rates.kostanay.town' })],
      }),
    );
  });

  it('refuses an unknown region or settlement kind', () => {
    expect(() => validateRentRateTable(table({ atlantis: { city: 20 } }))).toThrow(
      expect.objectContaining({ code: 'SUBSIDY.INVALID_RENT_RATE_TABLE' }),
    );
    expect(() => validateRentRateTable(table({ pavlodar: { hamlet: 20 } }))).toThrow(
      expect.objectContaining({ code: 'SUBSIDY.INVALID_RENT_RATE_TABLE' }),
    );
  });

  it('looks a rate up by region and settlement kind, or says it is not set', () => {
    expect(rentRateFor('akmola', 'town', table({ akmola: { town: 22 } }))).toBe(22);
    expect(() => rentRateFor('akmola', 'city', table({ akmola: { town: 22 } }))).toThrow(
      expect.objectContaining({ code: 'SUBSIDY.RENT_RATE_NOT_SET' }),
    );
  });

  it('will not read a rate from a table holding any rate out of range', () => {
    expect(() => rentRateFor('akmola', 'town', table({ akmola: { town: 22, city: 40 } }))).toThrow(
      expect.objectContaining({ code: 'SUBSIDY.RENT_RATE_OUT_OF_RANGE' }),
    );
  });
});
