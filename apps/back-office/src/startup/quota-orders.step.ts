import { INestApplicationContext, Logger } from '@nestjs/common';
import { PublishedQuotaOrders } from '@libs/workflow';
import type { QuotaOrdersRecorded } from '@libs/workflow';

/**
 * A start-up step, after the workflow is up and before the service listens: the published quota
 * orders are recorded on a store that lacks them, so a fresh store takes applications at once
 * (idempotent: see PublishedQuotaOrders). Says what it did, and what it left to an administrator.
 */
export async function recordPublishedQuotaOrders(
  app: INestApplicationContext,
  logger = new Logger('QuotaOrders'),
): Promise<QuotaOrdersRecorded> {
  const outcome = await app.get(PublishedQuotaOrders).record();
  logger.log(`Published quota orders: ${outcome.recorded} capacities recorded now, ${outcome.alreadySet} already set`);
  for (const order of outcome.undated) {
    logger.warn(
      `The ${order.year} quota order is not recorded: its date was not found (${order.source}); ` +
        `an administrator sets its capacities with POST /quotas/{region}/${order.year}/{category}`,
    );
  }
  return outcome;
}
