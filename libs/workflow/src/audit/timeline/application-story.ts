import type { AuditEntry, AuditTrail } from '../audit-trail';
import { decisionOf, type DecisionAnswer } from './application-decision';
import { groundsListsOf, type LawReading } from './grounds-lists';
import { TimelineNarrator, type ToldEvent } from './timeline-narrator';
import type { TimelineLanguage } from './timeline-language';

/** An audit entry told as a sentence (its technical fields kept). */
export type TimelineEntry = AuditEntry & ToldEvent;

/**
 * An application's story for people: its history told sentence by sentence, and the one answer
 * about its decision. Read from the store through the audit trail (the recorded truth), with the
 * grounds' labels and the calendars from the law as recorded.
 */
export class ApplicationStory {
  readonly narrator: TimelineNarrator;

  constructor(
    private readonly audit: AuditTrail,
    private readonly law: LawReading,
  ) {
    this.narrator = new TimelineNarrator(groundsListsOf(law));
  }

  /** Every event of the application, told; throws AuditStreamNotFoundError when it has none. */
  async timeline(applicationId: string, language: TimelineLanguage): Promise<TimelineEntry[]> {
    const entries = await this.audit.applicationHistory(applicationId);
    return entries.map((entry) => ({ ...entry, ...this.narrator.tell(entry, language) }));
  }

  /** Who decided, when, on what grounds, under which calendar and MCI, and whether it was on time. */
  async decision(applicationId: string, language: TimelineLanguage): Promise<DecisionAnswer> {
    const entries = await this.audit.applicationHistory(applicationId);
    return decisionOf(applicationId, entries, language, this.narrator, this.law);
  }
}
