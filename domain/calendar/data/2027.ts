import type { CalendarYearData } from '../calendar-year';

/**
 * Kazakhstan, 2027, five-day working week: PROVISIONAL.
 *
 * Added in November 2026 so that review deadlines of applications signed from 11 December 2026
 * (due in January 2027) can be scheduled. Every deadline computed from this year carries
 * `calendarProvisional: true` and this version.
 *
 * Certain (fixed by law, independent of any yearly act):
 * - the public holidays of Law «О праздниках» art. 5 and the days off they move by the weekend rule;
 * - Orthodox Christmas, Thu 7 January (Labour Code art. 84 p.5, never moved).
 *
 * Still to confirm before the year is made final (`provisional` removed, version `2027.1`):
 * 1. The first day of Kurban Ait. Not yet published: the date below is an ESTIMATE (see
 *    `nonMovingDaysOff`). Replace it with the date the Spiritual Administration of Muslims of
 *    Kazakhstan (ДУМК) publishes, and re-check `expectedWorkingDays`.
 * 2. Any transfer of days off by order of the Minister of Labour and Social Protection for 2027.
 *    None is known yet, so `transfers` is empty; an order would add entries here and change
 *    `expectedWorkingDays` (+1 for each worked Saturday/Sunday, −1 for each weekday given off).
 * 3. The working-day count, against the production calendar once one is published.
 */
export const CALENDAR_2027: CalendarYearData = {
  year: 2027,
  version: '2027.0-provisional',
  provisional: true,
  sources: [
    'Law of the RK «О праздниках в Республике Казахстан», art. 5 (holidays; weekend rule)',
    'Labour Code of the RK, art. 84 p.5 (Orthodox Christmas and Kurban Ait: non-working, not moved)',
    'Kurban Ait 2027: NOT PUBLISHED (shared/domain/FACTS.md); 16 May is an astronomical estimate of 10 Dhu al-Hijjah 1448',
    'Transfer of days off 2027: no ministerial order known (as of 2026-11-27)',
  ],
  publicHolidays: [
    { date: '2027-01-01', name: 'New Year' }, // Fri
    { date: '2027-01-02', name: 'New Year' }, // Sat → Mon 4 Jan
    { date: '2027-03-08', name: "International Women's Day" }, // Mon
    { date: '2027-03-21', name: 'Nauryz' }, // Sun → Wed 24 Mar (Mon 22, Tue 23 are Nauryz)
    { date: '2027-03-22', name: 'Nauryz' }, // Mon
    { date: '2027-03-23', name: 'Nauryz' }, // Tue
    { date: '2027-05-01', name: "Kazakhstan People's Unity Day" }, // Sat → Mon 3 May
    { date: '2027-05-07', name: 'Defender of the Fatherland Day' }, // Fri
    { date: '2027-05-09', name: 'Victory Day' }, // Sun → Mon 10 May
    { date: '2027-07-06', name: 'Capital Day' }, // Tue
    { date: '2027-08-30', name: 'Constitution Day' }, // Mon
    { date: '2027-10-25', name: 'Republic Day' }, // Mon
    { date: '2027-12-16', name: 'Independence Day' }, // Thu
  ],
  nonMovingDaysOff: [
    { date: '2027-01-07', name: 'Orthodox Christmas' }, // Thu
    // ESTIMATE, not published: Eid al-Adha 2027 = 10 Dhu al-Hijjah 1448, expected Sun 16 May 2027
    // by astronomical calculation (one lunar year of 354 days after Kurban Ait 2026, Wed 27 May).
    // Must be replaced by the date the Spiritual Administration of Muslims of Kazakhstan publishes.
    // On a Sunday it does not change the working-day count, since it is never moved; if the
    // published date is a weekday (e.g. Mon 17 May), the count drops by one to 246.
    { date: '2027-05-16', name: 'Kurban Ait' },
  ],
  // Nauryz: Sun 21 March moves past Mon 22 and Tue 23 (themselves Nauryz) to Wed 24.
  movedDaysOff: [
    { from: '2027-01-02', to: '2027-01-04', holiday: 'New Year' },
    { from: '2027-03-21', to: '2027-03-24', holiday: 'Nauryz' },
    { from: '2027-05-01', to: '2027-05-03', holiday: "Kazakhstan People's Unity Day" },
    { from: '2027-05-09', to: '2027-05-10', holiday: 'Victory Day' },
  ],
  transfers: [],
  // Derived, not published: 261 weekdays − 14 weekdays off = 247. The weekdays off: 1, 4 (moved),
  // 7 Jan; 8, 22, 23, 24 (moved) Mar; 3 (moved), 7, 10 (moved) May; 6 Jul; 30 Aug; 25 Oct; 16 Dec.
  // Kurban Ait (estimated Sun 16 May) falls on a weekend and does not count.
  expectedWorkingDays: 247,
};
