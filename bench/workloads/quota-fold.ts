/**
 * Quota fold (issue 14, part B): does the persistent map behind the quota state
 * (`domain/shared/persistent-map.ts`) pay at a realistic size? A region's quota stream of
 * **10,000 reservations** (plus the releases of refused and withdrawn families and the declines
 * once it is full) is folded with the real decider and with the same rules on plain Map/Set,
 * copied on write. A mutable Map inside the fold is not a candidate: the aggregate cache (ADR 12)
 * keeps a folded state and the next load evolves it, so evolve must not change a state it was given.
 *
 * Measured for each: the fold of the whole stream in memory; a command's load + decide on the
 * realistic path (the command handler's AggregateCache holds the fold, the load reads the event the
 * previous command appended); and a cold load + decide (after a restart or a cache eviction, or on
 * another instance), read from a SQLite store.
 */
import { join } from 'node:path';
import { Decider } from '@domain/shared/decider';
import {
  decideQuota,
  keyOf,
  QuotaCommand,
  QuotaEvent,
  QuotaKey,
  QuotaOrderRef,
  QuotaState,
  quotaStreamId,
  regionalQuotaDecider,
} from '@domain/quota';
import {
  AggregateCache,
  CommandContext,
  eventIdFor,
  EventTypeRegistry,
  KANDAS_NAMESPACE,
  loadAggregate,
  metadataFor,
  uuidV5,
} from '@libs/event-sourcing';
import { DISCLOSURE_EVENT_TYPES, WORKFLOW_EVENT_TYPES } from '@libs/workflow';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { SeededRandom } from '@libs/seeded-random';
import { peakRssMb } from '../support/memory';
import { emitReport, Measurement } from '../support/result';
import { isQuick, scratchDir } from '../support/scratch';
import { millisSince, now, percentile } from '../support/stats';

const quick = isQuick();
const SETUP = {
  reservations: quick ? 500 : 10_000,
  /** Families are 1 to 6 persons: the quota fills near the end, so the last large families are declined. */
  capacity: quick ? 1_300 : 27_000,
  /** Share of the held reservations released later (a refusal after review, a withdrawal). */
  releaseShare: 0.2,
  fullFolds: quick ? 2 : 5,
  commands: quick ? 20 : 300,
  coldLoads: quick ? 2 : 5,
  seed: 14,
};
const KEY: QuotaKey = { region: 'pavlodar', year: 2026, category: 'kandas' };
const ORDER: QuotaOrderRef = { number: '№ 1-bench', date: '2026-01-05' };

/** The same state with plain Map and Set, a new copy on every change. */
type PlainQuota =
  | { readonly status: 'unset'; readonly key: QuotaKey | null; readonly declined: ReadonlySet<string> }
  | {
      readonly status: 'open';
      readonly key: QuotaKey;
      readonly capacity: number;
      readonly order: QuotaOrderRef;
      readonly taken: number;
      readonly reservations: ReadonlyMap<string, number>;
      readonly declined: ReadonlySet<string>;
    };

function evolvePlain(state: PlainQuota, event: QuotaEvent): PlainQuota {
  switch (event.type) {
    case 'QuotaCapacitySet':
      if (state.status === 'open') return { ...state, capacity: event.data.capacity, order: event.data.order };
      return {
        status: 'open',
        key: keyOf(event.data),
        capacity: event.data.capacity,
        order: event.data.order,
        taken: 0,
        reservations: new Map(),
        declined: state.declined,
      };
    case 'SeatsReserved':
      if (state.status !== 'open') return state;
      return {
        ...state,
        taken: state.taken + event.data.persons,
        reservations: new Map(state.reservations).set(event.data.applicationId, event.data.persons),
      };
    case 'SeatReservationDeclined': {
      const declined = new Set(state.declined).add(event.data.applicationId);
      return state.status === 'open' ? { ...state, declined } : { ...state, key: keyOf(event.data), declined };
    }
    case 'SeatsReleased': {
      if (state.status !== 'open') return state;
      const reservations = new Map(state.reservations);
      reservations.delete(event.data.applicationId);
      return { ...state, taken: state.taken - event.data.persons, reservations };
    }
  }
}

/** decideQuota reads the maps with has/get only, which Map and Set answer as the persistent ones do. */
const plainDecider: Decider<QuotaCommand, QuotaEvent, PlainQuota> = {
  initialState: () => ({ status: 'unset', key: null, declined: new Set() }),
  evolve: evolvePlain,
  decide: (command, state) => decideQuota(command, state as unknown as QuotaState),
};

interface Variant {
  readonly subject: string;
  readonly decider: Decider<QuotaCommand, QuotaEvent, unknown>;
}
const VARIANTS: readonly Variant[] = [
  { subject: 'persistent map (hash trie)', decider: regionalQuotaDecider },
  { subject: 'plain Map/Set, copy on write', decider: plainDecider },
];

/** The stream, decided command by command with the real decider: capacity, then families ask and some give back. */
function quotaStream(): QuotaEvent[] {
  const random = new SeededRandom(SETUP.seed).next;
  const events: QuotaEvent[] = [];
  let state = regionalQuotaDecider.initialState();
  let clock = Date.parse('2026-01-12T04:00:00.000Z');
  const apply = (command: QuotaCommand) => {
    for (const event of regionalQuotaDecider.decide(command, state)) {
      events.push(event);
      state = regionalQuotaDecider.evolve(state, event);
    }
  };
  const at = () => new Date((clock += 60_000)).toISOString();
  apply({ type: 'SetQuotaCapacity', ...KEY, capacity: SETUP.capacity, order: ORDER, at: at() });
  const held: string[] = [];
  let asked = 0;
  for (let i = 0; i < SETUP.reservations;) {
    if (held.length > 0 && random() < SETUP.releaseShare / (1 + SETUP.releaseShare)) {
      const [applicationId] = held.splice(Math.floor(random() * held.length), 1);
      apply({
        type: 'ReleaseSeats',
        ...KEY,
        applicationId: applicationId!,
        reason: random() < 0.6 ? 'refused' : 'withdrawn',
        at: at(),
      });
      continue;
    }
    const applicationId = uuidV5(`quota-fold:${asked++}`, KANDAS_NAMESPACE);
    apply({ type: 'ReserveSeats', ...KEY, applicationId, persons: 1 + Math.floor(random() * 6), at: at() });
    if (state.status === 'open' && state.reservations.has(applicationId)) {
      held.push(applicationId);
      i++;
    }
  }
  return events;
}

