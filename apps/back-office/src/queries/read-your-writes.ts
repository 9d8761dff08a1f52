import { Injectable } from '@nestjs/common';
import { CheckpointedSubscriptionRunner } from '@libs/event-sourcing';
import { SubscriptionsHost } from '@libs/event-sourcing-nest';
import { HttpProblem, problem } from '../http/problem';

export const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;

export interface Reflecting<T> {
  /** The global position the read model reflects (a string: positions are 64-bit). */
  readonly position: string | null;
  readonly data: T;
}

/**
 * Answers from a read model, saying which position it reflects; with `atLeast` (the position a
 * command returned) it first waits, a few seconds at most, until the read model has got there.
 */
@Injectable()
export class ReadYourWrites {
  constructor(private readonly subscriptions: SubscriptionsHost) {}

  async read<T>(readModel: string, atLeast: string | undefined, query: () => T): Promise<Reflecting<T>> {
    const runner = this.runner(readModel);
    if (atLeast !== undefined) await this.waitFor(runner, atLeast);
    const position = runner.progress;
    return { position: position === null ? null : position.toString(), data: query() };
  }

  private async waitFor(runner: CheckpointedSubscriptionRunner, atLeast: string): Promise<void> {
    if (!/^\d{1,20}$/.test(atLeast)) {
      throw new HttpProblem(
        problem(400, 'REQUEST.INVALID', 'Invalid request', undefined, [
          { field: 'atLeast', reason: 'must be a global position returned by a command' },
        ]),
      );
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), READ_YOUR_WRITES_TIMEOUT_MS)),
    );
    const reached = runner.waitFor(BigInt(atLeast)).then(
      () => 'reached' as const,
      (error: Error) => (error.message.includes('beyond the store') ? ('beyond' as const) : Promise.reject(error)),
    );
    const outcome = await Promise.race([reached, timeout]).finally(() => clearTimeout(timer));
    if (outcome === 'beyond')
      throw new HttpProblem(
        problem(400, 'REQUEST.POSITION_UNKNOWN', 'Unknown position', `No event was stored at ${atLeast} yet`, [
          { field: 'atLeast', reason: 'is beyond the store' },
        ]),
      );
    if (outcome === 'timeout') {
      throw new HttpProblem(
        problem(
          503,
          'READ_MODEL.BEHIND',
          'The read model has not caught up yet',
          `The ${runner.name} read model is behind position ${atLeast}; retry shortly`,
        ),
        { 'Retry-After': '1' },
      );
    }
  }

  private runner(name: string): CheckpointedSubscriptionRunner {
    const runner = this.subscriptions.runners.find((r) => r.name === name);
    if (!runner) throw new Error(`No read model named ${name}`);
    return runner;
  }
}
