/**
 * Issue 9 point 1 — appends with an expected revision: ours against raw better-sqlite3 (the physical
 * limit, same table and pragmas) and against Emmett's SQLite event store, on the same events.
 *
 *   1. single-event appends spread round-robin over many streams, one writer awaiting each append;
 *   2. 10-event batches over fewer streams, likewise.
 *
 * In each of 3 repetitions every subject gets a fresh file in bench/.data and is warmed up on streams
 * of its own; the subjects of one durability setting are then timed side by side, in interleaved
 * chunks (see runGroup). The median of the repetitions is reported, and the ratios the issue targets.
 * `KANDAS_BENCH_APPEND_SUBJECTS=ours,raw` runs only some subjects (a before/after of a change).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emitReport, Measurement } from '../support/result';
import { isQuick, scratchDir } from '../support/scratch';
import { millisSince, now, percentile, perSecond } from '../support/stats';
import {
  AppendSubject,
  OpenSubject,
  payloadBytes,
  PAYLOAD_EVENT_TYPE,
  planAppends,
  Synchronous,
} from '../support/append-subject';
import { openOurs, openRaw } from '../support/append-stores';

interface EmmettPeer {
  readonly openEmmett: OpenSubject;
  readonly openEmmettOneConnection: OpenSubject;
  emmettVersions(): Record<string, string>;
}

/** Loaded by path, so that the root tsconfig (CI, no bench deps) never follows it into Emmett. */
function loadEmmett(): EmmettPeer {
  const file = join(__dirname, '..', 'peers', 'emmett-append.ts');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require() by path on purpose: an import would lead tsc (CI, no bench deps installed) into Emmett
    return require(file) as EmmettPeer;
  } catch (error) {
    throw new Error(`cannot load ${file} (run \`npm install --prefix bench\`): ${(error as Error).message}`, {
      cause: error,
    });
  }
}

const quick = isQuick();
/** 3 as issue 9 asks; once with --quick, which only checks that the workload runs. */
const REPEATS = quick ? 1 : 3;
const WORKLOADS = {
  single: quick
    ? { appends: 60, streams: 6, batchSize: 1, warmupAppends: 12, warmupStreams: 4, chunk: 15 }
    : { appends: 10_000, streams: 1_000, batchSize: 1, warmupAppends: 1_000, warmupStreams: 100, chunk: 100 },
  batch: quick
    ? { appends: 12, streams: 4, batchSize: 10, warmupAppends: 4, warmupStreams: 4, chunk: 4 }
    : { appends: 2_000, streams: 200, batchSize: 10, warmupAppends: 200, warmupStreams: 20, chunk: 20 },
} as const;
type WorkloadName = keyof typeof WORKLOADS;

interface SubjectConfig {
  readonly key: string;
  readonly subject: string;
  readonly synchronous: Synchronous;
  readonly open: OpenSubject;
}

interface Run {
  readonly millis: number;
  readonly appendsPerSecond: number;
  readonly eventsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** User + system CPU time of the whole process (driver threads included) per event, in µs. */
  readonly cpuMicrosPerEvent: number;
  readonly settings: Record<string, unknown>;
  readonly refusedConflict: boolean;
  readonly retries: number;
}

/** One subject opened on its fresh file, warmed up, with what its timed appends have added up to. */
interface Open {
  readonly config: SubjectConfig;
  readonly subject: AppendSubject;
  readonly dispose: () => void;
  readonly latencies: number[];
  millis: number;
  cpuMicros: number;
  retries: number;
}

/**
 * One repetition of a group of subjects with the same durability: each on a fresh file, warmed up,
 * then timed in interleaved chunks (a chunk of one subject, then of the next, the order rotating from
 * chunk to chunk), each subject's clock running only during its own chunks. On a shared machine the
 * disk and the CPUs are not always as fast; interleaving gives every subject the same conditions, so
 * that the ratios compare the subjects and not the moments they ran at.
 */
