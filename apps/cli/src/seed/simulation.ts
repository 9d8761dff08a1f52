import { arrivalAfterInclusion } from './arrivals';
import { correctedAccountOf, seedBankAnswers } from './bank';
import { PaymentRegisterQuery } from '@infra/read-models';
import { kzIbanOf, type DecidedSupportCommand } from '@domain/support';
import { DateTime } from 'luxon';
import { localDateOf } from '@domain/shared/calendar-date';
import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { ApplicationCommand, applicationStreamId, DEFAULT_SIGNING_CODE_POLICY } from '@domain/application';
import { complaintLawOf, paymentTermsOf } from '@domain/review-process';
import { QuotaCommand } from '@domain/quota';
import { Actor, CommandContext, EventStore, KANDAS_NAMESPACE, uuidV5 } from '@libs/event-sourcing';
import { EVENT_STORE, SubscriptionsHost } from '@libs/event-sourcing-nest';
import {
  applicationDigest,
  ApplicationCommandMessage,
  DeadlineScheduler,
  LAW_IN_FORCE,
  type LawInForce,
  QuotaCommandMessage,
  READ_MODELS_DB,
  readAnswersFile,
  SupportCommandMessage,
  Untimed,
} from '@libs/workflow';
import { complaintPlanner, type ComplaintPlanner, type FollowUp } from './complaints';
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
/** The payments officer who imports the bank's answers and corrects a returned family's account. */
const PAYMENTS_OFFICER: Actor = { id: 'payments-1', role: 'payments' };
/** 09:00: the bank's answers to yesterday's orders are in, before the day's other work. */
const BANK_ANSWERS_MINUTE = 9 * 60;

export interface SimulationStats {
  readonly commands: number;
  /** Complaints filed, how they were answered, and the authority's decisions recorded (ADR 32). */
  readonly complaints: ComplaintCounts;
  /** User steps the workflow refused (the plan expects none); by error code. */
  readonly rejected: Readonly<Record<string, number>>;
  readonly deadlinesFired: number;
  /** Included families whose arrival the seed recorded (ADR 33): their supports open and pay as days pass. */
  readonly arrivals: number;
  /** The bank's answers the seed imported, and the returned orders paid again to a corrected account. */
  readonly payments: PaymentCounts;
}

export interface PaymentCounts {
  readonly paid: number;
  readonly returned: number;
  readonly reissued: number;
}

