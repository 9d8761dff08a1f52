import { EventStore } from '../store';
import { CheckpointedSubscriptionRunner } from './subscription-runner';

/**
 * Resolves when every runner has processed the store's head, again and again while their own
 * reactions keep appending (a saga step appends, the next step reacts), until the head stops moving.
 * For seeds, rebuilds and tests; `maxRounds` bounds a reaction loop that would never end.
 */
export async function waitUntilCaughtUp(
  store: EventStore,
  runners: readonly CheckpointedSubscriptionRunner[],
  maxRounds = 100,
): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    const head = await store.headPosition();
    if (head === null) return;
    for (const runner of runners) await runner.waitFor(head);
    if ((await store.headPosition()) === head) return;
  }
  throw new Error(`the subscriptions did not catch up with the store in ${maxRounds} rounds`);
}
