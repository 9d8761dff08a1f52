import fc from 'fast-check';
import { DateTime } from 'luxon';
import { instantMillis, isCalendarDate, isInstant, localDateOf, zonedDateTimeOf } from '@domain/shared/calendar-date';
import { isWeekend, plusDays, yearOf } from '@domain/calendar/iso-date';

/*
 * The date arithmetic of the hot paths is plain arithmetic (domain/shared/civil-time.ts); luxon,
 * which it replaced there, is the oracle: for any text, the same answer.
 */
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const datesAround = fc.record({
  year: fc.integer({ min: 0, max: 9999 }),
  month: fc.integer({ min: 0, max: 13 }),
  day: fc.integer({ min: 0, max: 32 }),
});
const dateText = datesAround.map(({ year, month, day }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`);
const realDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9998-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const offset = fc.oneof(
  fc.constant('Z'),
  fc
    .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([sign, h, m]) => `${sign}${pad(h)}:${pad(m)}`),
);
const instantText = fc
  .tuple(
    fc.oneof(realDate, dateText),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 60 }),
    fc.option(fc.integer({ min: 0, max: 60 })),
    fc.option(fc.stringMatching(/^\d{1,9}$/)),
    offset,
  )
  .map(
    ([date, h, m, s, fraction, zone]) =>
      `${date}T${pad(h)}:${pad(m)}${s === null ? '' : `:${pad(s)}${fraction === null ? '' : `.${fraction}`}`}${zone}`,
  );
const ZONES = [
  'Asia/Almaty',
  'Asia/Aqtobe',
  'Asia/Oral',
  'Europe/Moscow',
  'America/New_York',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'UTC',
];
const RUNS = { numRuns: 3000 };

describe('days and instants by arithmetic agree with luxon', () => {
  it('on which texts are calendar dates', () => {
    fc.assert(
      fc.property(fc.oneof(dateText, realDate), (text) => {
        expect(isCalendarDate(text)).toBe(DateTime.fromISO(text, { zone: 'utc' }).isValid);
      }),
      RUNS,
    );
  });

  it('on days added and subtracted, years and weekends', () => {
    fc.assert(
      fc.property(realDate, fc.integer({ min: -800, max: 800 }), (date, days) => {
        const luxon = DateTime.fromISO(date, { zone: 'utc' });
        expect(plusDays(date, days)).toBe(luxon.plus({ days }).toISODate());
        expect(yearOf(date)).toBe(luxon.year);
        expect(isWeekend(date)).toBe(luxon.weekday >= 6);
      }),
      RUNS,
    );
  });

  it('on which texts are instants, and when they are', () => {
    fc.assert(
      fc.property(instantText, (text) => {
        const luxon = DateTime.fromISO(text);
        expect(isInstant(text)).toBe(luxon.isValid);
        if (luxon.isValid) expect(instantMillis(text)).toBe(luxon.toMillis());
      }),
      RUNS,
    );
  });

  it('on the day and the time of day an instant falls on in a zone, across offset changes (Kazakhstan left UTC+6 on 1 March 2024)', () => {
    const instants = fc
      .oneof(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc
          .integer({ min: -36, max: 36 })
          .map((quarterHours) => new Date(Date.parse('2024-02-29T18:00:00Z') + quarterHours * 15 * 60_000 + 1)),
      )
      .map((d) => d.toISOString());
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (instant, zone) => {
        const luxon = DateTime.fromISO(instant, { zone });
        expect(zonedDateTimeOf(instant, zone)).toEqual({
          date: luxon.toISODate(),
          msOfDay: ((luxon.hour * 60 + luxon.minute) * 60 + luxon.second) * 1000 + luxon.millisecond,
        });
        expect(localDateOf(instant, zone)).toBe(luxon.toISODate());
      }),
      RUNS,
    );
  });

  it('at the instant Kazakhstan moved its clocks, to the millisecond', () => {
    // 2024-03-01 00:00 at UTC+6 became 2024-02-29 23:00 at UTC+5.
    expect(zonedDateTimeOf('2024-02-29T17:59:59.999Z', 'Asia/Almaty')).toEqual({
      date: '2024-02-29',
      msOfDay: 86_399_999,
    });
    expect(zonedDateTimeOf('2024-02-29T18:00:00.000Z', 'Asia/Almaty')).toEqual({
      date: '2024-02-29',
      msOfDay: 23 * 3_600_000,
    });
    expect(localDateOf('2024-02-29T19:00:00.000Z')).toBe('2024-03-01');
  });
});
