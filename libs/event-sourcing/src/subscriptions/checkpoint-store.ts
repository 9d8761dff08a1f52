import { Position } from '../store';

/** Where a named consumer records how far it has processed the global stream. */
export interface CheckpointStore {
  load(consumer: string): Promise<Position | null>;
  /**
   * Records `position` for `consumer`. `work` (synchronous) runs first in the same transaction,
   * so what it writes and the checkpoint are committed together or not at all.
   */
  commit(consumer: string, position: Position, work?: () => void): Promise<void>;
  /** Forgets a consumer's checkpoint, so it starts again from the beginning (rebuilds). */
  reset(consumer: string): Promise<void>;
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

  async reset(consumer: string): Promise<void> {
    this.positions.delete(consumer);
  }
}