async function runGroup(
  configs: readonly SubjectConfig[],
  workload: WorkloadName,
  rep: number,
): Promise<Map<string, Run>> {
  const sizes = WORKLOADS[workload];
  const { timed, warmup } = PLANS[workload];
  const opened: Open[] = [];
  try {
    for (const config of configs) {
      const scratch = scratchDir(`append-${workload}-${config.key}`);
      try {
        const subject = await config.open(join(scratch.dir, 'events.sqlite'), config.synchronous);
        opened.push({
          config,
          subject,
          dispose: () => scratch.dispose(),
          latencies: [],
          millis: 0,
          cpuMicros: 0,
          retries: 0,
        });
      } catch (error) {
        scratch.dispose();
        throw error;
      }
    }
    for (const { subject } of opened) await drive(subject, warmup.order, sizes.batchSize);
    (globalThis as { gc?: () => void }).gc?.();

    const chunk = sizes.chunk;
    for (let from = 0, round = 0; from < timed.order.length; from += chunk, round++) {
      const to = Math.min(from + chunk, timed.order.length);
      for (let k = 0; k < opened.length; k++) {
        const run = opened[(k + round + rep) % opened.length]!;
        const retriesBefore = run.subject.retries?.() ?? 0;
        const cpuBefore = process.cpuUsage();
        const start = now();
        for (let i = from; i < to; i++) {
          const { stream, index } = timed.order[i]!;
          const began = now();
          await run.subject.append(stream.streamId, stream.appends[index]!, index * sizes.batchSize - 1);
          run.latencies.push(millisSince(began));
        }
        run.millis += millisSince(start);
        const cpu = process.cpuUsage(cpuBefore);
        run.cpuMicros += cpu.user + cpu.system;
        run.retries += (run.subject.retries?.() ?? 0) - retriesBefore;
      }
    }

    const runs = new Map<string, Run>();
    for (const run of opened) {
      // After the clock: a writer that is behind must be refused (the timed appends, each at its exact
      // revision, already showed that every subject accepts a writer that is right).
      const { stream } = timed.order[0]!;
      const refusedConflict = await run.subject.append(stream.streamId, stream.appends[0]!, 0).then(
        () => false,
        () => true,
      );
      const events = timed.order.length * sizes.batchSize;
      const result: Run = {
        millis: run.millis,
        appendsPerSecond: perSecond(timed.order.length, run.millis),
        eventsPerSecond: perSecond(events, run.millis),
        p50: percentile(run.latencies, 50),
        p99: percentile(run.latencies, 99),
        cpuMicrosPerEvent: run.cpuMicros / events,
        settings: await run.subject.settings(),
        refusedConflict,
        retries: run.retries,
      };
      runs.set(run.config.key, result);
      process.stdout.write(
        `${workload} ${run.config.key} rep ${rep + 1}: ${Math.round(result.eventsPerSecond)} events/s, p50 ${result.p50.toFixed(3)} ms, p99 ${result.p99.toFixed(3)} ms, CPU ${result.cpuMicrosPerEvent.toFixed(1)} µs/event\n`,
      );
    }
    return runs;
  } finally {
    for (const run of opened) {
      await run.subject.close();
      run.dispose();
    }
  }
}

async function drive(
  subject: AppendSubject,
  order: ReturnType<typeof planAppends>['order'],
  batchSize: number,
): Promise<void> {
  for (const { stream, index } of order)
    await subject.append(stream.streamId, stream.appends[index]!, index * batchSize - 1);
}

