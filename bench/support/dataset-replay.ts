/**
 * The replay benchmark's dataset: a SQLite events file of our own store (schema, hash chains and
 * all) holding exactly N events of real applications going through the workflow.
 *
 * How it is made, fast:
 * 1. The CLI's seed (`npm run cli -- seed`, apps/cli/src/seed) plays a few hundred applications
 *    through the real workflow on a simulated clock: submitted, signed, deadline scheduled, review
 *    started or reassigned, reviewed, seats reserved or declined on the quota streams, included or
 *    refused, subsidies granted, SLA at risk, breached and escalated for some, withdrawn... Its
 *    events, in global order, are the template.
 * 2. The template is replicated with fresh ids: every UUID (application, event, command, correlation,
 *    causation) gets a copy-specific first group, every IIN a copy-specific serial with a valid check
 *    digit. Copies are interleaved event by event, so the history reads as one year in which every
 *    template application happened K times at once; the shared quota streams keep growing (their
 *    revisions continue; capacities are set once). ReviewDeadlineScheduled events of the first third
 *    of the year are stored as schema v1 (before `calendarProvisional`), so the upcaster runs too.
 * 3. Rows are written directly, positions in order, with the store's own hashing code
 *    (infra/event-store/sqlite/event-hash.ts), many rows per transaction; then the store's own
 *    verifier (`npm run cli -- verify`) checks every stream and chain hash of the result.
 *
 * Cached as bench/.data/replay-v<version>-<events>.sqlite beside a .json manifest (written last, so a
 * half-made file is never taken for a dataset). Generation runs in a child process of its own, so
 * that its memory never counts in the replay's peak RSS.
 */
import type { EventInsert } from '@infra/event-store/sqlite/sqlite-statements';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SEED_DEFAULTS, seedDemoData } from '../../apps/cli/src/seed/seed-command';
import { iinCheckDigit } from '../../apps/cli/src/seed/people';
import { chainHashOf, eventContent, streamHashOf } from '@infra/event-store/sqlite/event-hash';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { verifySqliteEventStore } from '@infra/audit/tamper-evidence/verify-sqlite-store';
import { BENCH_DATA, scratchDir } from './scratch';

/** Bump when the way the dataset is made changes: cached files of other versions are not reused. */
export const DATASET_VERSION = 2;

export interface DatasetManifest {
  readonly version: number;
  readonly events: number;
  readonly applications: number;
  readonly templateApplications: number;
  readonly templateEvents: number;
  readonly copies: number;
  readonly streams: number;
  readonly byType: Record<string, number>;
  /** Events stored at an older schema version (upcast on read). */
  readonly olderSchemaEvents: number;
  readonly fileBytes: number;
  readonly chainHead: string | null;
  readonly seconds: {
    readonly template: number;
    readonly write: number;
    readonly verify: number;
    readonly total: number;
  };
}

export interface ReplayDataset {
  readonly file: string;
  readonly manifest: DatasetManifest;
  /** True when this run made the file; false when it came from the cache. */
  readonly generatedNow: boolean;
}

export interface DatasetRequest {
  readonly events: number;
  /** How many applications the seed plays through the workflow to make the template. */
  readonly templateApplications: number;
}

export function datasetFile(request: DatasetRequest): string {
  return join(BENCH_DATA, `replay-v${DATASET_VERSION}-${request.events}-t${request.templateApplications}.sqlite`);
}

/** The cached dataset, or a new one made by a child process (its progress goes to stderr). */
export async function ensureReplayDataset(request: DatasetRequest): Promise<ReplayDataset> {
  const file = datasetFile(request);
  const cached = readManifest(file, request);
  if (cached) return { file, manifest: cached, generatedNow: false };
  const root = resolve(__dirname, '..', '..');
  const args = [
    '--require',
    join(root, 'test/support/swc-register.js'),
    __filename,
    '--events',
    String(request.events),
    '--template',
    String(request.templateApplications),
  ];
  await new Promise<void>((resolveChild, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolveChild() : reject(new Error(`dataset generation exited with ${code}`)),
    );
  });
  const made = readManifest(file, request);
  if (!made) throw new Error(`dataset generation left no manifest beside ${file}`);
  return { file, manifest: made, generatedNow: true };
}

function readManifest(file: string, request: DatasetRequest): DatasetManifest | undefined {
  if (!existsSync(file) || !existsSync(`${file}.json`)) return undefined;
  const manifest = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as DatasetManifest;
  return manifest.version === DATASET_VERSION &&
    manifest.events === request.events &&
    manifest.templateApplications === request.templateApplications
    ? manifest
    : undefined;
}

/** An event row of the template, as the store inserts it, and how it is copied. */
interface TemplateRow extends EventInsert {
  /** A stream every copy shares (a regional quota): its revisions continue from copy to copy. */
  readonly shared: boolean;
  /** The last event of a stream of its own: its running hash can be forgotten afterwards. */
  readonly lastOfStream: boolean;
}

