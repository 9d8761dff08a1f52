import { applicationDecider, applicationStreamId } from '@domain/application';
import { quotaStreamId, regionalQuotaDecider } from '@domain/quota';
import { ApplicantCategory, RegionCode } from '@domain/shared/region';
import type { Decider, DomainEvent, EventStore, EventTypeRegistry, RecordedEvent } from '@libs/event-sourcing';
import { diffJson, FieldChange, Json, toPlainJson } from './audit-json';

/** One stored event as an auditor reads it: every piece of metadata, the data upcast to today's schema. */
export interface AuditEntry {
  /** Global position, as a string (EventStoreDB positions exceed 2^53). */
  readonly position: string;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly data: Json;
}

/**
 * A point of a stream's life: exactly one of
 * - `revision`: the state after the event at that revision (inclusive);
 * - `at`: an ISO instant compared with each event's **`occurredAt`** — the service's own clock, the one
 *   every decision and deadline was taken with; the same on every store (EventStoreDB stamps
 *   `recordedAt` with its own clock). Appends to a stream are serialised, so occurredAt follows the
 *   stream's order. The fold takes the stream's prefix up to the last event that occurred at or
 *   before `at`.
 */
export interface PointInTime {
  readonly at?: string;
  readonly revision?: number;
}

export interface StateAsOf {
  readonly streamId: string;
  /** Last revision folded. */
  readonly revision: number;
  /** Global position of that event. */
  readonly position: string;
  /** `occurredAt` of that event. */
  readonly occurredAt: string;
  readonly state: Json;
}

export type StreamKind = 'application' | 'quota';

export interface StateDiff {
  readonly streamId: string;
  readonly from: { readonly revision: number; readonly position: string | null };
  readonly to: { readonly revision: number; readonly position: string | null };
  /** The events after `from` up to and including `to`. */
  readonly events: AuditEntry[];
  readonly changes: FieldChange[];
}

export class AuditStreamNotFoundError extends Error {
  readonly code = 'AUDIT.STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`No stream ${streamId}`);
    this.name = 'AuditStreamNotFoundError';
  }
}

