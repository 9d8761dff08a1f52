import { Position } from '../store';

export interface ParkedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

/** An event a consumer gave up on: it is skipped so others keep flowing, until an operator retries it. */
export interface DeadLetter {
  readonly consumer: string;
  readonly eventId: string;
  readonly position: Position;
  readonly streamId: string;
  readonly type: string;
  readonly error: ParkedError;
  readonly attempts: number;
  readonly parkedAt: string;
  readonly status: 'parked' | 'resolved';
  readonly resolvedAt: string | null;
}

export type NewDeadLetter = Omit<DeadLetter, 'status' | 'resolvedAt'>;

export interface DeadLetterStore {
  /** Parks an event, or updates the entry when the same event fails again (after a retry). */
  park(letter: NewDeadLetter): Promise<void>;
  list(filter?: { consumer?: string; status?: DeadLetter['status'] }): Promise<DeadLetter[]>;
  get(consumer: string, eventId: string): Promise<DeadLetter | null>;
  resolve(consumer: string, eventId: string, at: string): Promise<void>;
}

export function describeError(error: unknown): ParkedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'NonError', message: String(error) };
}

export class InMemoryDeadLetterStore implements DeadLetterStore {
  private readonly letters = new Map<string, DeadLetter>();

  async park(letter: NewDeadLetter): Promise<void> {
    this.letters.set(`${letter.consumer}/${letter.eventId}`, { ...letter, status: 'parked', resolvedAt: null });
  }

  async list(filter: { consumer?: string; status?: DeadLetter['status'] } = {}): Promise<DeadLetter[]> {
    return [...this.letters.values()]
      .filter(
        (l) =>
          (filter.consumer ? l.consumer === filter.consumer : true) &&
          (filter.status ? l.status === filter.status : true),
      )
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }

  async get(consumer: string, eventId: string): Promise<DeadLetter | null> {
    return this.letters.get(`${consumer}/${eventId}`) ?? null;
  }

  async resolve(consumer: string, eventId: string, at: string): Promise<void> {
    const letter = this.letters.get(`${consumer}/${eventId}`);
    if (letter) this.letters.set(`${consumer}/${eventId}`, { ...letter, status: 'resolved', resolvedAt: at });
  }
}
