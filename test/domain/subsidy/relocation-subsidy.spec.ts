import { relocationSubsidy } from '@domain/subsidy';

describe('Relocation subsidy: 70 MCI for the head of the family and each family member', () => {
  it('2025: 275,240 ₸ a person (70 × 3,932)', () => {
    expect(relocationSubsidy({ persons: 1, decisionDate: '2025-06-01' })).toEqual({
      kind: 'relocation',
      amount: 275_240,
      mci: { value: 3932, year: 2025, validFrom: '2025-01-01' },
      inputs: { persons: 1, mciPerPerson: 70 },
      formula: '70 MCI × persons',
      legalBasis: expect.stringContaining('No. 234 of 22.06.2023'),
    });
  });

  it('2026: 302,750 ₸ a person (70 × 4,325)', () => {
    expect(relocationSubsidy({ persons: 1, decisionDate: '2026-01-01' }).amount).toBe(302_750);
  });

  it('a family of 4: 1,100,960 ₸ in 2025 and 1,211,000 ₸ in 2026', () => {
    expect(relocationSubsidy({ persons: 4, decisionDate: '2025-12-31' }).amount).toBe(1_100_960);
    expect(relocationSubsidy({ persons: 4, decisionDate: '2026-03-15' }).amount).toBe(1_211_000);
  });

  it('the MCI of the decision date applies: 31 Mar and 1 Apr 2020 differ', () => {
    expect(relocationSubsidy({ persons: 1, decisionDate: '2020-03-31' }).amount).toBe(70 * 2651);
    expect(relocationSubsidy({ persons: 1, decisionDate: '2020-04-01' }).amount).toBe(70 * 2778);
  });

  it('amounts are whole tenge', () => {
    for (let persons = 1; persons <= 15; persons++) {
      for (const decisionDate of ['2020-02-01', '2020-05-01', '2023-05-01', '2025-05-01', '2026-05-01']) {
        expect(Number.isSafeInteger(relocationSubsidy({ persons, decisionDate }).amount)).toBe(true);
      }
    }
  });

  it('has no amount in a year without an MCI (2027)', () => {
    expect(() => relocationSubsidy({ persons: 1, decisionDate: '2027-01-10' })).toThrow(
      expect.objectContaining({ code: 'SUBSIDY.MCI_NOT_AVAILABLE' }),
    );
  });

  it('uses a table an administrator supplies', () => {
    const mciTable = [{ validFrom: '2027-01-01', value: 4500 }];
    expect(relocationSubsidy({ persons: 2, decisionDate: '2027-01-10', mciTable }).amount).toBe(630_000);
  });

  it.each([0, -1, 2.5])('refuses %p persons', (persons) => {
    expect(() => relocationSubsidy({ persons, decisionDate: '2026-01-01' })).toThrow(
      expect.objectContaining({
        code: 'SUBSIDY.INVALID_INPUT',
        violations: [expect.objectContaining({ field: 'persons' })],
      }),
    );
  });
});
