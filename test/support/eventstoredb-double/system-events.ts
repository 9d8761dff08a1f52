/**
 * The events a node writes by itself, so that the double's `$all` holds what a real one does and an
 * adapter that forgets to skip them fails here (EventStore v25.0.0 sources cited per event). Data are
 * JSON in the server's shape (Newtonsoft, camelCase: EventStore.Common/Utils/Json.cs), values
 * invented where a real node's would be secret or random (hashes, ids).
 *
 * At start, as a fresh node that becomes leader:
 * - an epoch record (a system record, no event) and a `$epoch-information` event in the stream of
 *   that name (Services/Storage/EpochManager/EpochManager.cs `WriteEpochInformationWithRetry`) —
 *   hidden from `$all` reads by DefaultAllFilter, but it takes a position and a filtered read
 *   counts it among the events it considered;
 * - on a secure node, the default users `admin` and `ops` (Authentication/InternalAuthentication/
 *   UserManagementService.cs `CreateAdminUser` / `CreateOperationsUser`): for each, the ACL of its
 *   stream (`$metadata` in `$$$user-<name>`), `$UserCreated` in `$user-<name>`, and `$User` in
 *   `$users` (not JSON: the login name).
 * With stats written to the database (`--stats-storage Stream`, formerly `WriteStatsToDb`;
 * Services/Monitoring/MonitoringService.cs): the stats stream's `$maxAge` of ten days (`$metadata` in
 * `$$$stats-<endpoint>`) once, then `$statsCollected` in `$stats-<endpoint>` every stats period
 * (30 s by default) — live system events in the middle of the application's own.
 * A client's metadata write needs nothing here: the client itself appends `$metadata` to `$$<stream>`.
 */
import { randomUUID } from 'node:crypto';
import type { InMemoryLog } from './log';

/** A stand-in for the epoch record's size in the log (a LogV2 system record). */
const EPOCH_RECORD_SIZE = 128n;
const TEN_DAYS_SECONDS = 10 * 24 * 60 * 60;

/**
 * The start of a fresh node's log: the epoch record, always (a log never starts with an event: no
 * event is at position 0), then — `events` — the events a secure node writes by itself.
 */
export function writeStartUp(log: InMemoryLog, options: { readonly events: boolean }): void {
  const epochPosition = log.nextRecordPosition;
  log.writeSystemRecord(EPOCH_RECORD_SIZE);
  if (!options.events) return;
  write(log, '$epoch-information', '$epoch-information', {
    epochPosition: Number(epochPosition),
    epochNumber: 0,
    epochId: randomUUID(),
    prevEpochPosition: -1,
    timeStamp: new Date().toISOString(),
    leaderInstanceId: randomUUID(),
  });
  createUser(log, 'admin', 'KurrentDB Administrator', '$admins');
  createUser(log, 'ops', 'KurrentDB Operations', '$ops');
}

function createUser(log: InMemoryLog, loginName: string, fullName: string, group: string): void {
  write(log, `$$$user-${loginName}`, '$metadata', { $acl: { $w: '$admins', $d: '$admins', $mw: '$admins' } });
  write(log, `$user-${loginName}`, '$UserCreated', {
    loginName,
    fullName,
    groups: [group],
    hash: 'not-a-real-hash',
    salt: 'not-a-real-salt',
    disabled: false,
  });
  write(log, '$users', '$User', loginName, false);
}

/** The stats stream of a node: `$stats-<http endpoint>`. */
export class NodeStats {
  private created = false;

  constructor(
    private readonly log: InMemoryLog,
    private readonly endpoint: string,
  ) {}

  get streamName(): string {
    return `$stats-${this.endpoint}`;
  }

  /** One collection: the stream's metadata first (once), then a `$statsCollected`. */
  collect(): void {
    if (!this.created) {
      this.created = true;
      write(this.log, `$$${this.streamName}`, '$metadata', { $maxAge: TEN_DAYS_SECONDS });
    }
    write(this.log, this.streamName, '$statsCollected', {
      'proc-startTime': new Date(0).toISOString(),
      'proc-mem': process.memoryUsage().rss,
      'sys-freeMem': 0,
      timestamp: new Date().toISOString(),
    });
  }
}

function write(target: InMemoryLog, streamName: string, type: string, data: unknown, isJson = true): void {
  const bytes = Buffer.from(isJson ? JSON.stringify(data) : String(data), 'utf8');
  target.append(streamName, { kind: 'any' }, [
    { id: randomUUID(), type, isJson, data: Uint8Array.from(bytes), customMetadata: new Uint8Array() },
  ]);
}
