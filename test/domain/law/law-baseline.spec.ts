import {
  EMPTY_LAW_HISTORY,
  initialAmendments,
  initialAmendmentsAsOf,
  inForceOn,
  tablesInForce,
  withAmendment,
} from '@domain/law';

describe('the initial amendments of the law', () => {
  it('records the MCI of 2020–2026 with both mid-year rows, and nothing for 2027', () => {
    const mci = initialAmendments().filter((a) => a.key.startsWith('mci:'));
    expect(mci.map((a) => a.key)).toEqual([
      'mci:2020-01-01',
      'mci:2020-04-01',
      'mci:2021-01-01',
      'mci:2022-01-01',
      'mci:2022-06-01',
      'mci:2023-01-01',
      'mci:2024-01-01',
      'mci:2025-01-01',
      'mci:2026-01-01',
    ]);
    expect(mci.map((a) => a.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('records 2025–2027 as published, then the Constitution Day correction of 2026 and 2027 as their own amendments', () => {
    const calendar = initialAmendments().filter((a) => a.key.startsWith('calendar:'));
    expect(calendar.map((a) => [a.key, a.revision])).toEqual([
      ['calendar:2025:as-published', 0],
      ['calendar:2026:as-published', 0],
      ['calendar:2026:constitution-day-15-march', 1],
      ['calendar:2027:as-published', 0],
      ['calendar:2027:constitution-day-15-march', 1],
    ]);
  });

  it('as of 17 March 2026, leaves out the acts dated after it: the correction', () => {
    const keys = initialAmendmentsAsOf('2026-03-17').map((a) => a.key);
    expect(keys).not.toContain('calendar:2026:constitution-day-15-march');
    expect(keys).toContain('calendar:2026:as-published');
    expect(keys).toContain('mci:2026-01-01');
    expect(initialAmendmentsAsOf('2026-03-18').map((a) => a.key)).toContain('calendar:2026:constitution-day-15-march');
  });

  it('a table on a date is the last amendment recorded among those in effect by then', () => {
    const basis = { legalBasis: {} as never, recordedAt: '2026-12-05T00:00:00Z' };
    const a = { ...basis, takesEffectOn: '2026-01-01', version: '1', policy: {} as never };
    const b = { ...basis, takesEffectOn: '2026-07-01', version: '2', policy: {} as never };
    let history = withAmendment(EMPTY_LAW_HISTORY, { type: 'SlaPolicyAmended', data: a });
    history = withAmendment(history, { type: 'SlaPolicyAmended', data: b });
    expect(inForceOn(history.slaPolicy, '2026-06-30')?.version).toBe('1');
    expect(inForceOn(history.slaPolicy, '2026-07-01')?.version).toBe('2');
    expect(inForceOn(history.slaPolicy)?.version).toBe('2');
    expect(inForceOn(history.slaPolicy, '2025-12-31')).toBeUndefined();
  });
});

describe('the tables in force', () => {
  it('given no amendment at all, then the workflow cannot decide: LAW.TABLE_NOT_RECORDED, never a compiled default', () => {
    expect(() => tablesInForce(EMPTY_LAW_HISTORY)).toThrow(expect.objectContaining({ code: 'LAW.TABLE_NOT_RECORDED' }));
  });
});