export interface ComplaintCounts {
  readonly filed: number;
  readonly satisfied: number;
  readonly rejected: number;
  readonly authorityDecisions: number;
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
  private readonly law: LawInForce;
  /** The plan's actions by day, with the complaints' steps added as decisions are taken. */
  private readonly days: Action[][];
  private readonly complaintsPlanner: ComplaintPlanner;
  private readonly complaints = { filed: 0, satisfied: 0, rejected: 0, authorityDecisions: 0 };
  private arrivals = 0;
  private readonly payments = { paid: 0, returned: 0, reissued: 0 };
  private readonly register: PaymentRegisterQuery;
  /** Orders the bank returned yesterday: today the officer corrects the account and pays again. */
  private returnedYesterday: Array<{ applicationId: string; orderId: string }> = [];
  private nextSeq: number;
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
    this.law = app.get<LawInForce>(LAW_IN_FORCE);
    this.register = new PaymentRegisterQuery(this.readModels);
    this.days = plan.actionsByDay.map((bucket) => [...bucket]);
    this.nextSeq = plan.actionsByDay.reduce((max, bucket) => Math.max(max, ...bucket.map((a) => a.seq + 1)), 0);
    this.complaintsPlanner = complaintPlanner(idSalt, (ahead) => plan.workingDays[this.today + ahead]!);
  }

  private today = 0;

  async run(): Promise<SimulationStats> {
    const { workingDays } = this.plan;
    const actionsByDay = this.days;
    this.clock.set(almatyInstant(workingDays[0]!, 8 * 60));
    await this.setQuotaCapacities();
    const ids = new Set<string>();
    let submittedInMonth = 0;
    for (let day = 0; day < workingDays.length; day++) {
      const date = workingDays[day]!;
      const actions = actionsByDay[day]!;
      this.today = day;
      await this.bankDay(date);
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
        await this.planComplaints(action, day);
      }
      if (!ticked) await this.endOfWorkingDay(date);
      this.onWorkingDay(day + 1, workingDays.length);
      const next = workingDays[day + 1];
      if (next === undefined || next.slice(0, 7) !== date.slice(0, 7)) {
        await this.printMonth(date.slice(0, 7), submittedInMonth, ids);
        submittedInMonth = 0;
      }
    }
    return {
      commands: this.commands,
      complaints: { ...this.complaints },
      rejected: { ...this.rejected },
      deadlinesFired: this.deadlinesFired,
      arrivals: this.arrivals,
      payments: { ...this.payments },
    };
  }

  /**
   * 09:00 of a working day (ADR 33): the payments officer corrects the accounts of yesterday's
   * returns and pays those orders again, then imports the bank's answers to every order due before
   * today — the seed's bank (`bank.ts`) answering in its file, read by the same reader the HTTP
   * import uses. Every order of a seeded year is thus answered, a few returned and paid again.
   */
  private async bankDay(date: string): Promise<void> {
    this.clock.set(almatyInstant(date, BANK_ANSWERS_MINUTE));
    for (const { applicationId, orderId } of this.returnedYesterday) {
      const iban = correctedAccountOf(this.idSalt, orderId);
      await this.sendSupport({ type: 'CorrectRecipient', applicationId, iban }, `correct:${orderId}`);
      const terms = paymentTermsOf(this.law.current());
      await this.sendSupport({ type: 'ReissuePaymentOrder', applicationId, orderId, terms }, `reissue:${orderId}`);
      this.payments.reissued += 1;
    }
    this.returnedYesterday = [];
    await this.settle();
    const month = date.slice(0, 7);
    const previous = DateTime.fromISO(`${month}-01`).minus({ months: 1 }).toFormat('yyyy-MM');
    const owed = [...this.register.pendingOrders(previous), ...this.register.pendingOrders(month)].filter(
      (order) => order.dueOn < date,
    );
    if (owed.length === 0) return;
    const { answers, problems } = readAnswersFile(seedBankAnswers(this.idSalt, date, owed));
    if (problems.length > 0) throw new Error(`The seed's bank wrote a file out of format: ${JSON.stringify(problems)}`);
    for (const answer of answers) {
      const { applicationId, orderId } = answer;
      if (answer.status === 'paid') {
        const { date: paidOn, bankReference } = answer;
        await this.sendSupport(
          { type: 'RecordPaymentPaid', applicationId, orderId, paidOn, bankReference },
          `bank:${orderId}`,
        );
        this.payments.paid += 1;
      } else {
        const { date: returnedOn, reason } = answer;
        await this.sendSupport(
          { type: 'RecordPaymentReturned', applicationId, orderId, returnedOn, reason },
          `bank:${orderId}`,
        );
        this.payments.returned += 1;
        this.returnedYesterday.push({ applicationId, orderId });
      }
    }
    await this.settle();
  }

  private async sendSupport(command: Untimed<DecidedSupportCommand>, key: string): Promise<void> {
    await this.send(new SupportCommandMessage(command, this.context(key, PAYMENTS_OFFICER)));
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
      case 'file-complaint': {
        this.complaints.filed += 1;
        const { complaintId, against, text } = step;
        const law = complaintLawOf(this.law.current());
        return apply({ type: 'FileComplaint', applicationId, complaintId, against, text, law }, SEED_ACTOR);
      }
      case 'answer-complaint': {
        const { complaintId, supervisorId, answer } = step;
        const supervisor = { id: supervisorId, role: 'supervisor' };
        if (answer.outcome === 'rejected') {
          this.complaints.rejected += 1;
          const { reasons } = answer;
          return apply({ type: 'RejectComplaint', applicationId, complaintId, reasons, supervisorId }, supervisor);
        }
        this.complaints.satisfied += 1;
        const { remedy, reason } = answer;
        return apply(
          { type: 'SatisfyComplaint', applicationId, complaintId, remedy, reason, supervisorId },
          supervisor,
        );
      }
      case 'arrive': {
        this.arrivals += 1;
        const today = localDateOf(this.clock.now().toISOString());
        const { settlement } = app.submission;
        return apply(
          {
            type: 'RecordArrival',
            applicationId,
            settlement: { kind: settlement.kind, name: settlement.name ?? app.region },
            arrivedOn: today,
            registration: {
              address: `${settlement.name ?? app.region}, house ${(app.index % 97) + 1}`,
              registeredOn: today,
            },
            iban: kzIbanOf(step.bankCode, step.account),
            recordedBy: 'portal',
            terms: paymentTermsOf(this.law.current()),
          },
          SEED_ACTOR,
        );
      }
      case 'record-authority-decision': {
        this.complaints.authorityDecisions += 1;
        const { complaintId, authority, documentNumber, date, remedy } = step;
        return apply(
          {
            type: 'RecordAuthorityDecision',
            applicationId,
            complaintId,
            authority,
            documentNumber,
            date,
            outcome: 'satisfied',
            remedy,
          },
          SUPERVISOR,
        );
      }
    }
  }

  /**
   * Once a step has decided an application (a refusal confirmed, an inclusion granted), the
   * applicant may complain: the planner says whether and how it ends, and its steps join the days
   * ahead (`complaints.ts`).
   */
  private async planComplaints(action: Action, day: number): Promise<void> {
    const app = action.application;
    const now = this.clock.now().toISOString();
    let decided: 'refused' | 'included' | null = null;
    for await (const event of this.store.readStream(applicationStreamId(app.applicationId))) {
      const data = event.data as { decidedAt?: string };
      if (event.type === 'ApplicationRefused') decided = data.decidedAt === now ? 'refused' : null;
      if (event.type === 'ApplicationIncluded') decided = data.decidedAt === now ? 'included' : null;
    }
    if (decided === null) return;
    const daysLeft = this.plan.workingDays.length - 1 - day;
    const followUps =
      decided === 'refused'
        ? this.complaintsPlanner.afterRefusal(app, daysLeft)
        : this.complaintsPlanner.afterInclusion(app, daysLeft);
    for (const followUp of followUps) this.schedule(action, day, followUp);
    const arrival = decided === 'included' ? arrivalAfterInclusion(this.idSalt, app, daysLeft) : null;
    if (arrival) this.schedule(action, day, arrival);
  }

  private schedule(cause: Action, day: number, { after, morning, step }: FollowUp): void {
    const bucket = this.days[day + after]!;
    // Mornings and afternoons as the plan has them, the minute derived from the sequence: deterministic.
    const seq = this.nextSeq++;
    const minute = morning ? 10 * 60 + (seq % 150) : 14 * 60 + (seq % 240);
    bucket.push({ day: day + after, minute, seq, application: cause.application, step });
    bucket.sort((a, b) => a.minute - b.minute || a.seq - b.seq);
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
  private async send(message: ApplicationCommandMessage | QuotaCommandMessage | SupportCommandMessage): Promise<void> {
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
