import { DEFAULT_SLA_POLICY, KAZAKHSTAN_CALENDAR_YEARS, reviewDeadline, WorkingDayCalendar } from '@domain/calendar';
import { thrownBy } from './thrown';

/**
 * The SLA clock (FACTS): accepted the day it is signed if that is a working day within 09:00–18:30
 * Almaty time, else the next working day; due on the 14th working day after acceptance (acceptance
 * day not counted); at risk 3 working days before. Almaty is UTC+5 since 1 March 2024, so 18:30
 * local is 13:30Z. Dates below were counted on a wall calendar.
 */
describe('reviewDeadline', () => {
  const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
  const deadline = (signedAt: string) => reviewDeadline(signedAt, calendar, DEFAULT_SLA_POLICY);

  it('signed on a working day within hours: accepted that day, due 14 working days later', () => {
    // Mon 5 Jan 2026, 10:00 Almaty. Counting from Tue 6: 6, 8, 9, 12–16, 19–23, 26 (Christmas 7 Jan skipped).
    expect(deadline('2026-01-05T05:00:00Z')).toEqual({
      signedAt: '2026-01-05T05:00:00.000Z',
      acceptedOn: '2026-01-05',
      acceptedLate: false,
      dueOn: '2026-01-26',
      dueAt: '2026-01-26T13:30:00.000Z',
      atRiskOn: '2026-01-21',
      atRiskAt: '2026-01-21T13:30:00.000Z',
      // The version of every year the calendar holds, 2027 (provisional) included; the deadline itself
      // uses 2026 only, so it is not flagged provisional.
      calendarVersion: '2025.1+2026.1+2027.0-provisional',
      calendarProvisional: false,
      policy: DEFAULT_SLA_POLICY,
    });
  });

  it('the working-hours boundary is the local instant: 18:29:59 is in, 18:30:00 is out', () => {
    expect(deadline('2026-01-05T13:29:59Z')).toMatchObject({
      acceptedOn: '2026-01-05',
      acceptedLate: false,
      dueOn: '2026-01-26',
    });
    expect(deadline('2026-01-05T13:30:00Z')).toMatchObject({
      acceptedOn: '2026-01-06',
      acceptedLate: true,
      dueOn: '2026-01-27',
    });
  });

  it('reads the offset the instant carries: 18:29:59+05:00 and 08:29:59-05:00 are the same instant', () => {
    expect(deadline('2026-01-05T18:29:59+05:00')).toMatchObject({
      signedAt: '2026-01-05T13:29:59.000Z',
      acceptedOn: '2026-01-05',
    });
    expect(deadline('2026-01-05T08:29:59-05:00')).toMatchObject({
      signedAt: '2026-01-05T13:29:59.000Z',
      acceptedOn: '2026-01-05',
    });
  });

  it('uses the zone rules, not a fixed UTC+6: 13:29:59Z is 18:29:59 in Almaty since March 2024', () => {
    expect(deadline('2025-09-15T13:29:59Z').acceptedLate).toBe(false);
  });

  it('before 09:00 on the eve of a holiday: accepted on the next working day after it', () => {
    // Tue 6 Jan 2026, 08:59 Almaty; Wed 7 Jan is Christmas, so accepted Thu 8 Jan.
    expect(deadline('2026-01-06T03:59:00Z')).toMatchObject({
      acceptedOn: '2026-01-08',
      acceptedLate: true,
      dueOn: '2026-01-28',
      atRiskOn: '2026-01-23',
    });
    // 09:00:00 sharp is within hours.
    expect(deadline('2026-01-06T04:00:00Z')).toMatchObject({ acceptedOn: '2026-01-06', acceptedLate: false });
  });

  it('signed on a Saturday: accepted on the Monday', () => {
    // Sat 10 Jan 2026, noon. From Mon 12: 13–16, 19–23, 26–30 → Fri 30 Jan.
    expect(deadline('2026-01-10T07:00:00Z')).toMatchObject({
      acceptedOn: '2026-01-12',
      acceptedLate: true,
      dueOn: '2026-01-30',
      atRiskOn: '2026-01-27',
    });
  });

  it('signed on the worked Sunday 5 Jan 2025: accepted that day', () => {
    // From Sun 5 Jan 2025: 6, 8–10, 13–17, 20–24 (Christmas Tue 7 Jan skipped).
    expect(deadline('2025-01-05T05:00:00Z')).toMatchObject({
      acceptedOn: '2025-01-05',
      acceptedLate: false,
      dueOn: '2025-01-24',
    });
  });

  it('signed after hours on the eve of Nauryz 2026: accepted Thu 26 March', () => {
    // Fri 20 Mar 2026, 19:00 Almaty. Days off Sat 21 – Wed 25. From Thu 26: 27, 30–3 Apr, 6–10, 13–15.
    expect(deadline('2026-03-20T14:00:00Z')).toMatchObject({
      acceptedOn: '2026-03-26',
      acceptedLate: true,
      dueOn: '2026-04-15',
      atRiskOn: '2026-04-10',
      atRiskAt: '2026-04-10T13:30:00.000Z',
    });
  });

  it('signed mid-March 2026: Nauryz pushes the due date into April', () => {
    // Fri 13 Mar 2026, 11:00. From Mon 16: 16–20, 26, 27, 30–3 Apr, 6, 7 → Tue 7 Apr (not Tue 31 Mar).
    expect(deadline('2026-03-13T06:00:00Z')).toMatchObject({
      acceptedOn: '2026-03-13',
      dueOn: '2026-04-07',
      atRiskOn: '2026-04-02',
    });
  });

  it('signed after hours on the eve of Nauryz 2025: accepted Wed 26 March', () => {
    // Thu 20 Mar 2025, 18:45. Off Fri 21 – Tue 25. From Wed 26: 27, 28, 31–4 Apr, 7–11, 14, 15.
    expect(deadline('2025-03-20T13:45:00Z')).toMatchObject({ acceptedOn: '2025-03-26', dueOn: '2025-04-15' });
  });

  it('signed in early May 2026: the May holidays and Kurban Ait push the due date', () => {
    // Mon 4 May: 5, 6, 8, 12–15, 18–22, 25, 26 (7 May and Mon 11 May off).
    expect(deadline('2026-05-04T05:00:00Z')).toMatchObject({
      acceptedOn: '2026-05-04',
      dueOn: '2026-05-26',
      atRiskOn: '2026-05-21',
    });
    // Wed 6 May: 8, 12–15, 18–22, 25, 26, 28, 29 (Kurban Ait Wed 27 May off).
    expect(deadline('2026-05-06T05:00:00Z')).toMatchObject({
      acceptedOn: '2026-05-06',
      dueOn: '2026-05-29',
      atRiskOn: '2026-05-25',
    });
  });

  it('across New Year 2025 → 2026', () => {
    // Wed 31 Dec 2025, 15:00: from 5 Jan: 5, 6, 8, 9, 12–16, 19–23 → Fri 23 Jan.
    expect(deadline('2025-12-31T10:00:00Z')).toMatchObject({
      acceptedOn: '2025-12-31',
      acceptedLate: false,
      dueOn: '2026-01-23',
      atRiskOn: '2026-01-20',
    });
    // Same day at 19:00: accepted Mon 5 Jan 2026 (1–2 Jan holidays, 3–4 weekend).
    expect(deadline('2025-12-31T14:00:00Z')).toMatchObject({
      acceptedOn: '2026-01-05',
      acceptedLate: true,
      dueOn: '2026-01-26',
    });
  });

  it('the due date needs the next year: fails loudly when that year has no data', () => {
    // 2027 has (provisional) data, 2028 none. Fri 10 Dec 2027: 13–15, 17 (Thu 16 Dec Independence
    // Day), 20–24, 27–31 → due Fri 31 Dec 2027, still within data.
    expect(deadline('2027-12-10T05:00:00Z')).toMatchObject({
      dueOn: '2027-12-31',
      atRiskOn: '2027-12-28',
      calendarProvisional: true,
    });
    // Mon 13 Dec 2027: the 14th working day is in January 2028, which has no data.
    expect(thrownBy(() => deadline('2027-12-13T05:00:00Z')).code).toBe('CALENDAR.YEAR_NOT_AVAILABLE');
  });

  it('signing in a year without data fails loudly', () => {
    expect(thrownBy(() => deadline('2024-06-03T05:00:00Z')).code).toBe('CALENDAR.YEAR_NOT_AVAILABLE');
  });

  it('honours a configured policy: hours 10:00–17:00, 10 working days, at risk 2 days before', () => {
    const policy = {
      zone: 'Asia/Almaty',
      workdayStart: '10:00',
      workdayEnd: '17:00',
      reviewWorkingDays: 10,
      atRiskWorkingDaysBeforeDue: 2,
    };
    // Mon 5 Jan 2026, 09:30 Almaty: before 10:00, so accepted Tue 6. From Wed: 8, 9, 12–16, 19, 20, 21.
    expect(reviewDeadline('2026-01-05T04:30:00Z', calendar, policy)).toMatchObject({
      acceptedOn: '2026-01-06',
      dueOn: '2026-01-21',
      dueAt: '2026-01-21T12:00:00.000Z',
      atRiskOn: '2026-01-19',
      policy,
    });
  });

  it('reports when the calendar used a provisional year', () => {
    const [data2025, data2026] = KAZAKHSTAN_CALENDAR_YEARS;
    const provisional = WorkingDayCalendar.fromYears([data2025!, { ...data2026!, provisional: true }]);
    expect(reviewDeadline('2026-01-05T05:00:00Z', provisional, DEFAULT_SLA_POLICY).calendarProvisional).toBe(true);
    expect(reviewDeadline('2025-06-02T05:00:00Z', provisional, DEFAULT_SLA_POLICY).calendarProvisional).toBe(false);
  });

  it.each(['2026-01-05T10:00:00', '2026-01-05', 'yesterday', '2026-13-05T10:00:00Z'])(
    'refuses %s: an instant must carry its offset',
    (signedAt) => {
      expect(thrownBy(() => deadline(signedAt)).code).toBe('CALENDAR.INVALID_INPUT');
    },
  );
});