/** The point given is not usable: both or neither of `at` and `revision`, a malformed instant, a bad range. */
export class InvalidAuditPointError extends Error {
  readonly code = 'AUDIT.INVALID_POINT';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'InvalidAuditPointError';
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 instant with its offset; null when it is not one. */
export function parseInstant(value: string): number | null {
  if (!ISO_INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Auditors' reading of the store: histories with their full metadata, what one correlation caused,
 * and the state of an application or a quota as it was at a revision or an instant. Read-only; it
 * folds with the same deciders and upcasters as the command side, so it shows what the code decided on.
 */
export class AuditTrail {
  constructor(
    private readonly store: EventStore,
    private readonly registry: EventTypeRegistry,
  ) {}

  /** Every event of the stream, upcast; throws AuditStreamNotFoundError when the stream holds none. */
  async history(streamId: string): Promise<AuditEntry[]> {
    const events = await this.read(streamId);
    return events.map(entryOf);
  }

  applicationHistory(applicationId: string): Promise<AuditEntry[]> {
    return this.history(applicationStreamId(applicationId));
  }

  /**
   * Everything a correlation caused, across streams, in global order. It scans the whole log
   * (`readAll`): fine for the volumes of one region's service; for a very large store an index by
   * correlation id (a projection) would be added. An unknown correlation answers an empty list.
   */
  async correlation(correlationId: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for await (const stored of this.store.readAll()) {
      if (stored.metadata.correlationId === correlationId) entries.push(entryOf(this.registry.upcast(stored)));
    }
    return entries;
  }

  /** The application's state at that point; null when it did not exist yet (or has no such revision). */
  applicationAsOf(applicationId: string, point: PointInTime): Promise<StateAsOf | null> {
    return this.asOf(applicationStreamId(applicationId), applicationDecider, point);
  }

  /** The quota's state at that point (reservations as an object, declined ids as a sorted array). */
  quotaAsOf(
    region: RegionCode,
    year: number,
    category: ApplicantCategory,
    point: PointInTime,
  ): Promise<StateAsOf | null> {
    return this.asOf(quotaStreamId(region, year, category), regionalQuotaDecider, point);
  }

  /**
   * The events between two points of an application (`kind: 'application'`, id = application id) or
   * a quota (`kind: 'quota'`, id = stream suffix `<region>-<year>-<category>`), and the fields that
   * changed. A `from` before the stream began compares with the initial state (revision -1).
   */
  async diff(kind: StreamKind, id: string, from: PointInTime, to: PointInTime): Promise<StateDiff> {
    const streamId = kind === 'application' ? applicationStreamId(id) : `regional-quota-${id}`;
    const decider = (kind === 'application' ? applicationDecider : regionalQuotaDecider) as Decider<
      unknown,
      DomainEvent,
      unknown
    >;
    const events = await this.read(streamId);
    const start = prefixLength(events, checkPoint(from, 'from'));
    const end = prefixLength(events, checkPoint(to, 'to'));
    if (end < start) throw new InvalidAuditPointError('to', 'is before from');
    const edge = (length: number) => ({
      revision: length === 0 ? -1 : events[length - 1]!.revision,
      position: length === 0 ? null : events[length - 1]!.position.toString(),
    });
    const before = toPlainJson(fold(decider, events.slice(0, start)));
    const after = toPlainJson(fold(decider, events.slice(0, end)));
    return {
      streamId,
      from: edge(start),
      to: edge(end),
      events: events.slice(start, end).map(entryOf),
      changes: diffJson(before, after),
    };
  }

  private async asOf<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    point: PointInTime,
  ): Promise<StateAsOf | null> {
    const checked = checkPoint(point, 'point');
    const events = await this.read(streamId);
    if (checked.revision !== undefined && checked.revision > events[events.length - 1]!.revision) return null;
    const length = prefixLength(events, checked);
    if (length === 0) return null;
    const last = events[length - 1]!;
    return {
      streamId,
      revision: last.revision,
      position: last.position.toString(),
      occurredAt: last.metadata.occurredAt,
      state: toPlainJson(fold(decider, events.slice(0, length))),
    };
  }

  private async read(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const stored of this.store.readStream(streamId)) events.push(this.registry.upcast(stored));
    if (events.length === 0) throw new AuditStreamNotFoundError(streamId);
    return events;
  }
}

interface CheckedPoint {
  readonly revision?: number;
  readonly atMs?: number;
}

function checkPoint(point: PointInTime, field: string): CheckedPoint {
  const hasAt = point.at !== undefined;
  const hasRevision = point.revision !== undefined;
  if (hasAt === hasRevision) throw new InvalidAuditPointError(field, 'needs exactly one of at and revision');
  if (hasRevision) {
    if (!Number.isSafeInteger(point.revision) || point.revision < 0)
      throw new InvalidAuditPointError(field, 'revision must be a whole number ≥ 0');
    return { revision: point.revision };
  }
  const atMs = parseInstant(point.at!);
  if (atMs === null) throw new InvalidAuditPointError(field, 'at must be an ISO-8601 instant with its offset');
  return { atMs };
}

/** How many events of the stream the point covers (a prefix: the log is in commit order). */
function prefixLength(events: readonly RecordedEvent[], point: CheckedPoint): number {
  let length = 0;
  for (const event of events) {
    const inside =
      point.revision !== undefined
        ? event.revision <= point.revision
        : Date.parse(event.metadata.occurredAt) <= point.atMs!;
    if (!inside) break;
    length++;
  }
  return length;
}

function fold(decider: Decider<unknown, DomainEvent, unknown>, events: readonly RecordedEvent[]): unknown {
  return events.reduce(
    (state, event) => decider.evolve(state, { type: event.type, data: event.data }),
    decider.initialState(),
  );
}

/** An event with all its metadata, as auditors read it (and exports write it). */
export function entryOf(event: RecordedEvent): AuditEntry {
  const { metadata } = event;
  return {
    position: event.position.toString(),
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: metadata.occurredAt,
    recordedAt: event.recordedAt,
    actor: { id: metadata.actor.id, role: metadata.actor.role },
    commandId: metadata.commandId,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    data: toPlainJson(event.data),
  };
}
