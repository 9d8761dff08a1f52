import { Logger } from '@nestjs/common';
import { CommandBus, ICommand } from '@nestjs/cqrs';
import {
  AwaitedData,
  Clock,
  DeadLetter,
  DeadLetterStore,
  describeError,
  Reactor,
  RecordedEvent,
  RetryPolicy,
  Wait,
} from '@libs/event-sourcing';
import { DomainCommand } from '../domain-command';

/**
 * What the runner drives: a saga that names the event types it acts on, the partition each event's
 * step runs in, and the commands it maps one event to. The saga's @Saga() stream, for Nest's
 * in-memory bus, maps events with the same `commandsFor`.
 */
export interface DurableSaga {
  readonly eventTypes: readonly string[];
  /**
   * Which steps must run one after the other (ADR 13): steps whose events share a partition run in
   * global order, others concurrently. Keyed by the stream the step's commands write to, so every
   * aggregate still sees its commands in the order of their causes.
   */
  partitionOf(event: RecordedEvent): string;
  commandsFor(event: RecordedEvent): readonly ICommand[];
}

export interface DurableSagaOptions {
  readonly name: string;
  readonly saga: DurableSaga;
  readonly commandBus: CommandBus;
  readonly deadLetters: DeadLetterStore;
  readonly retry: RetryPolicy;
  readonly wait: Wait;
  readonly clock: Clock;
  readonly logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
  /** How many steps may be running or waiting ahead of the checkpoint (default 1). */
  readonly maxInFlight?: number;
}

export type StepOutcome =
  | { readonly kind: 'done'; readonly commands: number }
  | { readonly kind: 'parked'; readonly error: unknown }
  /** Some commands were refused only because data is not recorded yet (ADR 23); the others ran. */
  | { readonly kind: 'waiting-for-data'; readonly error: unknown; readonly awaiting: AwaitedData };

/** A command refused for want of data: the refusal names what it waits for. */
interface Waiting {
  readonly error: unknown;
  readonly awaiting: AwaitedData;
}

/**
 * Runs a saga durably. Nest's own saga runner is an in-memory RxJS stream: an event
 * published in-process is lost on a crash, its commands are fire-and-forget, and one thrown error
 * ends the saga for good (nestjs/cqrs #1401, #1838). Here the checkpointed subscription feeds each
 * stored event through the saga; the commands it maps to are executed and awaited, and only then
 * may the checkpoint move past it. Steps of one partition run one at a time in global order, steps
 * of different partitions concurrently (ADR 13). Every command's id derives from the causing event,
 * so a redelivery or a replay repeats nothing. A step that keeps failing is retried with backoff and
 * then parked in the dead-letter list; the next events keep flowing. A command refused only because
 * some data is not recorded yet (its error names what it `awaiting`) is neither retried nor parked:
 * the step's other commands run, and the step is recorded as waiting for data, to be resumed by
 * `resumeWaiting` when that data is recorded (ADR 23).
 */
export class DurableSagaRunner implements Reactor {
  readonly kind = 'reactor';
  readonly filter;
  readonly name: string;
  readonly maxInFlight: number;
  private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>;

  constructor(private readonly options: DurableSagaOptions) {
    this.name = options.name;
    this.filter = { eventTypes: [...options.saga.eventTypes] };
    this.logger = options.logger ?? new Logger(options.name);
    this.maxInFlight = options.maxInFlight ?? 1;
  }

  partitionOf(event: RecordedEvent): string {
    return this.options.saga.partitionOf(event);
  }

  async handle(event: RecordedEvent): Promise<void> {
    const letter = await this.options.deadLetters.get(this.name, event.eventId);
    if (letter?.status === 'parked') return;
    // A redelivered step that was waiting runs again: if its data came meanwhile, it is done.
    const outcome = await this.process(event, 0);
    if (letter?.status === 'waiting-for-data') await this.resolveWhenDone(letter, outcome);
  }

  /**
   * Runs again a step that waits for data, when an amendment of the table it waits for is recorded:
   * resolved when it is done, still waiting when the data is still missing. The commands that ran
   * the first time run again as no-ops (their ids derive from the causing event).
   */
  async resumeWaiting(event: RecordedEvent): Promise<StepOutcome> {
    const letter = await this.options.deadLetters.get(this.name, event.eventId);
    if (!letter || letter.status !== 'waiting-for-data')
      throw new Error(`${event.eventId} is not waiting for data in ${this.name}`);
    const outcome = await this.process(event, letter.attempts);
    await this.resolveWhenDone(letter, outcome);
    return outcome;
  }

