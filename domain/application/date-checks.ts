import { CalendarDate, isCalendarDate } from '../shared/calendar-date';
import { ViolationCollector } from '../shared/errors';

/** True when `value` is a date not after `today`; records the violation otherwise. */
export function checkPastDate(
  value: unknown,
  today: CalendarDate,
  field: string,
  found: ViolationCollector,
): value is CalendarDate {
  if (!isCalendarDate(value)) {
    found.add(field, 'must be a date (yyyy-MM-dd)');
    return false;
  }
  if (value > today) {
    found.add(field, 'must not be in the future');
    return false;
  }
  return true;
}
