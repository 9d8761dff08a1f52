/**
 * EventStoreDbWireDouble: a small TEST DOUBLE of a single EventStoreDB node speaking real gRPC on
 * 127.0.0.1, so that the real, unchanged `@eventstore/db-client` can append, read and subscribe in
 * CI where no EventStoreDB server runs. In memory, insecure, single node. See README.md for what it
 * implements and, as importantly, what it does not.
 */
import * as grpc from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { DEFAULT_MAX_APPEND_SIZE } from './append-size';
import { InMemoryLog } from './log';
import { OpenCall, streamsService } from './streams-service';
import { NodeStats, writeStartUp } from './system-events';

export interface WireDoubleOptions {
  /** Advertise BatchAppend in ServerFeatures (the client then appends through it, as with a real server); false: unary Append only. Default true. */
  batchAppend?: boolean;
  /** Position of the log's first record (the epoch record; events follow it); e.g. 2n ** 53n + 10n to prove positions above 2^53 survive. Default 0n. Positions grow by a record size (> 100 bytes, deterministic) like log offsets, never by 1. */
  firstPosition?: bigint;
  /**
   * Write at start the events a fresh secure node writes (system-events.ts): `$epoch-information`,
   * the default users' `$metadata`, `$UserCreated`, `$User`. Default true; false only for a test
   * about the double's own positions or pages (the log still starts with an epoch record).
   */
  systemEvents?: boolean;
  /** Write `$statsCollected` to `$stats-127.0.0.1:PORT` every so many ms, as a node with stats stored in the database does (every 30 s by default there). Default: never (see also `collectStats()`). */
  statsPeriodMs?: number;
  /** The server's `MaxAppendSize` in bytes (append-size.ts). Default 1 MiB, the server's default. */
  maxAppendSize?: number;
  /** Memory budget of the cache of committed event ids that `any` / `stream_exists` de-duplicate against (committed-events-cache.ts). Default 8 MiB, the server's. */
  committedEventsCacheBytes?: number;
}

/** The server whose behaviour the double follows (its sources are cited file by file). */
const SERVER_VERSION = '25.0.0 (EventStoreDbWireDouble)';

/**
 * Client settings for a machine that may be saturated (issue 14): the client's default 10 s call
 * deadline and 10 s keep-alive timeout are meant for a remote server, and on a loaded 2-core machine
 * a large read or a late ping answer could exceed them, dropping the connection (`14 UNAVAILABLE`).
 * Neither changes what a call returns, only how long the client waits for it.
 */
const PATIENT_CLIENT = 'defaultDeadline=120000&keepAliveTimeout=60000';
/** How long start() waits for the listener to complete a first HTTP/2 handshake. */
const READY_TIMEOUT_MS = 60_000;

/** Ports a double of this process listened on. */
const portsUsed = new Set<number>();

