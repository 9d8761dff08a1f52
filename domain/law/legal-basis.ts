import type { IsoDate } from '../calendar/iso-date';

/** The kinds of act that change the law this service applies (FACTS: laws, codes, orders, announcements). */
export const LEGAL_ACT_KINDS = ['law', 'code', 'decree', 'resolution', 'order', 'announcement'] as const;
export type LegalActKind = (typeof LEGAL_ACT_KINDS)[number];

/**
 * Why a table of the law changed: the act, as an auditor would cite it. `number` is absent when the
 * act has none (an announcement); `source` is where the act can be read (adilet.zan.kz, a ministry
 * page, a news report when that is all there is — FACTS names its sources the same way).
 */
export interface LegalBasis {
  readonly kind: LegalActKind;
  readonly number?: string;
  /** The date of the act itself, 'yyyy-MM-dd'. */
  readonly date: IsoDate;
  readonly title: string;
  /** An https address where the act (or the report of it) can be read. */
  readonly source: string;
}
