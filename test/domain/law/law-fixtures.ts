import { initialAmendments, type CalendarYearAmended, type LegalBasis, type LawCommand } from '@domain/law';

export const AT = '2026-12-05T06:00:00.000Z';

export const BASIS: LegalBasis = {
  kind: 'order',
  number: '1',
  date: '2026-12-01',
  title: 'An order of the Minister of Labour',
  source: 'https://adilet.zan.kz/rus/docs/example',
};

/** What an administrator's command carries besides its change: effective in the future, so no reason needed. */
export const AMENDMENT = { legalBasis: BASIS, takesEffectOn: '2026-12-10', at: AT } as const;

/** The initial amendment of a key, timed, as the baseline records it. */
export function initial<C extends LawCommand>(key: string): C {
  const found = initialAmendments().find((a) => a.key === key);
  if (!found) throw new Error(`no initial amendment ${key}`);
  return { ...found.command, at: AT } as C;
}

export function amended(
  event: CalendarYearAmended,
): Pick<CalendarYearAmended['data'], 'version' | 'workingDays' | 'daysOffAdded' | 'daysOffRemoved'> {
  const { version, workingDays, daysOffAdded, daysOffRemoved } = event.data;
  return { version, workingDays, daysOffAdded, daysOffRemoved };
}
