import { DEFAULT_RENT_RATES, RentRateTable, rentSubsidy } from '@domain/subsidy';

const confirmed = (rates: RentRateTable['rates']): RentRateTable => ({ version: 'test-1', provisional: false, rates });

describe('Rent and utilities subsidy: 15 to 30 MCI per family per month, for 12 months', () => {
  it('2026 minimum: 15 MCI = 64,875 ₸ a month, 778,500 ₸ in all', () => {
    const result = rentSubsidy({
      region: 'pavlodar',
      settlementKind: 'village',
      decisionDate: '2026-02-01',
      rentRates: confirmed({ pavlodar: { village: 15 } }),
    });
    expect(result).toEqual({
      kind: 'rent',
      amount: 778_500,
      mci: { value: 4325, year: 2026, validFrom: '2026-01-01' },
      inputs: {
        monthlyRateMci: 15,
        months: 12,
        monthlyAmount: 64_875,
        rateTable: { version: 'test-1', provisional: false },
      },
      formula: 'monthlyRateMci × MCI × 12 months',
      legalBasis: expect.stringContaining('No. 234 of 22.06.2023'),
    });
  });

  it('2026 maximum: 30 MCI = 129,750 ₸ a month, 1,557,000 ₸ in all', () => {
    const result = rentSubsidy({
      region: 'pavlodar',
      settlementKind: 'city',
      decisionDate: '2026-02-01',
      rentRates: confirmed({ pavlodar: { city: 30 } }),
    });
    expect(result.inputs.monthlyAmount).toBe(129_750);
    expect(result.amount).toBe(1_557_000);
  });

  it('the default table is marked provisional, and that mark travels with the calculation', () => {
    expect(DEFAULT_RENT_RATES.provisional).toBe(true);
    const result = rentSubsidy({ region: 'north_kazakhstan', settlementKind: 'town', decisionDate: '2026-02-01' });
    expect(result.inputs.rateTable).toEqual({ version: DEFAULT_RENT_RATES.version, provisional: true });
  });

  it('a region or settlement kind without a rate has no amount until an administrator sets one', () => {
    const rentRates = confirmed({ pavlodar: { city: 25 } });
    expect(() =>
      rentSubsidy({ region: 'pavlodar', settlementKind: 'village', decisionDate: '2026-02-01', rentRates }),
    ).toThrow(expect.objectContaining({ code: 'SUBSIDY.RENT_RATE_NOT_SET' }));
    expect(() => rentSubsidy({ region: 'almaty', settlementKind: 'city', decisionDate: '2026-02-01' })).toThrow(
      expect.objectContaining({ code: 'SUBSIDY.RENT_RATE_NOT_SET' }),
    );
  });

  it('has no amount in a year without an MCI (2027)', () => {
    expect(() => rentSubsidy({ region: 'pavlodar', settlementKind: 'city', decisionDate: '2027-01-05' })).toThrow(
      expect.objectContaining({ code: 'SUBSIDY.MCI_NOT_AVAILABLE' }),
    );
  });

  it('amounts are whole tenge for every rate and year', () => {
    for (let rate = 15; rate <= 30; rate++) {
      for (const decisionDate of ['2020-03-31', '2020-04-01', '2024-01-01', '2025-01-01', '2026-01-01']) {
        const result = rentSubsidy({
          region: 'abai',
          settlementKind: 'town',
          decisionDate,
          rentRates: confirmed({ abai: { town: rate } }),
        });
        expect(Number.isSafeInteger(result.amount) && Number.isSafeInteger(result.inputs.monthlyAmount)).toBe(true);
        expect(result.amount).toBe(result.inputs.monthlyAmount * 12);
      }
    }
  });

  it('refuses an unknown settlement kind or a malformed decision date', () => {
    expect(() =>
      rentSubsidy({ region: 'pavlodar', settlementKind: 'hamlet' as never, decisionDate: '2026/02/01' }),
    ).toThrow(
      expect.objectContaining({
        code: 'SUBSIDY.INVALID_INPUT',
        violations: [
          expect.objectContaining({ field: 'settlementKind' }),
          expect.objectContaining({ field: 'decisionDate' }),
        ],
      }),
    );
  });
});
