import type { CalendarYearData } from '../calendar-year';
import { CALENDAR_2025 } from './2025';
import { CALENDAR_2026 } from './2026';
import { CALENDAR_2027 } from './2027';

/**
 * Every year of Kazakhstan's calendar the system knows. Add a year only from published sources
 * (the Kurban Ait date and any transfer order are set yearly); 2024 is left out because its
 * transfer order and Kurban Ait date are not in shared/domain/FACTS.md. 2027 is PROVISIONAL: its
 * Kurban Ait date is an estimate and no transfer order is known yet (see data/2027.ts), so every
 * deadline that reaches into it is flagged `calendarProvisional`.
 */
export const KAZAKHSTAN_CALENDAR_YEARS: readonly CalendarYearData[] = [CALENDAR_2025, CALENDAR_2026, CALENDAR_2027];
