import { IANAZone } from 'luxon';

/**
 * Days and instants by plain arithmetic, for the hot paths (every submission, signing, decision and
 * grant reads dates): luxon parses a string into a zoned DateTime object each time, which cost a
 * tenth of the workflow's CPU (docs/benchmarks.md). Exact for years 0000–9999 in the proleptic
 * Gregorian calendar, as luxon is; a property test holds these equal to luxon
 * (test/domain/shared/civil-time.spec.ts). Anything else is left to luxon by the callers.
 */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** `yyyy-MM-dd` that names a real day, or undefined. */
export function civilDateOf(text: string): CivilDate | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil): no Date object, no zone. */
export function epochDayOf({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The day `epochDay` days after 1970-01-01 (civil_from_days). */
export function civilDateOfEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday, Monday 1 … Sunday 7. */
export function isoWeekdayOf(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** `yyyy-MM-dd`, or undefined outside years 0000–9999 (luxon writes those with a sign). */
export function formatCivilDate({ year, month, day }: CivilDate): string | undefined {
  if (year < 0 || year > 9999) return undefined;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Milliseconds since the epoch of an instant written `yyyy-MM-ddTHH:mm[:ss[.fff…]]` with `Z` or
 * `±hh:mm`, every field in range; undefined for anything else. Fractions are cut to milliseconds,
 * as luxon does.
 */
export function instantMillisOf(text: string): number | undefined {
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  const date = civilDateOf(`${match[1]}-${match[2]}-${match[3]}`);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (!date || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = match[7] === undefined ? 0 : Math.floor(parseFloat(`0.${match[7]}`) * 1000);
  const offsetMinutes =
    match[8] === 'Z' ? 0 : (match[9] === '-' ? -1 : 1) * (Number(match[10]) * 60 + Number(match[11]));
  if (match[8] !== 'Z' && Number(match[11]) > 59) return undefined;
  return epochDayOf(date) * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

/** The wall-clock day and time in a zone at an instant. */
export interface ZonedTime {
  readonly date: CivilDate;
  readonly msOfDay: number;
}

export function zonedTimeOf(millis: number, zone: string): ZonedTime {
  const local = millis + zoneOffsetMinutes(zone, millis) * 60_000;
  const epochDay = Math.floor(local / MS_PER_DAY);
  return { date: civilDateOfEpochDay(epochDay), msOfDay: local - epochDay * MS_PER_DAY };
}

const BUCKET_MS = 15 * 60_000;
const MAX_BUCKETS = 100_000;
const offsetsByZone = new Map<string, Map<number, number>>();

/**
 * A zone's offset from UTC at an instant, in minutes (luxon's IANA data, through Intl). Offsets
 * change only at transitions, and modern ones fall on quarter hours, so an offset is remembered for
 * a quarter hour whose start and end agree on it; a quarter that holds a transition (or an old
 * local-mean-time one) is asked each time.
 */
export function zoneOffsetMinutes(zone: string, millis: number): number {
  let buckets = offsetsByZone.get(zone);
  if (!buckets) offsetsByZone.set(zone, (buckets = new Map<number, number>()));
  const bucket = Math.floor(millis / BUCKET_MS);
  const known = buckets.get(bucket);
  if (known !== undefined) return known;
  const iana = IANAZone.create(zone);
  const atStart = iana.offset(bucket * BUCKET_MS);
  if (atStart !== iana.offset((bucket + 1) * BUCKET_MS - 1)) return iana.offset(millis);
  if (buckets.size >= MAX_BUCKETS) buckets.clear();
  buckets.set(bucket, atStart);
  return atStart;
}
