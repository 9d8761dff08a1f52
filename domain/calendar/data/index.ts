import type { CalendarYearData } from '../calendar-year';
import { CALENDAR_2025 } from './2025';
import { CALENDAR_2026 } from './2026';

/**
 * Every year of Kazakhstan's calendar the system knows. Add a year only from published sources
 * (the Kurban Ait date and any transfer order are set yearly); 2024 is left out because its
 * transfer order and Kurban Ait date are not in shared/domain/FACTS.md, and 2027's Kurban Ait
 * date is not yet published.
 */
export const KAZAKHSTAN_CALENDAR_YEARS: readonly CalendarYearData[] = [CALENDAR_2025, CALENDAR_2026];
