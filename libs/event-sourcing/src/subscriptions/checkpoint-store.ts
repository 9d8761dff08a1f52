import { Position } from '../store';

/** One consumer's position, as `commitAll` records it. */
export interface ConsumerCheckpoint {
  readonly consumer: string;
  readonly position: Position;
}

/** Where a named consumer records how far it has processed the global stream. */
export interface CheckpointStore {
  load(consumer: string): Promise<Position | null>;
  /**
   * Records `position` for `consumer`. `work` (synchronous) runs first in the same transaction,
   * so what it writes and the checkpoint are committed together or not at all.
   */
  commit(consumer: string, position: Position, work?: () => void): Promise<void>;
  /**
   * Records several consumers' positions, `work` first, all in one transaction: what it writes and
   * every one of these checkpoints are committed together or not at all (a rebuild moves all its
   * projections over the same batch of events at once).
   */
  commitAll(checkpoints: readonly ConsumerCheckpoint[], work?: () => void): Promise<void>;
  /** Forgets a consumer's checkpoint, so it starts again from the beginning (rebuilds). */
  reset(consumer: string): Promise<void>;
  /**
   * True when a `work` that throws leaves nothing behind: the store runs it in a transaction that is
   * rolled back (SQLite). Only then may a runner apply several events under one commit, since a
   * failed batch is undone whole and can be replayed one event at a time. The in-memory store cannot
   * undo what a projection wrote, so it leaves this unset and its runners commit event by event.
   */
  readonly rollsBackWork?: boolean;
}

export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, Position>();

  async load(consumer: string): Promise<Position | null> {
    return this.positions.get(consumer) ?? null;
  }

  async commit(consumer: string, position: Position, work?: () => void): Promise<void> {
    work?.();
    this.positions.set(consumer, position);
  }

  async commitAll(checkpoints: readonly ConsumerCheckpoint[], work?: () => void): Promise<void> {
    work?.();
    for (const { consumer, position } of checkpoints) this.positions.set(consumer, position);
  }

  async reset(consumer: string): Promise<void> {
    this.positions.delete(consumer);
  }
}