export class EventStoreDbWireDouble {
  private statsTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly server: grpc.Server,
    /** e.g. `esdb://127.0.0.1:PORT?tls=false` */
    readonly connectionString: string,
    private readonly open: Set<OpenCall>,
    private readonly log: InMemoryLog,
    private readonly stats: NodeStats,
  ) {}

  static async start(options: WireDoubleOptions = {}): Promise<EventStoreDbWireDouble> {
    const { batchAppend = true, firstPosition = 0n, systemEvents = true, statsPeriodMs } = options;
    const { maxAppendSize = DEFAULT_MAX_APPEND_SIZE, committedEventsCacheBytes } = options;
    if (firstPosition < 0n) throw new Error('firstPosition must be >= 0');
    if (statsPeriodMs !== undefined && !(statsPeriodMs > 0)) throw new Error('statsPeriodMs must be > 0');
    const log = new InMemoryLog(firstPosition, committedEventsCacheBytes);
    writeStartUp(log, { events: systemEvents });
    const open = new Set<OpenCall>();
    const server = new grpc.Server();
    server.addService(StreamsService, streamsService({ log, open, maxAppendSize }));
    server.addService(ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<SupportedMethods>) => {
        const methods = new SupportedMethods();
        methods.setEventStoreServerVersion(SERVER_VERSION);
        const advertised: Array<[string, string]> = [
          ['event_store.client.server_features.serverfeatures', 'getsupportedmethods'],
          ['event_store.client.streams.streams', 'read'],
          ['event_store.client.streams.streams', 'append'],
        ];
        if (batchAppend) advertised.push(['event_store.client.streams.streams', 'batchappend']);
        for (const [service, method] of advertised) {
          const supported = new SupportedMethod();
          supported.setServiceName(service);
          supported.setMethodName(method);
          methods.addMethods(supported);
        }
        callback(null, methods);
      },
    });
    const port = await bindFreshPort(server);
    await listening(port);
    const stats = new NodeStats(log, `127.0.0.1:${port}`);
    const double = new EventStoreDbWireDouble(
      server,
      `esdb://127.0.0.1:${port}?tls=false&${PATIENT_CLIENT}`,
      open,
      log,
      stats,
    );
    if (statsPeriodMs !== undefined) double.statsTimer = setInterval(() => stats.collect(), statsPeriodMs).unref();
    return double;
  }

  /** Writes one `$statsCollected` now (and the stats stream's metadata the first time), as the node's stats timer does. */
  collectStats(): void {
    this.stats.collect();
  }

  /**
   * Ends every open long-lived call (reads, subscriptions, the BatchAppend stream) with status
   * UNAVAILABLE, as a dropped connection would look to the client — for resubscribe tests. The
   * server keeps listening: the client's next call (it reconnects on UNAVAILABLE) works.
   */
  dropSubscriptions(): void {
    for (const call of [...this.open]) call.drop();
  }

  /**
   * Takes events out of `$all` as an operator's delete, `$tb` or `$maxCount` followed by a scavenge
   * would, for tamper-evidence tests; how many were taken. Stream reads still serve them (the double
   * has no stream metadata): only what reads `$all` sees the loss.
   */
  scavengeFromAll(taken: (event: { streamName: string; revision: bigint; position: bigint }) => boolean): number {
    return this.log.removeFromAll(taken);
  }

  /** Cuts every connection (grpc-js `forceShutdown`); the double cannot be restarted. */
  async stop(): Promise<void> {
    clearInterval(this.statsTimer);
    this.open.clear();
    this.server.forceShutdown();
  }
}

/**
 * Resolves once a client completes a connection to the port: a test's first call then finds a server
 * that answers, instead of racing its start on a busy machine (`No connection established`).
 */
async function listening(port: number): Promise<void> {
  const probe = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  try {
    await new Promise<void>((resolve, reject) =>
      probe.waitForReady(Date.now() + READY_TIMEOUT_MS, (error) => (error ? reject(error) : resolve())),
    );
  } finally {
    probe.close();
  }
}

/**
 * Binds to a port no earlier double of this process had. grpc-js pools connections by address
 * process-wide: a client of a new double on a port the OS handed out again could be given a stopped
 * double's connection, still failing and backing off, and its first call would fail at once with
 * `14 UNAVAILABLE: No connection established. Last error: null` (the flake of issue 14).
 */
async function bindFreshPort(server: grpc.Server): Promise<number> {
  const bind = (target: grpc.Server, port: number) =>
    new Promise<number>((resolve, reject) =>
      target.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
  // A used port the OS offers again is held by a placeholder while the next one is bound.
  const placeholders: grpc.Server[] = [];
  try {
    let port = await bind(server, 0);
    while (portsUsed.has(port)) {
      server.unbind(`127.0.0.1:${port}`);
      const placeholder = new grpc.Server();
      placeholders.push(placeholder);
      await bind(placeholder, port).catch(() => undefined);
      port = await bind(server, 0);
    }
    portsUsed.add(port);
    return port;
  } finally {
    for (const placeholder of placeholders) placeholder.forceShutdown();
  }
}
