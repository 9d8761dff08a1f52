import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { ApplicationCommand, applicationStreamId, DEFAULT_SIGNING_CODE_POLICY } from '@domain/application';
import { QuotaCommand } from '@domain/quota';
import { Actor, CommandContext, EventStore, KANDAS_NAMESPACE, uuidV5 } from '@libs/event-sourcing';
import { EVENT_STORE, SubscriptionsHost } from '@libs/event-sourcing-nest';
import {
  applicationDigest,
  ApplicationCommandMessage,
  DeadlineScheduler,
  QuotaCommandMessage,
  READ_MODELS_DB,
  Untimed,
} from '@libs/workflow';
import { almatyInstant } from './dates';
import { countOutcomes } from './outcomes';
import { Action, END_OF_DAY_MINUTE, SeedPlan } from './plan';
import { SeedClock } from './seed-clock';

/**
 * Seeded events are told apart by their actor: the portal's steps (submit, sign, withdraw) and the
 * quota capacities are written by the operator who ran the seed, not by an applicant.
 */
export const SEED_ACTOR: Actor = { id: 'seed', role: 'operator' };
/** The supervisor who confirms the seed's proposed refusals. */
const SUPERVISOR: Actor = { id: 'supervisor-1', role: 'supervisor' };

export interface SimulationStats {
  readonly commands: number;
  /** User steps the workflow refused (the plan expects none); by error code. */
  readonly rejected: Readonly<Record<string, number>>;
  readonly deadlinesFired: number;
}

/** Told after each simulated working day, e.g. to move a progress bar: `done` of `total` days played. */
export type WorkingDayDone = (done: number, total: number) => void;

/**
 * Plays the plan day by day on the real workflow: moves the clock to each step's instant, sends the
 * step through the CommandBus, lets every subscription (projections, saga, bridge) catch up, and at
 * 18:30 of each working day fires the deadlines the clock has passed, as the service's scheduler
 * would. Everything after a step — deadlines, reservations, decisions, subsidies — is the
 * workflow's own doing.
 */
export class SeedSimulation {
  private readonly commandBus: CommandBus;
  private readonly store: EventStore;
  private readonly host: SubscriptionsHost;
  private readonly scheduler: DeadlineScheduler;
  private readonly readModels: Database.Database;
  private commands = 0;
  private deadlinesFired = 0;
  private readonly rejected: Record<string, number> = {};

  constructor(
    app: INestApplicationContext,
    private readonly clock: SeedClock,
    private readonly plan: SeedPlan,
    private readonly idSalt: string,
    private readonly print: (line: string) => void,
    private readonly onWorkingDay: WorkingDayDone = () => undefined,
  ) {
    this.commandBus = app.get(CommandBus);
    this.store = app.get(EVENT_STORE);
    this.host = app.get(SubscriptionsHost);
    this.scheduler = app.get(DeadlineScheduler);
    this.readModels = app.get(READ_MODELS_DB);
  }

  async run(): Promise<SimulationStats> {
    const { workingDays, actionsByDay } = this.plan;
    this.clock.set(almatyInstant(workingDays[0]!, 8 * 60));
    await this.setQuotaCapacities();
    const ids = new Set<string>();
    let submittedInMonth = 0;
    for (let day = 0; day < workingDays.length; day++) {
      const date = workingDays[day]!;
      const actions = actionsByDay[day]!;
      let ticked = false;
      for (const action of actions) {
        if (!ticked && action.minute >= END_OF_DAY_MINUTE) {
          await this.endOfWorkingDay(date);
          ticked = true;
        }
        if (action.step.kind === 'submit') {
          ids.add(action.application.applicationId);
          submittedInMonth += 1;
        }
        this.clock.set(almatyInstant(date, action.minute));
        await this.perform(action);
        await this.settle();
        if (action.step.kind === 'record-review') await this.hearAndDecide(action);
      }
      if (!ticked) await this.endOfWorkingDay(date);
      this.onWorkingDay(day + 1, workingDays.length);
      const next = workingDays[day + 1];
      if (next === undefined || next.slice(0, 7) !== date.slice(0, 7)) {
        await this.printMonth(date.slice(0, 7), submittedInMonth, ids);
        submittedInMonth = 0;
      }
    }
    return { commands: this.commands, rejected: { ...this.rejected }, deadlinesFired: this.deadlinesFired };
  }

  /** The year's order's capacities (2026: the order of 12.12.2025), as an administrator enters them. */
  private async setQuotaCapacities(): Promise<void> {
    for (const quota of this.plan.quotas) {
      const command: Untimed<QuotaCommand> = {
        type: 'SetQuotaCapacity',
        region: quota.region,
        year: this.plan.year,
        category: quota.category,
        capacity: quota.capacity,
        order: this.plan.orderRef,
      };
      await this.send(
        new QuotaCommandMessage(command, this.context(`quota:${quota.region}:${quota.category}`, SEED_ACTOR)),
      );
    }
    await this.settle();
  }

  /** 18:30: the end of working hours, when the at-risk and due instants fall. */
  private async endOfWorkingDay(date: string): Promise<void> {
    this.clock.set(almatyInstant(date, END_OF_DAY_MINUTE));
    await this.settle();
    this.deadlinesFired += await this.scheduler.fireDue();
    await this.settle();
  }