function foldMs(decider: Decider<QuotaCommand, QuotaEvent, unknown>, events: readonly QuotaEvent[]): number {
  const started = now();
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return millisSince(started);
}

async function main(): Promise<void> {
  const events = quotaStream();
  const counts: Record<string, number> = {};
  for (const event of events) counts[event.type] = (counts[event.type] ?? 0) + 1;
  process.stdout.write(`quota stream: ${events.length} events ${JSON.stringify(counts)}\n`);

  const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES).registerAll(DISCLOSURE_EVENT_TYPES);
  const scratch = scratchDir('quota-fold');
  const store = SqliteEventStore.open({ filename: join(scratch.dir, 'events.sqlite'), synchronous: 'NORMAL' });
  const streamId = quotaStreamId(KEY.region, KEY.year, KEY.category);
  let revision = -1;
  let commandNo = 0;
  let clock = Date.parse('2026-06-01T04:00:00.000Z');
  const append = async (batch: readonly QuotaEvent[]) => {
    const commandId = uuidV5(`quota-fold:command:${commandNo++}`, KANDAS_NAMESPACE);
    const context: CommandContext = {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { id: 'review-saga', role: 'system' },
      now: new Date(clock),
    };
    const metadata = metadataFor(context);
    const rows = batch.map((event, index) => ({
      eventId: eventIdFor(commandId, index),
      type: event.type,
      schemaVersion: registry.currentVersion(event.type),
      data: event.data,
      metadata,
    }));
    await store.append(streamId, rows, { expectedRevision: revision === -1 ? 'no-stream' : revision });
    revision += batch.length;
  };
  try {
    for (let i = 0; i < events.length; i += 500) await append(events.slice(i, i + 500));

    const measurements: Measurement[] = [];
    const summary: Record<string, Record<string, number>> = {};
    for (const { subject, decider } of VARIANTS) {
      foldMs(decider, events);
      const folds = Array.from({ length: SETUP.fullFolds }, () => foldMs(decider, events));

      // The realistic path: the handler's cache holds the fold; each command reads what the previous appended.
      const cache = new AggregateCache();
      await loadAggregate(store, registry, streamId, decider, undefined, cache);
      const commands: number[] = [];
      for (let i = 0; i < SETUP.commands; i++) {
        clock += 60_000;
        const command: QuotaCommand = {
          type: 'ReserveSeats',
          ...KEY,
          applicationId: uuidV5(`quota-fold:${subject}:late:${i}`, KANDAS_NAMESPACE),
          persons: 1,
          at: new Date(clock).toISOString(),
        };
        const started = now();
        const loaded = await loadAggregate(store, registry, streamId, decider, undefined, cache);
        const decided = decider.decide(command, loaded.state);
        commands.push(millisSince(started));
        await append(decided);
      }

      const cold: number[] = [];
      for (let i = 0; i < SETUP.coldLoads; i++) {
        const command: QuotaCommand = {
          type: 'ReleaseSeats',
          ...KEY,
          applicationId: 'an application holding nothing',
          reason: 'withdrawn',
          at: new Date(clock).toISOString(),
        };
        const started = now();
        const loaded = await loadAggregate(store, registry, streamId, decider);
        decider.decide(command, loaded.state);
        cold.push(millisSince(started));
      }
      const figures = {
        foldP50Ms: percentile(folds, 50),
        commandP50Ms: percentile(commands, 50),
        commandP99Ms: percentile(commands, 99),
        coldP50Ms: percentile(cold, 50),
      };
      summary[subject] = figures;
      process.stdout.write(
        `${subject}: fold of ${events.length} events p50 ${figures.foldP50Ms.toFixed(2)} ms; command (cached load + decide) p50 ${figures.commandP50Ms.toFixed(3)} ms, ` +
          `p99 ${figures.commandP99Ms.toFixed(3)} ms; cold load + decide p50 ${figures.coldP50Ms.toFixed(1)} ms\n`,
      );
      const size = `${SETUP.reservations.toLocaleString('en')}-reservation quota`;
      measurements.push(
        {
          name: `quota fold · ${size} · whole stream in memory`,
          subject,
          value: figures.foldP50Ms,
          unit: 'ms',
          better: 'lower',
          details: { samples: folds },
        },
        {
          name: `quota command · ${size} · cached load + decide · p50`,
          subject,
          value: figures.commandP50Ms,
          unit: 'ms',
          better: 'lower',
          details: { p99Ms: figures.commandP99Ms },
        },
        {
          name: `quota command · ${size} · cold load + decide · p50`,
          subject,
          value: figures.coldP50Ms,
          unit: 'ms',
          better: 'lower',
          details: { samples: cold },
        },
      );
    }
    emitReport({
      workload: 'quota-fold',
      setup: {
        ...SETUP,
        streamEvents: counts,
        store: 'SqliteEventStore (NORMAL), loadAggregate',
        peakRssMb: Math.round(peakRssMb()),
      },
      measurements,
    });
  } finally {
    await store.close();
    scratch.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `quota-fold failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
