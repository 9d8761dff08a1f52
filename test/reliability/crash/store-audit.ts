import Database from 'better-sqlite3';
import { eventIdFor } from '@libs/event-sourcing';
import type { RecordedEvent } from '@libs/event-sourcing';
import { toRecordedEvent } from '@infra/event-store/sqlite/sqlite-statements';
import type { EventRow } from '@infra/event-store/sqlite/sqlite-statements';
import type { Ack } from './crash-client';

/** Every event of the SQLite store, in position order, through a read-only connection. */
export function readEvents(eventsFile: string): RecordedEvent[] {
  const db = new Database(eventsFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        'SELECT position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at FROM events ORDER BY position',
      )
      .safeIntegers()
      .all() as EventRow[];
    return rows.map(toRecordedEvent);
  } finally {
    db.close();
  }
}

export function byStream(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  return groupBy(events, (event) => event.streamId);
}

function groupBy(
  events: readonly RecordedEvent[],
  key: (event: RecordedEvent) => string,
): Map<string, RecordedEvent[]> {
  const groups = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const group = groups.get(key(event));
    if (group) group.push(event);
    else groups.set(key(event), [event]);
  }
  return groups;
}

export const applicationStream = (applicationId: string) => `application-${applicationId}`;

/** The fields of event data this audit reads, each only on the event types that carry it. */
interface Data {
  readonly applicationId: string;
  readonly atRiskAt: string;
  readonly dueAt: string;
  readonly kind: string;
  readonly capacity: number;
  readonly persons: number;
  readonly seatsTaken: number;
  readonly [field: string]: unknown;
}
const dataOf = (event: RecordedEvent): Data => event.data as Data;
export const count = (events: readonly RecordedEvent[], type: string, where: (data: Data) => boolean = () => true) =>
  events.filter((event) => event.type === type && where(dataOf(event))).length;

const DECISIONS = ['ApplicationIncluded', 'ApplicationRefused', 'ApplicationWithdrawn'];

/** One deadline that had not fired (and was not cancelled by a decision) when the store was looked at. */
export interface PendingDeadline {
  readonly applicationId: string;
  readonly kind: 'at-risk' | 'due';
  readonly fireAt: string;
  /** Its instant had passed on the test clock: the scheduler owed it already. */
  readonly due: boolean;
}

/**
 * The deadlines still pending in an application stream: scheduled, not fired, and not cancelled by
 * a decision (the same rule as the pending-deadlines projection: a breach ends both).
 */
export function pendingDeadlinesOf(events: readonly RecordedEvent[], clock: string): PendingDeadline[] {
  const pending: PendingDeadline[] = [];
  for (const [streamId, stream] of byStream(events)) {
    if (!streamId.startsWith('application-')) continue;
    const scheduled = stream.filter((event) => event.type === 'ReviewDeadlineScheduled').at(-1);
    if (!scheduled || stream.some((event) => DECISIONS.includes(event.type) || event.type === 'ReviewSlaBreached'))
      continue;
    const { applicationId, atRiskAt, dueAt } = dataOf(scheduled);
    const now = Date.parse(clock);
    if (!stream.some((event) => event.type === 'ReviewSlaAtRisk'))
      pending.push({ applicationId, kind: 'at-risk', fireAt: atRiskAt, due: Date.parse(atRiskAt) <= now });
    pending.push({ applicationId, kind: 'due', fireAt: dueAt, due: Date.parse(dueAt) <= now });
  }
  return pending;
}

/** The event a deadline fires: the at-risk warning or the breach. */
export const FIRED_BY = { 'at-risk': 'ReviewSlaAtRisk', due: 'ReviewSlaBreached' } as const;

export interface AckAudit {
  readonly checked: number;
  /** Acknowledged commands whose events are missing or differ from the answer. */
  readonly lost: string[];
}

/** Every 2xx command answer against the store: its events are there, under its command id, as answered. */
export function auditAcks(acks: readonly Ack[], events: readonly RecordedEvent[]): AckAudit {
  const byCommand = groupBy(events, (event) => event.metadata.commandId);
  const lost: string[] = [];
  for (const ack of acks) {
    const stored = byCommand.get(ack.commandId) ?? [];
    const last = stored.at(-1);
    const problem =
      ack.events.length === 0
        ? stored.length > 0
          ? `answered with no event but ${stored.length} are stored`
          : null
        : stored.length !== ack.events.length
          ? `answered ${ack.events.length} event(s) [${ack.events.join(', ')}], ${stored.length} stored`
          : stored.some((event, index) => event.type !== ack.events[index] || event.streamId !== ack.streamId)
            ? `stored [${stored.map((e) => `${e.streamId}:${e.type}`).join(', ')}] differ from the answer`
            : last!.revision !== ack.revision
              ? `answered revision ${ack.revision}, stored ${last!.revision}`
              : String(last!.position) !== ack.position
                ? `answered position ${ack.position}, stored ${last!.position}`
                : null;
    if (problem)
      lost.push(
        `${ack.label} (key ${ack.idempotencyKey}, command ${ack.commandId}, generation ${ack.generation}${ack.afterCrash ? ', after a crash' : ''}): ${problem}`,
      );
  }
  return { checked: acks.length, lost };
}

/**
 * No partial batch and no gap: the events of one command are one batch (one stream, ids
 * eventIdFor(commandId, 0..n-1), consecutive revisions and positions, one metadata and one
 * recording time), and every stream's revisions run 0, 1, 2, … without a hole.
 */
