import type { LegalBasis } from './legal-basis';

/**
 * An amendment of the law as another fact cites it: which stored event (id and stream), of what kind,
 * the version of the table it made, and the act it rests on. An application carried along by an
 * amendment records this, so an auditor goes from the moved deadline to the law that moved it.
 */
export interface AmendmentRef {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: 'CalendarYearAmended' | 'SlaPolicyAmended';
  readonly version: string;
  readonly legalBasis: LegalBasis;
}
