import { Position } from '../store';

export interface ParkedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

/**
 * What a step waits for when a command was refused only because some data is not recorded yet (a
 * table of the law and the key it lacks: `{ table: 'mci', key: '2027-01-04' }`; ADR 23).
 */
export interface AwaitedData {
  readonly table: string;
  readonly key: string;
}

/** `waiting-for-data`: not a failure, an incident — the step runs again by itself when the data is recorded. */
export type DeadLetterStatus = 'parked' | 'waiting-for-data' | 'resolved';

/**
 * An event a consumer could not finish: parked (it gave up; skipped so others keep flowing, until an
 * operator retries it) or waiting for data (some of its commands wait until `awaiting` is recorded).
 */
export interface DeadLetter {
  readonly consumer: string;
  readonly eventId: string;
  readonly position: Position;
  readonly streamId: string;
  readonly type: string;
  readonly error: ParkedError;
  readonly attempts: number;
  readonly parkedAt: string;
  readonly status: DeadLetterStatus;
  readonly resolvedAt: string | null;
  /** What a waiting step waits for; null for a parked one. */
  readonly awaiting: AwaitedData | null;
}

export type NewDeadLetter = Omit<DeadLetter, 'status' | 'resolvedAt' | 'awaiting'>;

export interface DeadLetterStore {
  /** Parks an event, or updates the entry when the same event fails again (after a retry). */
  park(letter: NewDeadLetter): Promise<void>;
  /** Records that an event's step waits for data, or updates the entry when it waits again. */
  waitForData(letter: NewDeadLetter & { readonly awaiting: AwaitedData }): Promise<void>;
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
    this.letters.set(`${letter.consumer}/${letter.eventId}`, {
      ...letter,
      status: 'parked',
      resolvedAt: null,
      awaiting: null,
    });
  }

  async waitForData(letter: NewDeadLetter & { readonly awaiting: AwaitedData }): Promise<void> {
    this.letters.set(`${letter.consumer}/${letter.eventId}`, {
      ...letter,
      status: 'waiting-for-data',
      resolvedAt: null,
    });
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