/** The same events for every subject and every repetition (each run has a fresh file). */
const PLANS = Object.fromEntries(
  (Object.keys(WORKLOADS) as WorkloadName[]).map((name) => {
    const sizes = WORKLOADS[name];
    return [
      name,
      {
        timed: planAppends(sizes.appends, sizes.streams, sizes.batchSize),
        warmup: planAppends(sizes.warmupAppends, sizes.warmupStreams, sizes.batchSize),
      },
    ];
  }),
) as Record<WorkloadName, { timed: ReturnType<typeof planAppends>; warmup: ReturnType<typeof planAppends> }>;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function main(): Promise<void> {
  const emmett = loadEmmett();
  const all: SubjectConfig[] = [
    { key: 'ours', subject: 'ours', synchronous: 'FULL', open: openOurs },
    { key: 'raw', subject: 'raw better-sqlite3', synchronous: 'FULL', open: openRaw },
    { key: 'emmett', subject: 'emmett-sqlite', synchronous: 'FULL', open: emmett.openEmmett },
    {
      key: 'emmett-one-connection',
      subject: 'emmett-sqlite (one connection)',
      synchronous: 'FULL',
      open: emmett.openEmmettOneConnection,
    },
    { key: 'ours-normal', subject: 'ours · synchronous=NORMAL', synchronous: 'NORMAL', open: openOurs },
    { key: 'raw-normal', subject: 'raw better-sqlite3 · synchronous=NORMAL', synchronous: 'NORMAL', open: openRaw },
  ];
  // KANDAS_BENCH_APPEND_SUBJECTS=ours,raw (keys above) runs only those: for a before/after of a change to ours.
  const only = process.env.KANDAS_BENCH_APPEND_SUBJECTS?.split(',');
  const subjects = only ? all.filter((config) => only.includes(config.key)) : all;

  // FULL and NORMAL subjects are timed apart: a NORMAL subject's unsynced writes must not be flushed
  // by a FULL subject's fsync (ext4 commits its journal for every file at once).
  const groups = (['FULL', 'NORMAL'] as const)
    .map((synchronous) => subjects.filter((config) => config.synchronous === synchronous))
    .filter((group) => group.length > 0);
  const runs = new Map<string, Run[]>();
  for (const workload of Object.keys(WORKLOADS) as WorkloadName[]) {
    for (let rep = 0; rep < REPEATS; rep++) {
      for (const group of groups) {
        for (const [key, run] of await runGroup(group, workload, rep))
          runs.set(`${workload}:${key}`, [...(runs.get(`${workload}:${key}`) ?? []), run]);
      }
    }
  }

  const measurements: Measurement[] = [];
  const settings: Record<string, unknown> = {};
  for (const workload of Object.keys(WORKLOADS) as WorkloadName[]) {
    const sizes = WORKLOADS[workload];
    const name =
      workload === 'single'
        ? `append · 1 event × ${sizes.appends.toLocaleString('en-US')} over ${sizes.streams.toLocaleString('en-US')} streams`
        : `append · ${sizes.batchSize}-event batch × ${sizes.appends.toLocaleString('en-US')} over ${sizes.streams.toLocaleString('en-US')} streams`;
    const figure = (config: SubjectConfig, pick: (run: Run) => number) =>
      median(runs.get(`${workload}:${config.key}`)!.map(pick));
    for (const config of subjects) {
      const reps = runs.get(`${workload}:${config.key}`)!;
      settings[`${workload}:${config.key}`] = reps[0]!.settings;
      const details = {
        synchronous: config.synchronous,
        ...(config.synchronous === 'NORMAL'
          ? {
              note: 'synchronous=NORMAL: WAL synced at checkpoints only, not at each commit — the CPU cost apart from fsync, not the durability the service runs with',
            }
          : {}),
        runs: reps.map((run) => ({
          millis: round(run.millis),
          eventsPerSecond: round(run.eventsPerSecond),
          p50: round(run.p50, 4),
          p99: round(run.p99, 4),
          cpuMicrosPerEvent: round(run.cpuMicrosPerEvent),
          ...(run.retries > 0 ? { transientFailuresRetried: run.retries } : {}),
        })),
        refusedConflict: reps.every((run) => run.refusedConflict),
      };
      if (workload === 'single') {
        measurements.push({
          name,
          subject: config.subject,
          value: figure(config, (r) => r.appendsPerSecond),
          unit: 'appends/s',
          better: 'higher',
          details,
        });
      } else {
        measurements.push({
          name,
          subject: config.subject,
          value: figure(config, (r) => r.eventsPerSecond),
          unit: 'events/s',
          better: 'higher',
          details,
        });
        measurements.push({
          name,
          subject: config.subject,
          value: figure(config, (r) => r.appendsPerSecond),
          unit: 'batches/s',
          better: 'higher',
        });
      }
      const per = workload === 'single' ? 'append' : 'batch';
      measurements.push({
        name: `${name} · p50 latency per ${per}`,
        subject: config.subject,
        value: figure(config, (r) => r.p50),
        unit: 'ms',
        better: 'lower',
      });
      measurements.push({
        name: `${name} · p99 latency per ${per}`,
        subject: config.subject,
        value: figure(config, (r) => r.p99),
        unit: 'ms',
        better: 'lower',
      });
    }
    const rate = (key: string) => median(runs.get(`${workload}:${key}`)!.map((run) => run.eventsPerSecond));
    const pairedRatios = (a: string, b: string) =>
      runs
        .get(`${workload}:${a}`)!
        .map((run, i) => round(run.eventsPerSecond / runs.get(`${workload}:${b}`)![i]!.eventsPerSecond, 3));
    const ratio = (
      subject: string,
      a: string,
      b: string,
      target?: { value: number; text: string },
      note?: string,
    ): Measurement => ({
      name: `${name} · ratio`,
      subject,
      value: rate(a) / rate(b),
      unit: '×',
      better: 'higher',
      ...(target ? { target } : {}),
      details: {
        of: 'median events/s over median events/s',
        perRepetition: pairedRatios(a, b),
        ...(note ? { note } : {}),
      },
    });
    const ratios: [string, string, string, { value: number; text: string } | undefined, string | undefined][] = [
      ['ours / raw better-sqlite3', 'ours', 'raw', { value: 0.5, text: '≥ 0.5× raw' }, undefined],
      ['ours / emmett-sqlite', 'ours', 'emmett', { value: 2, text: '≥ 2× emmett' }, undefined],
      [
        'ours / emmett-sqlite (one connection)',
        'ours',
        'emmett-one-connection',
        undefined,
        "not the issue's subject (that is Emmett's public API, the row above): Emmett's own appendToStream on one connection kept open, so that the open/close of every call is not taken for the cost of its SQL. Both wait for one fsync per append, which caps any ratio at raw / emmett",
      ],
      [
        'ours / raw · synchronous=NORMAL',
        'ours-normal',
        'raw-normal',
        undefined,
        'both at synchronous=NORMAL: the CPU cost of ours over the limit, fsync aside',
      ],
    ];
    for (const [subject, a, b, target, note] of ratios) {
      if (runs.has(`${workload}:${a}`) && runs.has(`${workload}:${b}`))
        measurements.push(ratio(subject, a, b, target, note));
    }
  }

  const sampleStream = PLANS.single.timed.streams[0]!.streamId;
  const sample = PLANS.single.timed.streams[0]!.appends[0]![0]!;
  const bytes = payloadBytes(sample);
  emitReport({
    workload: 'append',
    measurements,
    setup: {
      quick,
      repeats: REPEATS,
      statistic:
        'median of the repetitions. In each repetition every subject has a fresh file in bench/.data and an untimed warm-up on streams of its own; then the subjects of one durability (FULL, then NORMAL apart) are timed in interleaved chunks of `chunk` appends, the order rotating, each clock running only during its own chunks, so that all meet the same machine load; per-repetition ratios are of subjects timed side by side',
      writer:
        'one writer awaiting each append (sequential), each append at the exact expected revision of its stream; consecutive appends go to different streams (round-robin)',
      sizes: WORKLOADS,
      payload: {
        eventType: PAYLOAD_EVENT_TYPE,
        source:
          "data of a real ApplicationReviewed (test/domain/application/fixtures.ts) with the stream's application id; metadata as a command handler gives it (correlation, causation, command ids, actor, occurredAt)",
        dataBytes: bytes.data,
        metadataBytes: bytes.metadata,
        // Emmett adds streamName, messageId and streamPosition to the metadata it stores.
        emmettMetadataBytes: Buffer.byteLength(
          JSON.stringify({
            streamName: sampleStream,
            messageId: sample.eventId,
            streamPosition: '1',
            ...sample.metadata,
          }),
        ),
      },
      pragmas: settings,
      durability:
        'ours and raw: openSqlite (busy_timeout 5000, journal_mode WAL, synchronous FULL or NORMAL as the row says). Emmett sets journal_mode=WAL itself and nothing else; its sqlite3 build defaults to synchronous FULL in WAL (SQLITE_DEFAULT_WAL_SYNCHRONOUS=2), read back in `pragmas`. The one-connection Emmett subject sets synchronous explicitly.',
      subjects: {
        ours: 'SqliteEventStore.open + append(streamId, events, { expectedRevision }) as the tree has it: validation, JSON.stringify, then in the IMMEDIATE transaction MAX(revision) of the stream, a lookup of every event id (idempotent retries), the previous hashes, per event one INSERT, its canonical content, two SHA-256 and one UPDATE setting stream_hash and chain_hash; COMMIT (with the group commit of sqlite-event-store.ts: the transaction is opened on the next turn of the event loop for every append called meanwhile, each in a SAVEPOINT)',
        raw: 'the same table (migration 1, no hash columns) and pragmas; BEGIN IMMEDIATE, SELECT MAX(revision) of the stream (an expected revision needs it: UNIQUE(stream_id, revision) refuses a writer that is behind, not one that is ahead), one prepared INSERT per event, COMMIT',
        emmett:
          'getSQLiteEventStore({ fileName }).appendToStream(stream, events, { expectedStreamVersion }) — per call: new sqlite3.Database, PRAGMA journal_mode=WAL, BEGIN IMMEDIATE, INSERT INTO emt_streams (new stream) or UPDATE emt_streams SET stream_position = stream_position + n … RETURNING, one multi-row INSERT INTO emt_messages … RETURNING, COMMIT, close',
        'emmett-one-connection':
          "the package's appendToStream(connection, …) on one sqliteConnection kept open with PRAGMA synchronous set: the same statements without the open/close",
      },
      cpu: "details.runs[].cpuMicrosPerEvent: user + system CPU time of the whole process (the sqlite3 driver threads included) during the subject's timed chunks, per event",
      emmettRetries:
        "Emmett 0.38.5 on sqlite3 5.1.7 now and then fails a COMMIT with SQLITE_BUSY 'SQL statements in progress' (it logs the error and rethrows); the subject retries such an append inside the timing, counted in details.runs[].transientFailuresRetried",
      versions: {
        node: process.version,
        'better-sqlite3': packageVersion(join(__dirname, '..', '..', 'node_modules', 'better-sqlite3')),
        ...emmett.emmettVersions(),
      },
    },
  });
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `append workload failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