  /** The steps of this runner that wait for data of a table (`mci`, …). */
  async waitingFor(table: string): Promise<DeadLetter[]> {
    const waiting = await this.options.deadLetters.list({ consumer: this.name, status: 'waiting-for-data' });
    return waiting.filter((letter) => letter.awaiting?.table === table);
  }

  private async resolveWhenDone(letter: DeadLetter, outcome: StepOutcome): Promise<void> {
    if (outcome.kind === 'done')
      await this.options.deadLetters.resolve(this.name, letter.eventId, this.options.clock.now().toISOString());
  }

  /** For operators: runs a parked event again; it is resolved on success, parked again on failure. */
  async retryParked(event: RecordedEvent): Promise<StepOutcome> {
    const letter = await this.options.deadLetters.get(this.name, event.eventId);
    if (!letter || letter.status !== 'parked') throw new Error(`${event.eventId} is not parked by ${this.name}`);
    const outcome = await this.process(event, letter.attempts);
    if (outcome.kind === 'done')
      await this.options.deadLetters.resolve(this.name, event.eventId, this.options.clock.now().toISOString());
    return outcome;
  }

  private async process(event: RecordedEvent, attemptsBefore: number): Promise<StepOutcome> {
    const { retry, wait } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        const commands = this.options.saga.commandsFor(event);
        const waiting: Waiting[] = [];
        for (const command of commands) {
          const waits = await this.execute(command);
          if (waits) waiting.push(waits);
        }
        if (commands.length > 0)
          this.logger.log(
            `${event.type} ${event.streamId}@${event.revision}: ${commands.map(describeCommand).join(', ')}`,
          );
        const [first] = waiting;
        if (first) {
          await this.waitForData(event, first, attemptsBefore + attempt);
          return { kind: 'waiting-for-data', ...first };
        }
        return { kind: 'done', commands: commands.length };
      } catch (error) {
        if (attempt < retry.maxAttempts && retry.isRetryable(error)) {
          await wait(retry.delayMs(attempt));
          continue;
        }
        if (retry.isOutage(error)) throw error;
        await this.park(event, error, attemptsBefore + attempt);
        return { kind: 'parked', error };
      }
    }
  }

  /** Runs one command; answers what it waits for when it was refused only for want of data. */
  private async execute(command: ICommand): Promise<Waiting | undefined> {
    try {
      await this.options.commandBus.execute(command);
      return undefined;
    } catch (error) {
      const awaiting = awaitingOf(error);
      if (awaiting) {
        this.logger.warn(
          `${describeCommand(command)} waits for ${awaiting.table} ${awaiting.key}: ${describeError(error).message}`,
        );
        return { error, awaiting };
      }
      const plan = command instanceof DomainCommand ? command.onRejection : undefined;
      const code = (error as { code?: unknown }).code;
      if (!plan || typeof code !== 'string' || !plan.codes.includes(code)) throw error;
      this.logger.log(
        `${describeCommand(command)}: nothing to do, because ${code}${plan.compensate ? `; compensating with ${describeCommand(plan.compensate)}` : ''}`,
      );
      if (plan.compensate) await this.options.commandBus.execute(plan.compensate);
      return undefined;
    }
  }

  private async waitForData(event: RecordedEvent, waiting: Waiting, attempts: number): Promise<void> {
    await this.options.deadLetters.waitForData({
      consumer: this.name,
      eventId: event.eventId,
      position: event.position,
      streamId: event.streamId,
      type: event.type,
      error: describeError(waiting.error),
      attempts,
      parkedAt: this.options.clock.now().toISOString(),
      awaiting: waiting.awaiting,
    });
  }

  private async park(event: RecordedEvent, error: unknown, attempts: number): Promise<void> {
    this.logger.error(
      `${this.name} parked ${event.type} ${event.eventId} after ${attempts} attempt(s): ${describeError(error).message}`,
    );
    await this.options.deadLetters.park({
      consumer: this.name,
      eventId: event.eventId,
      position: event.position,
      streamId: event.streamId,
      type: event.type,
      error: describeError(error),
      attempts,
      parkedAt: this.options.clock.now().toISOString(),
    });
  }
}

/** The data a refusal waits for, when it says so (`DomainError.awaiting`): table and key, both text. */
function awaitingOf(error: unknown): AwaitedData | undefined {
  const awaiting = (error as { awaiting?: Partial<AwaitedData> } | null)?.awaiting;
  if (typeof awaiting?.table !== 'string' || typeof awaiting.key !== 'string') return undefined;
  return { table: awaiting.table, key: awaiting.key };
}

function describeCommand(command: ICommand): string {
  const payload = command instanceof DomainCommand ? (command.payload as { type?: string }) : undefined;
  return payload?.type ?? command.constructor.name;
}
