import { MCI_TABLE, mciOn, MciRow, validateMciTable } from '@domain/subsidy';

describe('MCI: the index in force on the decision date applies', () => {
  it.each([
    ['2020-01-01', 2651, '2020-01-01'],
    ['2020-03-31', 2651, '2020-01-01'],
    ['2020-04-01', 2778, '2020-04-01'],
    ['2020-12-31', 2778, '2020-04-01'],
    ['2021-06-15', 2917, '2021-01-01'],
    ['2022-01-01', 3063, '2022-01-01'],
    ['2023-07-01', 3450, '2023-01-01'],
    ['2024-12-31', 3692, '2024-01-01'],
    ['2025-03-10', 3932, '2025-01-01'],
    ['2026-12-31', 4325, '2026-01-01'],
  ])('on %s the MCI is %p ₸ (row from %s)', (date, value, validFrom) => {
    expect(mciOn(date)).toEqual({ value, year: Number(date.slice(0, 4)), validFrom });
  });

  it('a year after the table has no MCI until an administrator adds it: never last year’s value', () => {
    expect(() => mciOn('2027-01-01')).toThrow(expect.objectContaining({ code: 'SUBSIDY.MCI_NOT_AVAILABLE' }));
  });

  it('a date before the table has no MCI', () => {
    expect(() => mciOn('2019-12-31')).toThrow(expect.objectContaining({ code: 'SUBSIDY.MCI_NOT_AVAILABLE' }));
  });

  it('a year missing inside a table has no MCI either', () => {
    const gap: MciRow[] = [
      { validFrom: '2024-01-01', value: 3692 },
      { validFrom: '2026-01-01', value: 4325 },
    ];
    expect(() => mciOn('2025-05-05', gap)).toThrow(expect.objectContaining({ code: 'SUBSIDY.MCI_NOT_AVAILABLE' }));
  });

  it('a year added by an administrator is used', () => {
    const extended = [...MCI_TABLE, { validFrom: '2027-01-01', value: 4500 }];
    expect(mciOn('2027-02-01', extended)).toEqual({ value: 4500, year: 2027, validFrom: '2027-01-01' });
  });

  it('refuses a date that is not yyyy-MM-dd', () => {
    expect(() => mciOn('01.04.2020')).toThrow(expect.objectContaining({ code: 'SUBSIDY.INVALID_INPUT' }));
    expect(() => mciOn('2025-02-30')).toThrow(expect.objectContaining({ code: 'SUBSIDY.INVALID_INPUT' }));
  });
});

describe('MCI table validation', () => {
  it('the built-in table is valid', () => {
    expect(() => validateMciTable(MCI_TABLE)).not.toThrow();
  });

  it.each<[string, MciRow[], string]>([
    [
      'dates not strictly increasing',
      [
        { validFrom: '2025-01-01', value: 3932 },
        { validFrom: '2025-01-01', value: 4000 },
      ],
      '[1].validFrom',
    ],
    [
      'dates out of order',
      [
        { validFrom: '2026-01-01', value: 4325 },
        { validFrom: '2025-01-01', value: 3932 },
      ],
      '[1].validFrom',
    ],
    ['an invalid date', [{ validFrom: '2025-13-01', value: 3932 }], '[0].validFrom'],
    ['a fractional value', [{ validFrom: '2025-01-01', value: 3932.5 }], '[0].value'],
    ['a zero value', [{ validFrom: '2025-01-01', value: 0 }], '[0].value'],
    ['a negative value', [{ validFrom: '2025-01-01', value: -1 }], '[0].value'],
    ['no row at all', [], 'table'],
  ])('refuses %s', (_, table, field) => {
    expect(() => validateMciTable(table)).toThrow(
      expect.objectContaining({
        code: 'SUBSIDY.INVALID_MCI_TABLE',
        violations: expect.arrayContaining([expect.objectContaining({ field })]),
      }),
    );
  });

  it('mciOn refuses to read an invalid table', () => {
    expect(() => mciOn('2025-05-05', [{ validFrom: '2025-01-01', value: 0 }])).toThrow(
      expect.objectContaining({ code: 'SUBSIDY.INVALID_MCI_TABLE' }),
    );
  });
});
