import { Logger } from '@nestjs/common';
import { WorkingDayCalendar } from '@domain/calendar';
import {
  amendmentsBy,
  EMPTY_LAW_HISTORY,
  groundsInUse,
  inForceOn,
  LAW_STREAM_PREFIX,
  LawError,
  LawErrorCode,
  tablesInForce,
  withAmendment,
  type AmendmentBasis,
  type LawEvent,
  type LawHistory,
} from '@domain/law';
import type { RefusalGroundList } from '@domain/application';
import type { EventStore, EventTypeRegistry, Position, RecordedEvent, Subscription } from '@libs/event-sourcing';
import { readAllAfter } from '@libs/event-sourcing';
import type { WorkflowConfig } from '../workflow-config';
import type { LawInForce } from './law-in-force';

const LAW_FILTER = { streamPrefixes: [LAW_STREAM_PREFIX] };

/** One table on a date: the amendment in force then, and every amendment that had taken effect by then. */
export interface TableOn<T extends AmendmentBasis> {
  readonly inForce: T | undefined;
  readonly history: readonly T[];
}

/**
 * The law in force, read from its streams: loaded at start, then kept up to date by a subscription
 * to the law streams (an amendment another instance records on the same store arrives here too), and
 * by `refresh()` for a caller that must see its own amendment at once. `current()` is the latest
 * amendment of each table; `tablesOn(date)` each table as in force on a date, with its history.
 */
export class RecordedLaw implements LawInForce {
  private history: LawHistory = EMPTY_LAW_HISTORY;
  private last: Position | null = null;
  /** Every position up to here was read by a refresh, law event or not: the next one starts after it. */
  private scanned: Position | null = null;
  private config: WorkflowConfig | undefined;
  private subscription: Subscription | undefined;
  private following: Promise<void> | undefined;
  private readonly logger = new Logger('LawInForce');

  constructor(
    private readonly store: EventStore,
    private readonly registry: EventTypeRegistry,
  ) {}

  /**
   * Reads every law event recorded since the last refresh. Law events are few and mostly recorded
   * first: starting after the last law event would read the whole store on every call (the law's
   * screens call this each time; 0.1 s a call at 170,000 events). Every position up to the head
   * seen before a read is stored for good once the read has passed it, so the next read starts there.
   */
  async refresh(): Promise<void> {
    const head = await this.store.headPosition();
    const after = later(this.last, this.scanned);
    for await (const event of readAllAfter(this.store, after, { filter: LAW_FILTER })) this.apply(event);
    this.scanned = later(this.scanned, head);
  }

  /** Follows the law streams from the last event seen, until `close`. */
  follow(): void {
    if (this.subscription) return;
    const subscription = this.store.subscribeToAll({ fromPosition: this.last ?? 'start', filter: LAW_FILTER });
    this.subscription = subscription;
    this.following = (async () => {
      try {
        for await (const event of subscription) this.apply(event);
      } catch (error) {
        this.logger.error(`Stopped following the law streams: ${(error as Error).message}`);
      }
    })();
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    await this.following;
  }

  current(): WorkflowConfig {
    this.config ??= this.configOf(undefined);
    return this.config;
  }

  /** The law as in force on a date (amendments that take effect later are left out). */
  asOf(date: string): WorkflowConfig {
    return this.configOf(date);
  }

  /** The refusal grounds decisions may use now, under the list's version. */
  refusalGrounds(): RefusalGroundList {
    const latest = inForceOn(this.history.refusalGrounds);
    if (!latest) throw new LawError(LawErrorCode.TableNotRecorded, 'No refusal grounds are recorded');
    return groundsInUse(latest.version, latest.grounds);
  }

  private groundsOn(date: string | undefined): RefusalGroundList | undefined {
    const inForce = inForceOn(this.history.refusalGrounds, date);
    return inForce && groundsInUse(inForce.version, inForce.grounds);
  }

  /** Every amendment recorded so far. */
  recorded(): LawHistory {
    return this.history;
  }

  tableOn<T extends AmendmentBasis>(amendments: readonly T[], date?: string): TableOn<T> {
    return { inForce: inForceOn(amendments, date), history: amendmentsBy(amendments, date) };
  }

  private apply(stored: RecordedEvent): void {
    if (this.last !== null && stored.position <= this.last) return;
    if (!stored.streamId.startsWith(LAW_STREAM_PREFIX) || !this.registry.has(stored.type)) return;
    const event = this.registry.upcast(stored);
    this.history = withAmendment(this.history, { type: event.type, data: event.data } as LawEvent);
    this.last = stored.position;
    this.config = undefined;
  }

  private configOf(date: string | undefined): WorkflowConfig {
    const tables = tablesInForce(this.history, date);
    return {
      calendar: WorkingDayCalendar.fromYears(tables.calendarYears),
      slaPolicy: tables.slaPolicy,
      subsidyPolicy: { mciTable: tables.mciTable, rentRates: tables.rentRates },
      refusalGrounds: this.groundsOn(date),
    };
  }
}

function later(a: Position | null, b: Position | null): Position | null {
  if (a === null) return b;
  return b === null || a > b ? a : b;
}
