import { Logger } from '@nestjs/common';
import { CommandBus, ICommand } from '@nestjs/cqrs';
import { lastValueFrom, of, toArray } from 'rxjs';
import {
  Clock,
  DeadLetterStore,
  describeError,
  EventTypeRegistry,
  Reactor,
  RecordedEvent,
  RetryPolicy,
  StoredEvent,
  Wait,
} from '@libs/event-sourcing';
import { DomainCommand } from '../domain-command';
import { SagaFunction } from './saga-functions';
import { eventClassesActedOn } from './of-type';

export interface DurableSagaOptions {
  readonly name: string;
  readonly sagas: readonly SagaFunction[];
  readonly registry: EventTypeRegistry;
  readonly commandBus: CommandBus;
  readonly deadLetters: DeadLetterStore;
  readonly retry: RetryPolicy;
  readonly wait: Wait;
  readonly clock: Clock;
  readonly logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
  /**
   * Which steps must run one after the other (ADR 13): steps whose events share a partition run in
   * global order, others concurrently. Key it by the stream the step's commands write to, so every
   * aggregate still sees its commands in the order of their causes. Without it, one step at a time.
   */
  readonly partitionOf?: (event: StoredEvent) => string;
  /** How many steps may be running or waiting ahead of the checkpoint (default 1). */
  readonly maxInFlight?: number;
}

export type StepOutcome =
  | { readonly kind: 'done'; readonly commands: number }
  | { readonly kind: 'parked'; readonly error: unknown };

/**
 * Runs @Saga() streams durably. Nest's own saga runner is an in-memory RxJS stream: an event
 * published in-process is lost on a crash, its commands are fire-and-forget, and one thrown error
 * ends the saga for good (nestjs/cqrs #1401, #1838). Here the checkpointed subscription feeds each
 * stored event through every saga; the commands it maps to are executed and awaited, and only then
 * may the checkpoint move past it. Steps of one partition run one at a time in global order, steps
 * of different partitions concurrently (ADR 13). Every command's id derives from the causing event,
 * so a redelivery or a replay repeats nothing. A step that keeps failing is retried with backoff and
 * then parked in the dead-letter list; the next events keep flowing.
 */
export class DurableSagaRunner implements Reactor {
  readonly kind = 'reactor';
  readonly filter;
  readonly name: string;
  readonly maxInFlight: number;
  private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  /** Rehydrated once, when the event is partitioned, for its step. */
  private readonly rehydrated = new WeakMap<RecordedEvent, StoredEvent>();

  constructor(private readonly options: DurableSagaOptions) {
    this.name = options.name;
    this.filter = { eventTypes: eventTypesActedOn(options.sagas, options.registry) };
    this.logger = options.logger ?? new Logger(options.name);
    this.maxInFlight = options.partitionOf ? (options.maxInFlight ?? 1) : 1;
  }

  partitionOf(recorded: RecordedEvent): string {
    const { partitionOf } = this.options;
    if (!partitionOf) return '';
    const event = this.options.registry.rehydrate(recorded);
    this.rehydrated.set(recorded, event);
    return partitionOf(event);
  }

  async handle(event: RecordedEvent): Promise<void> {
    const parked = await this.options.deadLetters.get(this.name, event.eventId);
    if (parked?.status === 'parked') return;
    await this.process(event, 0);
  }

  /** For operators: runs a parked event again; it is resolved on success, parked again on failure. */
  async retryParked(event: RecordedEvent): Promise<StepOutcome> {
    const letter = await this.options.deadLetters.get(this.name, event.eventId);
    if (!letter || letter.status !== 'parked') throw new Error(`${event.eventId} is not parked by ${this.name}`);
    const outcome = await this.process(event, letter.attempts);
    if (outcome.kind === 'done') await this.options.deadLetters.resolve(this.name, event.eventId, this.options.clock.now().toISOString());
    return outcome;
  }

  private async process(event: RecordedEvent, attemptsBefore: number): Promise<StepOutcome> {
    const { retry, wait } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        const commands = await this.commandsFor(event);
        for (const command of commands) await this.execute(command);
        if (commands.length > 0) this.logger.log(`${event.type} ${event.streamId}@${event.revision}: ${commands.map(describeCommand).join(', ')}`);
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

  /** The commands every saga maps this one event to; a saga that throws fails the step. */
  private async commandsFor(recorded: RecordedEvent): Promise<ICommand[]> {
    const event = this.rehydrated.get(recorded) ?? this.options.registry.rehydrate(recorded);
    const perSaga = await Promise.all(this.options.sagas.map((saga) => lastValueFrom(saga(of(event)).pipe(toArray()))));
    return perSaga.flat().filter((command): command is ICommand => Boolean(command));
  }

  private async execute(command: ICommand): Promise<void> {
    try {
      await this.options.commandBus.execute(command);
    } catch (error) {
      const plan = command instanceof DomainCommand ? command.onRejection : undefined;
      const code = (error as { code?: unknown }).code;
      if (!plan || typeof code !== 'string' || !plan.codes.includes(code)) throw error;
      this.logger.log(`${describeCommand(command)}: nothing to do, because ${code}${plan.compensate ? `; compensating with ${describeCommand(plan.compensate)}` : ''}`);
      if (plan.compensate) await this.options.commandBus.execute(plan.compensate);
    }
  }

  private async park(event: RecordedEvent, error: unknown, attempts: number): Promise<void> {
    this.logger.error(`${this.name} parked ${event.type} ${event.eventId} after ${attempts} attempt(s): ${describeError(error).message}`);
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

/**
 * The stored types the sagas act on, when every saga names its classes with our `ofType`; else
 * every registered type. A class the registry does not know is a wiring error, said at start-up.
 */
function eventTypesActedOn(sagas: readonly SagaFunction[], registry: EventTypeRegistry): string[] {
  const types = new Set<string>();
  for (const saga of sagas) {
    const classes = eventClassesActedOn(saga);
    if (!classes) return registry.types();
    for (const eventClass of classes) {
      const type = registry.typeOfClass(eventClass);
      if (type === undefined) throw new Error(`${saga.sagaName} acts on ${eventClass.name}, which no registered event type stores`);
      types.add(type);
    }
  }
  return [...types];
}

function describeCommand(command: ICommand): string {
  const payload = command instanceof DomainCommand ? (command.payload as { type?: string }) : undefined;
  return payload?.type ?? command.constructor.name;
}
