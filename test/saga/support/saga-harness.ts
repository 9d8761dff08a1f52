import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommand, applicationStreamId } from '@domain/application';
import { QuotaCommand, quotaStreamId } from '@domain/quota';
import type { DecidedSupportCommand } from '@domain/support';
import { ApplicantCategory, RegionCode } from '@domain/shared/region';
import {
  CommandContext,
  CommandOutcome,
  EventStore,
  Position,
  RecordedEvent,
  RetryPolicy,
  waitUntilCaughtUp,
} from '@libs/event-sourcing';
import { EVENT_STORE, SubscriptionsHost } from '@libs/event-sourcing-nest';
import { TestClock } from '@libs/testing';
import {
  ApplicationCommandMessage,
  DEAD_LETTERS,
  DeadlineScheduler,
  QuotaCommandMessage,
  SupportCommandMessage,
  Untimed,
  WorkflowConfig,
  type LawInForce,
} from '@libs/workflow';
import { WorkflowModule } from '@apps/composition-root';
import type { DeadLetterStore } from '@libs/event-sourcing';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { randomUUID } from 'node:crypto';

export interface HarnessOptions {
  readonly dir?: string;
  readonly clock?: TestClock;
  readonly retry?: RetryPolicy;
  readonly workflow?: WorkflowConfig;
  /** The law in force, when the test amends it (test/saga/support/amendable-law.ts). */
  readonly law?: LawInForce;
  /** Runs while the saga waits before a retry (the clock may move meanwhile, as it does in real life). */
  readonly onWait?: (ms: number) => void;
  /** Extra environment, e.g. EVENT_STORE=eventstoredb with its connection string. */
  readonly env?: NodeJS.ProcessEnv;
  /** The jitter of the notice delivery backoff (a seeded generator). */
  readonly random?: () => number;
}

/** Monday 2 March 2026, 10:00 in Astana: a working day, inside working hours. */
export const START = '2026-03-02T05:00:00.000Z';

/**
 * The whole workflow on real SQLite files, with a clock that moves only when the test says so.
 * `settle()` lets every subscription (projection, saga, bridge) catch up with the store's head,
 * again and again while the saga's own commands keep appending, until nothing moves.
 */
export class SagaHarness {
  private constructor(
    readonly app: INestApplicationContext,
    readonly dir: string,
    readonly clock: TestClock,
    /** The backoff delays the saga asked for: recorded, never slept. */
    readonly waits: number[],
    /** The extra environment it started with (which event store): a restart keeps it. */
    private readonly env: NodeJS.ProcessEnv | undefined,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<SagaHarness> {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kandas-saga-'));
    const clock = options.clock ?? new TestClock(START);
    const waits: number[] = [];
    const runtime = readRuntimeConfig({
      KANDAS_EVENTS_FILE: join(dir, 'events.sqlite'),
      KANDAS_READ_MODELS_FILE: join(dir, 'read-models.sqlite'),
      SQLITE_SYNCHRONOUS: 'NORMAL',
      ...options.env,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        WorkflowModule.forRoot({
          runtime,
          clock,
          workflow: options.workflow,
          law: options.law,
          schedulerIntervalMs: null,
          // Notices are delivered when a test runs a round (`NoticeDeliveryWorker.deliverDue`).
          noticeDeliveryIntervalMs: null,
          random: options.random,
          env: { ...process.env, ...options.env },
          retry: options.retry,
          wait: async (ms) => {
            waits.push(ms);
            options.onWait?.(ms);
          },
        }),
      ],
    }).compile();
    const app = await moduleRef.init();
    return new SagaHarness(app, dir, clock, waits, options.env);
  }

  get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  get deadLetters(): DeadLetterStore {
    return this.app.get(DEAD_LETTERS);
  }

  get runners() {
    return this.app.get(SubscriptionsHost).runners;
  }

  /** A user's command (not a saga's): a fresh command id, the officer as actor. */
  async apply(
    command: Untimed<ApplicationCommand>,
    actor = { id: 'officer-1', role: 'reviewer' },
  ): Promise<CommandOutcome> {
    return this.app.get(CommandBus).execute(new ApplicationCommandMessage(command, this.context(actor)));
  }

  async applyToQuota(command: Untimed<QuotaCommand>): Promise<CommandOutcome> {
    return this.app
      .get(CommandBus)
      .execute(new QuotaCommandMessage(command, this.context({ id: 'admin-1', role: 'admin' })));
  }

  /** A payments officer's command on a family's support stream (ADR 33): the bank's answers, a correction. */
  async applyToSupport(
    command: Untimed<DecidedSupportCommand>,
    actor = { id: 'payments-1', role: 'operator' },
  ): Promise<CommandOutcome> {
    return this.app.get(CommandBus).execute(new SupportCommandMessage(command, this.context(actor)));
  }

  async openQuota(region: RegionCode, year: number, category: ApplicantCategory, capacity: number): Promise<void> {
    await this.applyToQuota({
      type: 'SetQuotaCapacity',
      region,
      year,
      category,
      capacity,
      order: { number: '', date: '2025-12-12' },
    });
  }

  /** Lets every subscription catch up, until the head stops moving. */
  async settle(): Promise<void> {
    await waitUntilCaughtUp(this.store, this.runners);
  }

  /** Moves the clock, fires the deadlines now due, and lets everything settle. */
  async advanceTo(instant: string): Promise<void> {
    this.clock.set(instant);
    await this.settle();
    await this.app.get(DeadlineScheduler).fireDue();
    await this.settle();
  }

  async head(): Promise<Position | null> {
    return this.store.headPosition();
  }

  async events(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(streamId)) events.push(event);
    return events;
  }

  async typesOf(applicationId: string): Promise<string[]> {
    return (await this.events(applicationStreamId(applicationId))).map((e) => e.type);
  }

  async quotaEvents(region: RegionCode, year: number, category: ApplicantCategory): Promise<RecordedEvent[]> {
    return this.events(quotaStreamId(region, year, category));
  }

  async allEvents(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readAll()) events.push(event);
    return events;
  }

  /** A graceful stop, then a new process on the same files (and the same event store). */
  async restart(options: Omit<HarnessOptions, 'dir' | 'clock'> = {}): Promise<SagaHarness> {
    await this.app.close();
    return SagaHarness.start({ env: this.env, ...options, dir: this.dir, clock: this.clock });
  }

  async close(options: { keepFiles?: boolean } = {}): Promise<void> {
    await this.app.close();
    if (!options.keepFiles) rmSync(this.dir, { recursive: true, force: true });
  }

  private context(actor: { id: string; role: string }): CommandContext {
    const commandId = randomUUID();
    return { commandId, correlationId: commandId, causationId: commandId, actor, now: this.clock.now() };
  }
}
