import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock, commandIdCausedBy, type CommandOutcome, PeriodicRound } from '@libs/event-sourcing';
import type { DomainCommand } from '@libs/event-sourcing-nest';
import type { ApplicationCommand } from '@domain/application';
import { localDateOf } from '@domain/shared/calendar-date';
import { DomainError } from '@domain/shared/errors';
import { mciOn, MCI_TABLE } from '@domain/subsidy';
import type { InstalmentKey } from '@domain/support';
import { ApplicationCommandMessage, SupportCommandMessage, type Untimed } from '../commands/command-messages';
import type { LawInForce } from '../law/law-in-force';
import { DeadlineQueue, PendingDeadline } from './deadline-queue';

export const SLA_SCHEDULER_ACTOR = { id: 'sla-scheduler', role: 'system' } as const;

/** How many due deadlines one tick asks the queue for (`DeadlineQueue.due(now, batchSize)`). */
export const DEADLINE_BATCH_SIZE = 500;

/**
 * Fires review deadlines from the pending-deadlines read model when the injected clock passes them.
 * Durable because the deadlines are events (ReviewDeadlineScheduled) and a rebuildable projection,
 * not timers in memory; idempotent because the fired command's id derives from the scheduling
 * event, so firing twice (two ticks, two instances, a restart) has no second effect. A decision
 * removes the application's deadlines from the read model; one fired late decides nothing.
 *
 * Before a deadline fires, its calendar version is compared with the law in force (ADR 23): one
 * computed under another calendar (an application signed while an amendment was being recorded,
 * which the law follower's list did not hold yet) is recomputed first, and fires at its new instant
 * if it moved.
 */
export class DeadlineScheduler {
  private readonly logger = new Logger('DeadlineScheduler');
  private readonly rounds = new PeriodicRound(() => this.fire());
  /** Deadlines already reported as waiting for data of the law: said once per process, not at every tick. */
  private readonly waiting = new Set<string>();

  constructor(
    private readonly queue: DeadlineQueue,
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    private readonly law: LawInForce,
    private readonly batchSize = DEADLINE_BATCH_SIZE,
  ) {}

  /** Fires every deadline due now; a failure is logged and retried at the next tick. Returns how many fired. */
  fireDue(): Promise<number> {
    return this.rounds.run();
  }

  /** Production only: ticks on a real timer. Tests call `fireDue()` after moving their clock. */
  start(intervalMs: number): void {
    this.rounds.start(intervalMs, (error) =>
      this.logger.error(`Deadlines not fired: ${error.message}; tried again at the next tick`),
    );
  }

  stop(): void {
    this.rounds.stop();
  }

  private async fire(): Promise<number> {
    const now = this.clock.now();
    let fired = 0;
    for (const deadline of this.queue.due(now, this.batchSize)) {
      try {
        if (await this.movedByTheLaw(deadline, now)) continue;
        await this.commandBus.execute(this.commandFor(deadline, now));
        fired += 1;
      } catch (error) {
        this.reportFailure(deadline, error);
      }
    }
    return fired;
  }

  /**
   * A deadline whose command waits for data of the law (an instalment of a year whose MCI is not
   * recorded, ADR 23) is not a failure: it is said once, as a warning, and tried at every tick until
   * an administrator records the data. Anything else is an error, retried at the next tick.
   */
  private reportFailure(deadline: PendingDeadline, error: unknown): void {
    const what = `Deadline ${deadline.kind}${deadline.subject ? ` ${deadline.subject}` : ''} of application ${deadline.applicationId}`;
    if (error instanceof DomainError && error.awaiting) {
      const key = `${deadline.applicationId}:${deadline.kind}:${deadline.subject ?? ''}`;
      if (this.waiting.has(key)) return;
      this.waiting.add(key);
      this.logger.warn(`${what} waits for the law's ${error.awaiting.table} (${error.awaiting.key}): ${error.message}`);
      return;
    }
    this.logger.error(`${what} failed; retried at the next tick: ${(error as Error).message}`);
  }

  /**
   * True when the deadline moved under the law in force: the read model brings it back at its new
   * instant. The notice deadline follows the review's (ADR 32); a complaint's term, promised at
   * filing, is not moved.
   */
  private async movedByTheLaw(deadline: PendingDeadline, now: Date): Promise<boolean> {
    const { calendar, slaPolicy } = this.law.current();
    // A complaint's term is promised at filing, an instalment's day at the support's opening: neither moves.
    const fixed = deadline.kind.startsWith('complaint-') || deadline.kind === 'instalment';
    if (deadline.calendarVersion === calendar.version || fixed) return false;
    const context = {
      commandId: commandIdCausedBy(deadline.scheduledEventId, `reschedule-under-${calendar.version}`),
      correlationId: deadline.correlationId,
      causationId: deadline.scheduledEventId,
      actor: SLA_SCHEDULER_ACTOR,
      now,
    };
    const command = {
      type: 'RescheduleReviewDeadline',
      applicationId: deadline.applicationId,
      calendar,
      slaPolicy,
      amendment: null,
    } as const;
    const outcome: CommandOutcome = await this.commandBus.execute(new ApplicationCommandMessage(command, context));
    return outcome.events.length > 0;
  }

  private commandFor(deadline: PendingDeadline, now: Date): DomainCommand<unknown> {
    const step = deadline.kind === 'instalment' ? `fire-instalment-${deadline.subject}` : `fire-${deadline.kind}`;
    const context = {
      commandId: commandIdCausedBy(deadline.scheduledEventId, step),
      correlationId: deadline.correlationId,
      causationId: deadline.scheduledEventId,
      actor: SLA_SCHEDULER_ACTOR,
      now,
    };
    if (deadline.kind === 'instalment') {
      const dueOn = localDateOf(deadline.fireAt);
      const mci = mciOn(dueOn, this.law.current().subsidyPolicy.mciTable ?? MCI_TABLE);
      const instalment = deadline.subject as InstalmentKey;
      return new SupportCommandMessage(
        { type: 'IssuePaymentOrder', applicationId: deadline.applicationId, instalment, mci },
        context,
      );
    }
    return new ApplicationCommandMessage(commandOf(deadline), context);
  }
}

/** The Application command a deadline of the review, the notice or a complaint fires. */
function commandOf({ kind, applicationId, subject }: PendingDeadline): Untimed<ApplicationCommand> {
  switch (kind) {
    case 'at-risk':
      return { type: 'FlagReviewSlaAtRisk', applicationId };
    case 'due':
      return { type: 'RecordReviewSlaBreach', applicationId };
    case 'notice-at-risk':
      return { type: 'FlagHearingNoticeAtRisk', applicationId };
    case 'notice-due':
      return { type: 'RecordHearingNoticeBreach', applicationId };
    case 'complaint-at-risk':
      return { type: 'FlagComplaintAtRisk', applicationId, complaintId: subject ?? '' };
    case 'complaint-due':
      return { type: 'RecordComplaintBreach', applicationId, complaintId: subject ?? '' };
    case 'instalment':
      throw new Error('An instalment is ordered on its support stream, not the application’s');
  }
}
