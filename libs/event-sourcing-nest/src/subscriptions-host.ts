import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CheckpointedSubscriptionRunner } from '@libs/event-sourcing';
import type { Position } from '@libs/event-sourcing';

/**
 * Starts the application's subscription runners once Nest is up, and stops them before it goes down.
 * A runner that stopped on a failure (the disk full, the file locked) is started again from its
 * checkpoint every `restartFailedEveryMs`, so the service heals when the store does; until then the
 * readiness check reports it. Restarting is safe: every consumer is idempotent by construction.
 */
export class SubscriptionsHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Subscriptions');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly runners: readonly CheckpointedSubscriptionRunner[],
    /** null in tests, which call `restartFailed()` themselves. */
    private readonly restartFailedEveryMs: number | null = null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.runners) {
      await runner.start();
      this.logger.log(`${runner.name} resumed after position ${runner.checkpoint ?? 'start'}`);
    }
    if (this.restartFailedEveryMs !== null)
      this.timer = setInterval(() => void this.restartFailed(), this.restartFailedEveryMs).unref();
  }

  /** Starts every failed runner again from its checkpoint; returns the names of those now running. */
  async restartFailed(): Promise<string[]> {
    const restarted: string[] = [];
    for (const runner of this.runners.filter((candidate) => candidate.state === 'failed')) {
      const why = runner.lastFailure instanceof Error ? runner.lastFailure.message : String(runner.lastFailure);
      try {
        await runner.start();
        restarted.push(runner.name);
        this.logger.log(
          `${runner.name} restarted after position ${runner.checkpoint ?? 'start'} (it had stopped: ${why})`,
        );
      } catch (error) {
        this.logger.warn(`${runner.name} still cannot start: ${(error as Error).message}`);
      }
    }
    return restarted;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}

/**
 * How far a runner trails the store: the global positions between the head and what it has looked
 * at (its progress, counting the events its filter let by). On SQLite one position is one event; on
 * EventStoreDB positions are offsets in the log, so this is a distance, not a count. The metrics'
 * gauge and the operators' list read the same figure.
 */
export function positionsBehind(head: Position | null, runner: CheckpointedSubscriptionRunner): bigint {
  const behind = (head ?? 0n) - (runner.progress ?? 0n);
  return behind > 0n ? behind : 0n;
}
