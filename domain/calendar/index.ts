export { CalendarError, CalendarErrorCode } from './calendar-errors';
export type { CalendarYearData, MovedDayOff, NonMovingDayOff, PublicHoliday, TransferredDayOff } from './calendar-year';
export { KAZAKHSTAN_CALENDAR_YEARS } from './data';
export type { IsoDate } from './iso-date';
export { reviewDeadline, type ReviewDeadline } from './review-deadline';
export { DEFAULT_SLA_POLICY, validateSlaPolicy, type SlaPolicy } from './sla-policy';
export { deriveMovedDaysOff } from './weekend-rule';
export { WorkingDayCalendar } from './working-day-calendar';
export type { NonWorkingReason } from './year-days';
