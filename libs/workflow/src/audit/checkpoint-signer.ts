import { Logger } from '@nestjs/common';
import type { Clock } from '@libs/event-sourcing';
import { verifyDetached } from '@libs/auth';
import {
  checkpointSigningText,
  type ChainHead,
  type CheckpointLog,
  type SignedCheckpoint,
  type UnsignedCheckpoint,
} from './checkpoint';

/** Reads the head of one store's hash chain; each adapter has its own (ADR 24). */
export interface ChainHeadSource {
  /** 'sqlite' or 'eventstoredb': recorded in the checkpoint, so a verifier knows which chain it anchors. */
  readonly store: string;
  /** The head now, or undefined while the store is empty. */
  head(): Promise<ChainHead | undefined>;
  /** The chain hash at a position, or undefined when the store holds no event there. */
  chainHashAt(position: string): Promise<string | undefined>;
}

/** What signs a checkpoint: the service's Ed25519 key (libs/auth `ServiceSigningKey`). */
export interface CheckpointKey {
  readonly keyId: string;
  readonly publicKeyPem: string;
  sign(text: string): string;
}

/** Nest token of the store's chain-head source (the service's signing key is SERVICE_SIGNING_KEY, in tokens.ts). */
export const CHAIN_HEAD_SOURCE = Symbol('CHAIN_HEAD_SOURCE');

export type CheckpointTrigger = 'interval' | 'on-demand' | 'shutdown';

/** The store held no event: there is no head to sign. */
export class NothingToCheckpointError extends Error {
  readonly code = 'AUDIT.NOTHING_TO_CHECKPOINT';
  constructor() {
    super('The event store is empty: there is no chain head to sign');
    this.name = 'NothingToCheckpointError';
  }
}

/**
 * The store no longer holds the head of the latest checkpoint (or that checkpoint's signature fails):
 * signing the head now would anchor a truncated or rewritten history, so nothing is signed.
 */
export class CheckpointDivergesError extends Error {
  readonly code = 'AUDIT.CHECKPOINT_DIVERGES';
  constructor(detail: string) {
    super(`No checkpoint signed: ${detail}; run verify`);
    this.name = 'CheckpointDivergesError';
  }
}

/**
 * Signs the store's chain head with the service key and appends it to the checkpoint log, outside the
 * store — on demand, and on the interval when the head moved. Time comes from the injected clock:
 * `tick()` signs when the interval has passed since the last checkpoint, so tests move the clock and
 * call it; the service's timer only calls `tick()`. Signings are serialised: one log line at a time.
 * A new head is signed only over the latest checkpoint: the store must still hold that head, so a
 * truncation or a re-hash is never blessed by the next checkpoint.
 */
export class CheckpointSigner {
  private readonly logger = new Logger('CheckpointSigner');
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly source: ChainHeadSource,
    private readonly key: CheckpointKey,
    private readonly log: CheckpointLog,
    private readonly clock: Clock,
    /** 0: never on the interval (on demand only). */
    private readonly intervalMs: number,
  ) {}

  /** Signs the head now, whether or not it moved (an auditor's fresh receipt). */
  signNow(trigger: CheckpointTrigger = 'on-demand'): Promise<SignedCheckpoint> {
    return this.serialised(async () => {
      const head = await this.source.head();
      if (!head) throw new NothingToCheckpointError();
      await this.extendsLatest(await this.log.latest());
      return this.sign(head, trigger);
    });
  }

  /**
   * Signs when the interval has passed since the latest checkpoint and the head moved since it;
   * returns the checkpoint written, or undefined with nothing written.
   */
  tick(trigger: CheckpointTrigger = 'interval'): Promise<SignedCheckpoint | undefined> {
    if (this.intervalMs === 0 && trigger === 'interval') return Promise.resolve(undefined);
    return this.serialised(async () => {
      const latest = await this.log.latest();
      const now = this.clock.now();
      if (trigger === 'interval' && latest && now.getTime() - Date.parse(latest.signedAt) < this.intervalMs)
        return undefined;
      const head = await this.source.head();
      if (!head || (latest && sameHead(latest, head) && latest.store === this.source.store)) return undefined;
      await this.extendsLatest(latest);
      return this.sign(head, trigger);
    });
  }

  /** Production: looks at the clock every `min(interval, 30 s)`; a failure is logged and retried at the next look. */
  start(): void {
    if (this.intervalMs === 0) return;
    this.timer ??= setInterval(
      () => void this.tick().catch((error: Error) => this.logger.error(`Checkpoint not signed: ${error.message}`)),
      Math.min(this.intervalMs, 30_000),
    ).unref();
  }

  /** Stops the timer; when it ran, the head reached since the last checkpoint is signed once more. */
  async stop(): Promise<void> {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.tick('shutdown').catch((error: Error) =>
      this.logger.error(`Checkpoint at shutdown not signed: ${error.message}`),
    );
  }

  /** Throws unless the latest checkpoint of this store is genuine and the store still holds its head. */
  private async extendsLatest(latest: SignedCheckpoint | undefined): Promise<void> {
    if (!latest || latest.store !== this.source.store) return;
    if (
      latest.keyId === this.key.keyId &&
      !verifyDetached(this.key.publicKeyPem, checkpointSigningText(latest), latest.signature)
    )
      throw new CheckpointDivergesError(`the latest checkpoint (position ${latest.position}) has a bad signature`);
    const hash = await this.source.chainHashAt(latest.position);
    if (hash !== latest.headHash)
      throw new CheckpointDivergesError(
        hash === undefined
          ? `the store no longer holds position ${latest.position} of the latest checkpoint`
          : `the chain hash at position ${latest.position} is no longer the one the latest checkpoint signed`,
      );
  }

  private async sign(head: ChainHead, trigger: CheckpointTrigger): Promise<SignedCheckpoint> {
    const unsigned: UnsignedCheckpoint = {
      version: 1,
      store: this.source.store,
      position: head.position,
      events: head.events,
      headHash: head.headHash,
      signedAt: this.clock.now().toISOString(),
      trigger,
      keyId: this.key.keyId,
    };
    const checkpoint: SignedCheckpoint = { ...unsigned, signature: this.key.sign(checkpointSigningText(unsigned)) };
    await this.log.append(checkpoint);
    return checkpoint;
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function sameHead(a: ChainHead, b: ChainHead): boolean {
  return a.position === b.position && a.headHash === b.headHash && a.events === b.events;
}
