import {
  DEFAULT_SLA_POLICY,
  deriveMovedDaysOff,
  KAZAKHSTAN_CALENDAR_YEARS,
  reviewDeadline,
  WorkingDayCalendar,
} from '@domain/calendar';

/**
 * 2027 is provisional: the holidays and the weekend rule are fixed by law, but the Kurban Ait date
 * is an estimate (Sun 16 May) and no transfer order is known. Every date here was worked out from a
 * wall calendar (and re-checked by a separate script), not from the code:
 * Fri 1 Jan, Sat 2 Jan, Thu 7 Jan, Mon 8 Mar, Sun 21 – Tue 23 Mar, Sat 1 May, Fri 7 May, Sun 9 May,
 * Tue 6 Jul, Mon 30 Aug, Mon 25 Oct, Thu 16 Dec.
 */
describe('Kazakhstan working-day calendar, 2027 (provisional)', () => {
  const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
  const data2027 = KAZAKHSTAN_CALENDAR_YEARS.find((d) => d.year === 2027)!;
  const offDays = (dates: string[]) => dates.filter((d) => calendar.isWorkingDay(d));

  it('is known to the calendar, and flagged provisional', () => {
    expect(calendar.years).toEqual([2025, 2026, 2027]);
    expect(calendar.provisionalYears).toEqual([2027]);
    expect(calendar.provisional).toBe(true);
    expect(data2027.provisional).toBe(true);
    expect(data2027.version).toBe('2027.0-provisional');
    expect(calendar.version).toBe('2025.1+2026.1+2027.0-provisional');
  });

  it('the confirmed years alone are not provisional', () => {
    const confirmed = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS.filter((d) => d.year !== 2027));
    expect(confirmed.provisional).toBe(false);
    expect(confirmed.provisionalYears).toEqual([]);
  });

  it('moves exactly the four weekend holidays, as the weekend rule derives them', () => {
    const expected = [
      ['2027-01-02', '2027-01-04'],
      ['2027-03-21', '2027-03-24'],
      ['2027-05-01', '2027-05-03'],
      ['2027-05-09', '2027-05-10'],
    ];
    expect(data2027.movedDaysOff.map(({ from, to }) => [from, to])).toEqual(expected);
    expect(deriveMovedDaysOff(data2027).map(({ from, to }) => [from, to])).toEqual(expected);
  });

  it('has no transfer order, and Kurban Ait on the estimated Sun 16 May', () => {
    expect(data2027.transfers).toEqual([]);
    expect(data2027.nonMovingDaysOff).toEqual([
      { date: '2027-01-07', name: 'Orthodox Christmas' },
      { date: '2027-05-16', name: 'Kurban Ait' },
    ]);
  });

  it('has 247 working days (derived: 261 weekdays − 14 weekdays off; Kurban Ait on a Sunday costs none)', () => {
    expect(calendar.workingDaysIn(2027)).toBe(247);
    expect(data2027.expectedWorkingDays).toBe(247);
  });

  it('New Year Fri 1 – Sat 2 Jan: 2 Jan is a Saturday, so Mon 4 Jan is off; Christmas Thu 7 Jan off', () => {
    expect(offDays(['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-07'])).toEqual([]);
    expect(calendar.nonWorkingReason('2027-01-02')).toBe('holiday: New Year');
    expect(calendar.nonWorkingReason('2027-01-04')).toBe('moved day off: New Year of 2027-01-02');
    expect(calendar.nonWorkingReason('2027-01-07')).toBe('non-working day: Orthodox Christmas');
    expect(['2027-01-05', '2027-01-06', '2027-01-08'].every((d) => calendar.isWorkingDay(d))).toBe(true);
  });

  it('8 March is a Monday: off, nothing moved', () => {
    expect(calendar.nonWorkingReason('2027-03-08')).toBe("holiday: International Women's Day");
    expect(calendar.isWorkingDay('2027-03-09')).toBe(true);
  });

  it('Nauryz Sun 21 – Tue 23 March: days off 22, 23, 24 March (21 moves past the two holiday weekdays)', () => {
    expect(offDays(['2027-03-21', '2027-03-22', '2027-03-23', '2027-03-24'])).toEqual([]);
    expect(calendar.nonWorkingReason('2027-03-22')).toBe('holiday: Nauryz');
    expect(calendar.nonWorkingReason('2027-03-24')).toBe('moved day off: Nauryz of 2027-03-21');
    expect(calendar.isWorkingDay('2027-03-19')).toBe(true);
    expect(calendar.isWorkingDay('2027-03-25')).toBe(true);
  });

  it('May: 1 May Sat → Mon 3 May; Fri 7 May off; 9 May Sun → Mon 10 May; Kurban Ait (estimate) on Sun 16 May', () => {
    expect(offDays(['2027-05-03', '2027-05-07', '2027-05-10'])).toEqual([]);
    expect(calendar.nonWorkingReason('2027-05-03')).toBe("moved day off: Kazakhstan People's Unity Day of 2027-05-01");
    expect(calendar.nonWorkingReason('2027-05-09')).toBe('holiday: Victory Day');
    expect(calendar.nonWorkingReason('2027-05-10')).toBe('moved day off: Victory Day of 2027-05-09');
    expect(calendar.nonWorkingReason('2027-05-16')).toBe('non-working day: Kurban Ait');
    expect(['2027-05-04', '2027-05-06', '2027-05-11', '2027-05-17'].every((d) => calendar.isWorkingDay(d))).toBe(true);
  });

  it('the rest of the year falls on weekdays: 6 Jul, 30 Aug, 25 Oct, 16 Dec off, the next day worked', () => {
    expect(offDays(['2027-07-06', '2027-08-30', '2027-10-25', '2027-12-16'])).toEqual([]);
    expect(
      ['2027-07-07', '2027-08-31', '2027-10-26', '2027-12-17', '2027-12-31'].every((d) => calendar.isWorkingDay(d)),
    ).toBe(true);
  });

  it('nextWorkingDay crosses New Year 2026 → 2027: Thu 31 Dec 2026 → Tue 5 Jan 2027', () => {
    expect(calendar.nextWorkingDay('2026-12-31')).toBe('2027-01-05');
  });

  describe('review deadlines reaching into 2027 are computed, and flagged provisional', () => {
    const deadline = (signedAt: string) => reviewDeadline(signedAt, calendar, DEFAULT_SLA_POLICY);

    it('signed Tue 15 Dec 2026, 10:00 Almaty: due Fri 8 Jan 2027', () => {
      // Accepted Tue 15 Dec. Wed 16 Dec is Independence Day. Counting: 17, 18, 21–25, 28–31 (11);
      // 1 Jan holiday, 2–3 weekend, Mon 4 Jan moved day off; 5 (12), 6 (13); 7 Jan Christmas;
      // Fri 8 Jan (14). At risk 3 working days before: 6, 5 Jan, 31 Dec → Thu 31 Dec 2026.
      expect(deadline('2026-12-15T05:00:00Z')).toEqual({
        signedAt: '2026-12-15T05:00:00.000Z',
        acceptedOn: '2026-12-15',
        acceptedLate: false,
        dueOn: '2027-01-08',
        dueAt: '2027-01-08T13:30:00.000Z',
        atRiskOn: '2026-12-31',
        atRiskAt: '2026-12-31T13:30:00.000Z',
        calendarVersion: '2025.1+2026.1+2027.0-provisional',
        calendarProvisional: true,
        policy: DEFAULT_SLA_POLICY,
      });
    });

    it('signed Fri 11 Dec 2026 (formerly refused): due Tue 5 Jan 2027', () => {
      // 14, 15, 17, 18, 21–25, 28–31 (13); 1–4 Jan off; Tue 5 Jan (14).
      expect(deadline('2026-12-11T05:00:00Z')).toMatchObject({
        acceptedOn: '2026-12-11',
        dueOn: '2027-01-05',
        atRiskOn: '2026-12-29',
        calendarProvisional: true,
      });
    });

    it('a deadline wholly within 2026 is not flagged provisional', () => {
      expect(deadline('2026-12-10T05:00:00Z')).toMatchObject({ dueOn: '2026-12-31', calendarProvisional: false });
    });

    it('signed Fri 19 Mar 2027: Nauryz 22–24 March pushes the due date to Tue 13 Apr', () => {
      // 25, 26, 29–2 Apr, 5–9, 12, 13.
      expect(deadline('2027-03-19T05:00:00Z')).toMatchObject({
        acceptedOn: '2027-03-19',
        dueOn: '2027-04-13',
        atRiskOn: '2027-04-08',
        calendarProvisional: true,
      });
    });

    it('signed Fri 30 Apr 2027: the May days off (3, 7, 10 May) push the due date to Tue 25 May', () => {
      // 4, 5, 6, 11–14, 17–21, 24, 25.
      expect(deadline('2027-04-30T05:00:00Z')).toMatchObject({
        acceptedOn: '2027-04-30',
        dueOn: '2027-05-25',
        atRiskOn: '2027-05-20',
        calendarProvisional: true,
      });
    });
  });
});
