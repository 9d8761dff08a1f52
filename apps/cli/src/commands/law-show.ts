import { WorkingDayCalendar } from '@domain/calendar';
import { daysOfYear } from '@domain/calendar/iso-date';
import type {
  AmendmentBasis,
  CalendarYearAmended,
  MciAmended,
  RefusalGroundsAmended,
  RentRatesAmended,
  SlaPolicyAmended,
} from '@domain/law';
import type { RecordedLaw } from '@libs/workflow';

export const LAW_TABLES = ['calendar', 'mci', 'rent-rates', 'refusal-grounds', 'sla-policy'] as const;
export type LawTable = (typeof LAW_TABLES)[number];

function basisLine(a: AmendmentBasis & { version: string }): string {
  const { kind, number, date, title, source } = a.legalBasis;
  return `  ${a.version}  effective ${a.takesEffectOn}, recorded ${a.recordedAt}: ${kind}${number ? ` No. ${number}` : ''} of ${date} — ${title} <${source}>${a.reason ? `; reason: ${a.reason}` : ''}`;
}

/** A table as in force (now, or on `at`) with its amendments, as lines; none when nothing is in force. */
export function lawTableLines(law: RecordedLaw, table: LawTable, at: string | undefined, year: number): string[] {
  const history = law.recorded();
  const on = at ? ` on ${at}` : '';
  const amendments =
    table === 'calendar'
      ? (history.calendarYears.get(year) ?? [])
      : table === 'mci'
        ? history.mci
        : table === 'rent-rates'
          ? history.rentRates
          : table === 'refusal-grounds'
            ? history.refusalGrounds
            : history.slaPolicy;
  const { inForce, history: shown } = law.tableOn<AmendmentBasis & { version: string }>(amendments, at);
  if (!inForce) return [`No ${table}${table === 'calendar' ? ` of ${year}` : ''} is recorded in force${on}.`];
  const lines = [
    `${table}${table === 'calendar' ? ` ${year}` : ''} in force${on}: version ${inForce.version} (revision ${amendments.length - 1})`,
  ];
  lines.push(...contentLines(table, inForce));
  lines.push('Amendments:', ...shown.map(basisLine));
  return lines;
}

function contentLines(table: LawTable, amendment: object): string[] {
  switch (table) {
    case 'calendar': {
      const data = amendment as CalendarYearAmended['data'];
      const calendar = WorkingDayCalendar.fromYears([data.calendar]);
      const off = daysOfYear(data.year).flatMap((date) => {
        const reason = calendar.nonWorkingReason(date);
        return reason === null || reason === 'weekend' ? [] : [`  ${date}  ${reason}`];
      });
      const provisional = data.calendar.provisional === true ? ' (PROVISIONAL)' : '';
      return [`${data.workingDays} working days${provisional}; days off:`, ...off];
    }
    case 'mci':
      return (amendment as MciAmended['data']).table.map((r) => `  from ${r.validFrom}: ${r.value} ₸`);
    case 'rent-rates':
      return [JSON.stringify((amendment as RentRatesAmended['data']).rates)];
    case 'refusal-grounds':
      return (amendment as RefusalGroundsAmended['data']).grounds.map(
        (g) => `  ${g.code}${g.retired === true ? ' (retired)' : ''}: ${g.en}`,
      );
    case 'sla-policy':
      return [JSON.stringify((amendment as SlaPolicyAmended['data']).policy)];
  }
}
