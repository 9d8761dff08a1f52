import type { IsoDate } from '../calendar/iso-date';
import type { LegalBasis } from './legal-basis';

/**
 * What every change of a reference table carries besides its content: the legal basis, the day the
 * change takes effect, and — when that day is already past at recording time (a retroactive
 * correction) — the reason, which the decider requires. The author is the event's actor (metadata),
 * an administrator, or `system/law-baseline` for the initial amendments recorded at first start.
 */
export interface AmendmentBasis {
  readonly legalBasis: LegalBasis;
  readonly takesEffectOn: IsoDate;
  readonly reason?: string;
  /** The instant the amendment was recorded (the command's instant), ISO 8601 with offset. */
  readonly recordedAt: string;
}