export function auditBatches(events: readonly RecordedEvent[]): string[] {
  const problems: string[] = [];
  const byCommand = groupBy(events, (event) => event.metadata.commandId);
  for (const [commandId, batch] of byCommand) {
    const where = `command ${commandId} (${batch.map((e) => `${e.type}@${e.streamId}#${e.revision}`).join(', ')})`;
    if (new Set(batch.map((e) => e.streamId)).size !== 1) problems.push(`${where}: spread over several streams`);
    const expectedIds = batch.map((_, index) => eventIdFor(commandId, index));
    if (batch.some((event, index) => event.eventId !== expectedIds[index]))
      problems.push(
        `${where}: event ids are not eventIdFor(command, 0..${batch.length - 1}) — a missing or foreign event`,
      );
    if (
      batch.some(
        (event, index) =>
          index > 0 &&
          (event.revision !== batch[index - 1]!.revision + 1 || event.position !== batch[index - 1]!.position + 1n),
      )
    ) {
      problems.push(`${where}: revisions or positions are not consecutive — not one batch`);
    }
    const metadata = JSON.stringify(batch[0]!.metadata);
    if (batch.some((event) => JSON.stringify(event.metadata) !== metadata || event.recordedAt !== batch[0]!.recordedAt))
      problems.push(`${where}: metadata or recording time differ inside the batch`);
  }
  for (const [streamId, stream] of byStream(events)) {
    const revisions = stream.map((event) => event.revision);
    if (revisions.some((revision, index) => revision !== index))
      problems.push(`stream ${streamId}: revisions [${revisions.join(', ')}] are not 0..${stream.length - 1}`);
  }
  return problems;
}

/** What the quota stream says: capacity, seats taken after each event (never above capacity). */
export interface QuotaAudit {
  readonly capacity: number;
  readonly seatsTaken: number;
  readonly maxSeatsTaken: number;
  readonly reservations: number;
  readonly declined: number;
  readonly problems: string[];
}

export function auditQuota(stream: readonly RecordedEvent[]): QuotaAudit {
  const problems: string[] = [];
  let capacity = 0;
  let taken = 0;
  let maxTaken = 0;
  const reserved = new Map<string, number>();
  const declined = new Map<string, number>();
  for (const event of stream) {
    const data = dataOf(event);
    switch (event.type) {
      case 'QuotaCapacitySet':
        capacity = data.capacity;
        break;
      case 'SeatsReserved':
        taken += data.persons;
        reserved.set(data.applicationId, (reserved.get(data.applicationId) ?? 0) + 1);
        if (data.seatsTaken !== taken)
          problems.push(
            `SeatsReserved #${event.revision} says ${data.seatsTaken} seats taken, the stream sums ${taken}`,
          );
        break;
      case 'SeatsReleased':
        taken -= data.persons;
        break;
      case 'SeatReservationDeclined':
        declined.set(data.applicationId, (declined.get(data.applicationId) ?? 0) + 1);
        break;
    }
    maxTaken = Math.max(maxTaken, taken);
    if (taken > capacity)
      problems.push(
        `after ${event.type} #${event.revision} the quota holds ${taken} persons for a capacity of ${capacity}`,
      );
  }
  for (const [applicationId, times] of [...reserved, ...declined])
    if (times > 1) problems.push(`application ${applicationId} answered ${times} times by the quota`);
  return {
    capacity,
    seatsTaken: taken,
    maxSeatsTaken: maxTaken,
    reservations: reserved.size,
    declined: declined.size,
    problems,
  };
}

/** Event types an application may hold at most once (a second one is a duplicate effect). */
export const AT_MOST_ONCE = [
  'ApplicationSubmitted',
  'ApplicationSigned',
  'ReviewDeadlineScheduled',
  'ReviewStarted',
  'ApplicationReviewed',
  'ReviewSlaAtRisk',
  'ReviewSlaBreached',
  'ReviewEscalated',
];

/** Event types a complaint may cause at most once each (its filing, its answer). */
const ONCE_PER_COMPLAINT = ['ComplaintFiled', 'ComplaintSatisfied', 'ComplaintRejected'];

/** Duplicated effects in an application stream: a type twice, a decision or a subsidy kind more often than allowed, a complaint answered twice. */
export function duplicatesIn(stream: readonly RecordedEvent[]): string[] {
  const found: string[] = [];
  for (const type of AT_MOST_ONCE) {
    const n = count(stream, type);
    if (n > 1) found.push(`${type} ×${n}`);
  }
  // A decision is made once, and once more after each revocation (ADR 32), never more.
  const decisions = stream.filter((event) => DECISIONS.includes(event.type)).length;
  const revocations = count(stream, 'DecisionRevoked');
  if (decisions > revocations + 1) found.push(`${decisions} decisions for ${revocations} revocation(s)`);
  const inclusions = count(stream, 'ApplicationIncluded');
  for (const kind of ['relocation', 'rent']) {
    const n = count(stream, 'SubsidyGranted', (data) => data.kind === kind);
    if (n > inclusions) found.push(`${kind} subsidy paid ×${n} for ${inclusions} inclusion(s)`);
  }
  for (const type of ONCE_PER_COMPLAINT) {
    const ids = stream.filter((e) => e.type === type).map((e) => (e.data as { complaintId: string }).complaintId);
    if (new Set(ids).size < ids.length) found.push(`${type} twice for one complaint`);
  }
  const answers = count(stream, 'ComplaintSatisfied') + count(stream, 'ComplaintRejected');
  if (answers > count(stream, 'ComplaintFiled')) found.push(`${answers} complaint answers for fewer complaints`);
  if (revocations > count(stream, 'ComplaintSatisfied') + count(stream, 'AuthorityDecisionRecorded'))
    found.push(`${revocations} revocations without as many satisfied complaints`);
  return found;
}