const UUID_HEAD = /[0-9a-f]{8}(?=-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/g;
const IIN = /"(\d{7})(\d{4})\d"/g;

/** A copy's ids: the first 8 hex digits of every UUID XOR a copy-specific salt (version and variant bits untouched). */
function uuidRemapper(copy: number): (text: string) => string {
  const salt = Math.imul(copy + 1, 0x9e3779b1) >>> 0;
  const swap = (head: string): string => ((Number.parseInt(head, 16) ^ salt) >>> 0).toString(16).padStart(8, '0');
  return (text) => text.replace(UUID_HEAD, swap);
}

/** A copy's IINs: same birth date, century and sex, another serial, a valid check digit. */
function iinRemapper(copy: number): (text: string) => string {
  return (text) =>
    text.replace(IIN, (_, head: string, serial: string) => {
      for (let step = 0; step < 10_000; step++) {
        const first11 = `${head}${String((Number(serial) + 37 * (copy + 1) + step) % 10_000).padStart(4, '0')}`;
        const check = iinCheckDigit(first11);
        if (check !== null) return `"${first11}${check}"`;
      }
      throw new Error(`no valid IIN serial for ${head}`);
    });
}

/** Set once for the whole store, never per copy: the quota capacities and the law (its initial amendments). */
function onceOnly(row: TemplateRow): boolean {
  return row.shared && (row.type === 'QuotaCapacitySet' || row.streamId.startsWith('law-'));
}

const log = (line: string): void => void process.stderr.write(`  [dataset] ${line}\n`);

async function makeTemplate(applications: number, dir: string): Promise<TemplateRow[]> {
  const eventsFile = join(dir, 'template-events.sqlite');
  const env = {
    ...process.env,
    EVENT_STORE: 'sqlite',
    KANDAS_EVENTS_FILE: eventsFile,
    KANDAS_READ_MODELS_FILE: join(dir, 'template-read-models.sqlite'),
    SQLITE_SYNCHRONOUS: 'NORMAL',
  };
  const result = await seedDemoData(
    { applications, seed: SEED_DEFAULTS.seed, from: SEED_DEFAULTS.from, to: SEED_DEFAULTS.to, force: false, env },
    () => undefined,
  );
  if (result.kind !== 'seeded') throw new Error(`the seed refused: ${result.reason}`);
  if (result.report.parked > 0 || Object.keys(result.report.simulation.rejected).length > 0)
    throw new Error('the seed parked or rejected steps');
  const db = new Database(eventsFile, { readonly: true });
  try {
    const rows = db
      .prepare(
        'SELECT event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at FROM events ORDER BY position',
      )
      .all() as Array<{
      event_id: string;
      stream_id: string;
      revision: number;
      type: string;
      schema_version: number;
      data: string;
      metadata: string;
      recorded_at: string;
    }>;
    const lastIndex = new Map<string, number>();
    rows.forEach((row, index) => lastIndex.set(row.stream_id, index));
    const olderUntil = Math.floor(rows.length / 3);
    return rows.map((row, index) => {
      const shared = !/[0-9a-f]{8}-[0-9a-f]{4}-/.test(row.stream_id);
      let { data, schema_version: schemaVersion } = row;
      if (row.type === 'ReviewDeadlineScheduled' && schemaVersion === 2 && index < olderUntil) {
        // As written before v2 added `calendarProvisional` (the upcaster derives it again on read).
        const { calendarProvisional: _, ...v1 } = JSON.parse(data) as Record<string, unknown>;
        data = JSON.stringify(v1);
        schemaVersion = 1;
      }
      return {
        eventId: row.event_id,
        streamId: row.stream_id,
        shared,
        revision: row.revision,
        type: row.type,
        schemaVersion,
        data,
        metadata: row.metadata,
        recordedAt: row.recorded_at,
        lastOfStream: !shared && lastIndex.get(row.stream_id) === index,
      };
    });
  } finally {
    db.close();
  }
}

async function generate(request: DatasetRequest): Promise<void> {
  const file = datasetFile(request);
  const started = performance.now();
  const scratch = scratchDir('replay-template');
  try {
    log(`seeding ${request.templateApplications} applications through the workflow (the template)…`);
    const template = await makeTemplate(request.templateApplications, scratch.dir);
    const templateSeconds = (performance.now() - started) / 1000;
    const skippedInLaterCopies = template.filter(onceOnly).length;
    const perLaterCopy = template.length - skippedInLaterCopies;
    const copies =
      request.events <= template.length ? 1 : 1 + Math.ceil((request.events - template.length) / perLaterCopy);
    log(
      `template: ${template.length} events in ${templateSeconds.toFixed(1)} s; writing ${request.events.toLocaleString('en-US')} events as ${copies} interleaved copies…`,
    );

    const tmp = `${file}.tmp`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${tmp}${suffix}`, { force: true });
    await SqliteEventStore.open({ filename: tmp, synchronous: 'NORMAL' }).close(); // the store's schema, migrated
    const db = new Database(tmp);
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const insert = db.prepare(
      `INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, stream_hash, chain_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const uuids = Array.from({ length: copies }, (_, copy) => uuidRemapper(copy));
    const iins = Array.from({ length: copies }, (_, copy) => iinRemapper(copy));
    const streamHashes = new Map<string, string>();
    const sharedRevisions = new Map<string, number>();
    const byType: Record<string, number> = {};
    const streams = new Set<string>();
    let position = 0;
    let chain = '';
    let applications = 0;
    let olderSchemaEvents = 0;
    const writeStarted = performance.now();
    const BATCH = 20_000;
    db.exec('BEGIN');
    let lastLog = 0;
    outer: for (const row of template) {
      for (let copy = 0; copy < copies; copy++) {
        if (position >= request.events) break outer;
        if (copy > 0 && onceOnly(row)) continue;
        const remap = uuids[copy]!;
        const streamId = row.shared ? row.streamId : remap(row.streamId);
        let revision = row.revision;
        if (row.shared) {
          revision = (sharedRevisions.get(streamId) ?? -1) + 1;
          sharedRevisions.set(streamId, revision);
        }
        position += 1;
        const event = {
          eventId: remap(row.eventId),
          streamId,
          revision,
          position: BigInt(position),
          type: row.type,
          schemaVersion: row.schemaVersion,
          data: iins[copy]!(remap(row.data)),
          metadata: remap(row.metadata),
          recordedAt: row.recordedAt,
        };
        const streamHash = streamHashOf(revision === 0 ? '' : (streamHashes.get(streamId) ?? ''), eventContent(event));
        chain = chainHashOf(chain, streamHash);
        if (row.lastOfStream) streamHashes.delete(streamId);
        else streamHashes.set(streamId, streamHash);
        insert.run(
          event.position,
          event.eventId,
          streamId,
          revision,
          event.type,
          event.schemaVersion,
          event.data,
          event.metadata,
          event.recordedAt,
          streamHash,
          chain,
        );
        byType[row.type] = (byType[row.type] ?? 0) + 1;
        streams.add(streamId);
        if (row.type === 'ApplicationSubmitted') applications += 1;
        if (row.schemaVersion !== 2 && row.type === 'ReviewDeadlineScheduled') olderSchemaEvents += 1;
        if (position % BATCH === 0) {
          db.exec('COMMIT');
          db.exec('BEGIN');
          if (position - lastLog >= request.events / 10) {
            lastLog = position;
            const seconds = (performance.now() - writeStarted) / 1000;
            log(
              `${position.toLocaleString('en-US')} events written (${Math.round(position / seconds).toLocaleString('en-US')} ev/s)`,
            );
          }
        }
      }
    }
    db.exec('COMMIT');
    if (position !== request.events) throw new Error(`made ${position} events, not ${request.events}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    log(`written in ${writeSeconds.toFixed(1)} s; verifying every hash with the store's own verifier…`);

    const verifyStarted = performance.now();
    const verification = await verifySqliteEventStore(tmp);
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    if (!verification.ok)
      throw new Error(
        `the dataset does not verify: ${JSON.stringify({ brokenLinks: verification.brokenLinks, gaps: verification.gaps })}`,
      );
    if (verification.events !== request.events)
      throw new Error(`verified ${verification.events} events, not ${request.events}`);
    log(
      `verified ${verification.events.toLocaleString('en-US')} events in ${verifySeconds.toFixed(1)} s; chain head ${verification.lastChainHash}`,
    );

    for (const suffix of ['-wal', '-shm']) rmSync(`${tmp}${suffix}`, { force: true });
    renameSync(tmp, file);
    const manifest: DatasetManifest = {
      version: DATASET_VERSION,
      events: position,
      applications,
      templateApplications: request.templateApplications,
      templateEvents: template.length,
      copies,
      streams: streams.size,
      byType: Object.fromEntries(Object.entries(byType).sort(([, a], [, b]) => b - a)),
      olderSchemaEvents,
      fileBytes: statSync(file).size,
      chainHead: verification.lastChainHash,
      seconds: {
        template: templateSeconds,
        write: writeSeconds,
        verify: verifySeconds,
        total: (performance.now() - started) / 1000,
      },
    };
    writeFileSync(`${file}.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    log(
      `dataset ready: ${file} (${(manifest.fileBytes / 2 ** 20).toFixed(0)} MB, ${manifest.seconds.total.toFixed(1)} s in all)`,
    );
  } finally {
    scratch.dispose();
  }
}

if (require.main === module) {
  const value = (flag: string): number => Number(process.argv[process.argv.indexOf(flag) + 1]);
  generate({ events: value('--events'), templateApplications: value('--template') }).catch((error: unknown) => {
    process.stderr.write(
      `dataset generation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
