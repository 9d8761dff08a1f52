import type { NoticeCommand } from '@domain/notices';
import type { Untimed } from '@domain/review-process';
import { DomainCommand } from '@libs/event-sourcing-nest';

/** An event of an application, by its place: the notice process reads the history up to it. */
export interface NoticeCause {
  readonly applicationId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
}

/** Tell the applicant what this event means for them, if anything (the notice rules decide). */
export class IssueNoticesMessage extends DomainCommand<NoticeCause> {}

/** A command of an application's notice stream (issue, record an attempt, send back to the queue). */
export class NoticeStreamCommandMessage extends DomainCommand<Untimed<NoticeCommand>> {}

export const NOTICES_ACTOR = { id: 'notices', role: 'system' } as const;
