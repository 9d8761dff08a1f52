import { api, data } from '../../../api/client';
import type { paths } from '../../../api/openapi';
import type { CursorPage } from '../../../components/cursor-pages';

type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type CalendarAnswer = Ok<'/reference/calendar/{year}'>;
export type MciAnswer = Ok<'/reference/mci'>;
export type RentRatesAnswer = Ok<'/reference/rent-rates'>;
export type SlaPolicyAnswer = Ok<'/reference/sla-policy'>;
export type RefusalGroundsAnswer = Ok<'/reference/refusal-grounds'>;
export type Amendment = Ok<'/reference/amendments'>['items'][number];
export type MovedApplication = Ok<'/reference/amendments/{eventId}/moved-applications'>['items'][number];
export type TimelinessChange = Ok<'/audit/timeliness-changes'>['items'][number];
export type LegalBasis = Amendment['legalBasis'];
export type LawTable = Amendment['table'];

/** What every table in force says of the amendment that made it. */
export interface InForceBasis {
  readonly version: string;
  readonly legalBasis: LegalBasis;
  readonly takesEffectOn: string;
  readonly recordedAt: string;
  readonly reason?: string;
}

export const calendarOf = (year: number) => data(api.GET('/reference/calendar/{year}', { params: { path: { year } } }));
export const mci = () => data(api.GET('/reference/mci'));
export const rentRates = () => data(api.GET('/reference/rent-rates'));
export const slaPolicy = () => data(api.GET('/reference/sla-policy'));
export const refusalGrounds = () => data(api.GET('/reference/refusal-grounds'));

export function amendmentsPage(
  filter: { table: LawTable; year?: number },
  cursor: string | undefined,
): Promise<CursorPage<Amendment>> {
  return data(
    api.GET('/reference/amendments', {
      params: {
        query: {
          table: filter.table,
          limit: '20',
          ...(filter.year === undefined ? {} : { year: String(filter.year) }),
          ...(cursor ? { cursor } : {}),
        },
      },
    }),
  );
}

export function movedPage(eventId: string, cursor: string | undefined): Promise<CursorPage<MovedApplication>> {
  return data(
    api.GET('/reference/amendments/{eventId}/moved-applications', {
      params: { path: { eventId }, query: { limit: '50', ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export function timelinessPage(cursor: string | undefined): Promise<CursorPage<TimelinessChange>> {
  return data(
    api.GET('/audit/timeliness-changes', { params: { query: { limit: '50', ...(cursor ? { cursor } : {}) } } }),
  );
}
