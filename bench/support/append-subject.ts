/**
 * What the append workload drives: one store behind the smallest interface all three subjects
 * (ours, raw better-sqlite3, Emmett) can honour, and the events they all receive — the same objects.
 */
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@libs/event-sourcing';
import { history } from '../../test/domain/application/fixtures';

export type Synchronous = 'FULL' | 'NORMAL';

export interface AppendSubject {
  /**
   * Appends the batch to the stream whose last revision (0-based, -1 when it holds no event) the
   * writer believes is `expectedRevision`; rejects when the stream is elsewhere.
   */
  append(streamId: string, events: readonly NewEvent[], expectedRevision: number): Promise<void>;
  /** Appends that failed for a reason that is not the writer's and were retried (timed, as a caller would). */
  retries?(): number;
  /** The connection settings the appends really ran with, read back from SQLite. */
  settings(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** How a subject is opened on a fresh file. */
export type OpenSubject = (filename: string, synchronous: Synchronous) => Promise<AppendSubject>;

/** The `data` of a real ApplicationReviewed (test/domain/application/fixtures.ts): 461 bytes of JSON. */
const REVIEWED = history.reviewed().at(-1)!;

export const PAYLOAD_EVENT_TYPE = REVIEWED.type;

/** One stream's planned appends: each entry is one append (a batch of 1 or more events). */
export interface StreamPlan {
  readonly streamId: string;
  readonly appends: NewEvent[][];
}

/**
 * `appends` appends of `batchSize` events, spread round-robin over `streams` streams named like
 * ours (`application-<uuid>`), so that consecutive appends go to different streams. Every event has
 * its own id and metadata as a command handler would give it (libs/event-sourcing/src/commands).
 */
export function planAppends(
  appends: number,
  streams: number,
  batchSize: number,
): { order: { stream: StreamPlan; index: number }[]; streams: StreamPlan[] } {
  const plans: StreamPlan[] = Array.from({ length: streams }, () => ({
    streamId: `application-${randomUUID()}`,
    appends: [],
  }));
  const order: { stream: StreamPlan; index: number }[] = [];
  for (let i = 0; i < appends; i++) {
    const stream = plans[i % streams]!;
    const applicationId = stream.streamId.slice('application-'.length);
    const commandId = randomUUID();
    const metadata = {
      correlationId: randomUUID(),
      causationId: commandId,
      commandId,
      actor: { id: 'reviewer-1', role: 'reviewer' },
      occurredAt: new Date(Date.UTC(2026, 2, 10, 6, 0, 0, i % 1000)).toISOString(),
    };
    const batch: NewEvent[] = Array.from({ length: batchSize }, () => ({
      eventId: randomUUID(),
      type: REVIEWED.type,
      schemaVersion: 1,
      data: { ...REVIEWED.data, applicationId },
      metadata,
    }));
    order.push({ stream, index: stream.appends.length });
    stream.appends.push(batch);
  }
  return { order, streams: plans };
}

/** Bytes of one event's data and metadata as JSON (what every subject stores, at least). */
export function payloadBytes(event: NewEvent): { data: number; metadata: number } {
  return {
    data: Buffer.byteLength(JSON.stringify(event.data)),
    metadata: Buffer.byteLength(JSON.stringify(event.metadata)),
  };
}
