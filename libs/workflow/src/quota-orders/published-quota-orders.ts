import { CommandBus } from '@nestjs/cqrs';
import { orderedCapacities, QUOTA_ORDERS, QuotaOrder } from '@domain/quota';
import type { OrderedCapacity } from '@domain/quota';
import { Clock, CommandOutcome, KANDAS_NAMESPACE, uuidV5, WrongExpectedRevisionError } from '@libs/event-sourcing';
import { QuotaCommandMessage } from '../commands/command-messages';

export const QUOTA_ORDERS_ACTOR = { id: 'quota-orders', role: 'system' } as const;

export interface QuotaOrdersRecorded {
  /**
   * Quotas given their capacity by this call. On EventStoreDB, an instance racing another with the
   * same append is told it wrote too (the server keeps the events once): then both count them.
   */
  readonly recorded: number;
  /** Quotas that already had one (from an earlier start, another instance, an administrator, a seed). */
  readonly alreadySet: number;
  /** Orders left for an administrator: their date was not found, and a capacity needs a dated order. */
  readonly undated: readonly QuotaOrder[];
}

/** The command id of one capacity of one order: the same on every start and every instance. */
export function quotaOrderCommandId(capacity: OrderedCapacity): string {
  const { year, region, category, order } = capacity;
  return uuidV5(`quota-order:${year}:${order.number}:${order.date}:${region}:${category}`, KANDAS_NAMESPACE);
}

/**
 * The published quota orders (domain/quota/quota-orders.ts), recorded as QuotaCapacitySet events so
 * that a fresh store takes applications at once. Each capacity is set only on a quota stream that
 * does not exist yet (expected revision 'no-stream'), so a capacity an administrator or a seed
 * already set is never overwritten, and a later change by order stands across restarts. Its command
 * id derives from the order and the quota: a second start finds it handled, and two instances
 * starting together append the same event ids, which the store keeps once.
 */
export class PublishedQuotaOrders {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  async record(orders: readonly QuotaOrder[] = QUOTA_ORDERS): Promise<QuotaOrdersRecorded> {
    const { capacities, undated } = orderedCapacities(orders);
    let recorded = 0;
    for (const capacity of capacities) if (await this.recordOne(capacity)) recorded += 1;
    return { recorded, alreadySet: capacities.length - recorded, undated };
  }

  /** True when this call appended the capacity. */
  private async recordOne(capacity: OrderedCapacity): Promise<boolean> {
    const commandId = quotaOrderCommandId(capacity);
    const { year, order } = capacity;
    const context = {
      commandId,
      // One correlation per order: the audit's correlation view shows everything the order set.
      correlationId: uuidV5(`quota-order:${year}:${order.number}:${order.date}`, KANDAS_NAMESPACE),
      causationId: commandId,
      actor: QUOTA_ORDERS_ACTOR,
      now: this.clock.now(),
    };
    const message = new QuotaCommandMessage({ type: 'SetQuotaCapacity', ...capacity }, context, 'no-stream');
    try {
      const outcome: CommandOutcome = await this.commandBus.execute(message);
      return !outcome.alreadyHandled && outcome.events.length > 0;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }
}