  private async perform(action: Action): Promise<void> {
    const app = action.application;
    const { applicationId } = app;
    const step = action.step;
    const key = `${app.index}:${action.seq}:${step.kind}`;
    const apply = (command: Untimed<ApplicationCommand>, actor: Actor) =>
      this.send(new ApplicationCommandMessage(command, this.context(key, actor)));
    switch (step.kind) {
      case 'submit':
        return apply(
          {
            type: 'SubmitApplication',
            applicationId,
            submission: app.submission,
            digest: applicationDigest(app.submission),
            regionHasQuota: true,
          },
          SEED_ACTOR,
        );
      case 'sign': {
        // The seed sends no code to a phone: it records a code under a MAC made from its own salt
        // (no server secret is involved, and no one could type it) and signs with that MAC. This is
        // demo data written by an operator: the events' actor (seed/operator) tells an auditor so.
        const signerIin = app.submission.applicant.iin;
        const otpRequestId = uuidV5(`seed:${this.idSalt}:otp:${app.index}`, KANDAS_NAMESPACE);
        const codeMac = createHash('sha256').update(`seed:${this.idSalt}:otp:${app.index}`).digest('base64url');
        const policy = DEFAULT_SIGNING_CODE_POLICY;
        await this.send(
          new ApplicationCommandMessage(
            { type: 'IssueSigningCode', applicationId, signerIin, otpRequestId, codeMac, policy },
            this.context(`${key}:code`, SEED_ACTOR),
          ),
        );
        return apply(
          {
            type: 'SignApplication',
            applicationId,
            method: 'otp',
            signerIin,
            signedDigest: applicationDigest(app.submission),
            code: { otpRequestId, codeMac },
          },
          SEED_ACTOR,
        );
      }
      case 'start-review':
        return apply(
          { type: 'StartReview', applicationId, reviewerId: step.reviewerId },
          { id: step.reviewerId, role: 'reviewer' },
        );
      case 'record-review':
        return apply(
          {
            type: 'RecordReview',
            applicationId,
            reviewerId: step.reviewerId,
            verdict: step.verdict,
            findings: step.findings,
            grounds: step.grounds,
            ...(step.comment ? { comment: step.comment } : {}),
          },
          { id: step.reviewerId, role: 'reviewer' },
        );
      case 'reassign':
        return apply(
          { type: 'ReassignReview', applicationId, toReviewerId: step.toReviewerId, reason: step.reason },
          { id: step.supervisorId, role: 'supervisor' },
        );
      case 'withdraw':
        return apply({ type: 'WithdrawApplication', applicationId, reason: step.reason }, SEED_ACTOR);
    }
  }

  /**
   * A refusal is proposed, not decided, by a review (ADR 32): the seed's officer hears the applicant
   * at once — in person, in writing, or the applicant does not come, by turns — and its supervisor
   * confirms the refusal, at the review's own minute, so a seeded refusal is as timely as before.
   */
  private async hearAndDecide(action: Action): Promise<void> {
    const { applicationId, index } = action.application;
    const stream: string[] = [];
    for await (const event of this.store.readStream(applicationStreamId(applicationId))) stream.push(event.type);
    if (stream.at(-1) !== 'RefusalProposed') return;
    const key = `${index}:${action.seq}:hearing`;
    const attendance = (['attended', 'in-writing', 'absent'] as const)[index % 3]!;
    const officer = { id: 'officer-1', role: 'reviewer' };
    const hearing: Untimed<ApplicationCommand> = {
      type: 'RecordHearing',
      applicationId,
      heardBy: officer.id,
      heldAt: this.clock.now().toISOString(),
      attendance,
      statement: attendance === 'absent' ? 'The applicant did not come' : 'The applicant maintains the application',
    };
    await this.send(new ApplicationCommandMessage(hearing, this.context(key, officer)));
    const confirm: Untimed<ApplicationCommand> = { type: 'ConfirmRefusal', applicationId };
    await this.send(new ApplicationCommandMessage(confirm, this.context(`${key}:confirm`, SUPERVISOR)));
    await this.settle();
  }

  /** Sends one command; a refusal by a rule (a coded domain error) is counted, anything else stops the seed. */
  private async send(message: ApplicationCommandMessage | QuotaCommandMessage): Promise<void> {
    this.commands += 1;
    try {
      await this.commandBus.execute(message);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string') throw error;
      this.rejected[code] = (this.rejected[code] ?? 0) + 1;
    }
  }

  /** Ids derive from the seed (and the store's head for a forced seed), so one seed gives the same events. */
  private context(key: string, actor: Actor): CommandContext {
    const commandId = uuidV5(`seed:${this.idSalt}:command:${key}`, KANDAS_NAMESPACE);
    return { commandId, correlationId: commandId, causationId: commandId, actor, now: this.clock.now() };
  }

  /** Lets every subscription catch up with the store's head, again while the saga keeps appending. */
  async settle(): Promise<void> {
    for (let round = 0; round < 100; round++) {
      const head = await this.store.headPosition();
      if (head === null) return;
      for (const runner of this.host.runners) await runner.waitFor(head);
      if ((await this.store.headPosition()) === head) return;
    }
    throw new Error('the workflow did not settle in 100 rounds');
  }

  private async printMonth(month: string, submitted: number, ids: ReadonlySet<string>): Promise<void> {
    const counts = countOutcomes(this.readModels, ids);
    const o = counts.byOutcome;
    const decided = o.included + o['refused-not-eligible'] + o['refused-quota-exhausted'];
    const head = await this.store.headPosition();
    this.print(
      `${month}  +${String(submitted).padStart(3)} submitted · so far ${counts.total}: ` +
        `${decided} decided (${o.included} included, ${o['refused-not-eligible'] + o['refused-quota-exhausted']} refused, ${counts.late} late), ` +
        `${o.withdrawn} withdrawn, ${o['open-on-time'] + o['open-at-risk'] + o['open-breached']} open (${o['open-at-risk']} at risk, ${o['open-breached']} breached) · store head ${head ?? 0}`,
    );
  }
}
