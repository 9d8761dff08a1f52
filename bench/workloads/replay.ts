/**
 * Replay (issue 9, point 3): rebuild every read model from a store of 1,000,000 events through the
 * product's own rebuild path (`rebuildReadModels`, what `npm run cli -- rebuild` runs), into a fresh
 * read-models file; events per second and the peak RSS of this process (it must stream).
 *
 * The dataset (support/dataset-replay.ts) is made once by a child process and cached under
 * bench/.data; its generation time is reported on its own, never mixed with the rebuild's. The
 * same rebuild is then run by the compiled CLI in a process of its own (support/cli-rebuild.ts):
 * its peak RSS is the product's; this process's includes the bench harness.
 */
import { join } from 'node:path';
import { EventTypeRegistry } from '@libs/event-sourcing';
import { DISCLOSURE_EVENT_TYPES, WORKFLOW_EVENT_TYPES } from '@libs/workflow';
import { rebuildReadModels, RebuildProgress } from '@apps/composition-root';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { READ_MODEL_TABLES, SqliteCheckpointStore } from '@infra/read-models';
import { openSqlite } from '@infra/sqlite/connection';
import { rebuildWithTheCli } from '../support/cli-rebuild';
import { ensureReplayDataset } from '../support/dataset-replay';
import { peakRssMb } from '../support/memory';
import { emitReport } from '../support/result';
import { isQuick, scratchDir } from '../support/scratch';

const quick = isQuick();
const SETUP = {
  events: quick ? 20_000 : 1_000_000,
  /** Applications the CLI's seed plays through the workflow to make the dataset's template. */
  templateApplications: quick ? 50 : 400,
  /** The store and the read-models file are opened with the runtime configuration's defaults, as the CLI does. */
  connections: 'readRuntimeConfig({}) defaults',
};

async function main(): Promise<void> {
  const dataset = await ensureReplayDataset({ events: SETUP.events, templateApplications: SETUP.templateApplications });
  const { manifest } = dataset;
  process.stdout.write(
    `dataset ${dataset.generatedNow ? 'generated' : 'cached'}: ${manifest.events.toLocaleString('en-US')} events, ` +
      `${manifest.applications.toLocaleString('en-US')} applications, ${(manifest.fileBytes / 2 ** 20).toFixed(0)} MB; ` +
      `generation took ${manifest.seconds.total.toFixed(1)} s (template ${manifest.seconds.template.toFixed(1)} s, write ${manifest.seconds.write.toFixed(1)} s, verify ${manifest.seconds.verify.toFixed(1)} s)\n`,
  );

  // As the CLI opens them (apps/cli → WorkflowModule): the runtime configuration's defaults.
  const runtime = readRuntimeConfig({});
  const scratch = scratchDir('replay');
  const store = SqliteEventStore.open({
    filename: dataset.file,
    synchronous: runtime.sqliteSynchronous,
    busyTimeoutMs: runtime.sqliteBusyTimeoutMs,
  });
  const db = openSqlite({
    filename: join(scratch.dir, 'read-models.sqlite'),
    synchronous: runtime.sqliteSynchronous,
    busyTimeoutMs: runtime.sqliteBusyTimeoutMs,
  });
  const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES).registerAll(DISCLOSURE_EVENT_TYPES);
  const rssBeforeMb = peakRssMb();
  try {
    let lastDecile = -1;
    const onProgress = (p: RebuildProgress): void => {
      const decile = p.total === 0 ? 10 : Math.floor((p.processed / p.total) * 10);
      if (decile <= lastDecile) return;
      lastDecile = decile;
      process.stdout.write(
        `  ${p.processed.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} events, ${Math.round(p.ratePerSecond).toLocaleString('en-US')} ev/s, RSS peak ${peakRssMb().toFixed(0)} MB\n`,
      );
    };
    const started = performance.now();
    const result = await rebuildReadModels({
      store,
      registry,
      db,
      checkpoints: new SqliteCheckpointStore(db),
      onProgress,
      progressIntervalMs: 1000,
    });
    const seconds = (performance.now() - started) / 1000;
    const peak = peakRssMb();
    if (result.events !== manifest.events)
      throw new Error(`the rebuild replayed ${result.events} events, the dataset holds ${manifest.events}`);
    const rows: Record<string, number> = Object.fromEntries(
      Object.values(READ_MODEL_TABLES)
        .flat()
        .map((table) => [table, db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number]),
    );
    const rate = result.events / seconds;

    // The floor of any replay through the store's port: read and decode every event, apply nothing.
    const readStarted = performance.now();
    let read = 0;
    for await (const _ of store.readAll()) read += 1;
    const readSeconds = (performance.now() - readStarted) / 1000;

    // The same rebuild as an operator runs it: the compiled CLI, in a process of its own.
    const cli = await rebuildWithTheCli(dataset.file, join(scratch.dir, 'read-models-cli.sqlite'));
    if (JSON.stringify(cli.digests) !== JSON.stringify(result.digests))
      throw new Error('the CLI rebuilt other read models than rebuildReadModels did');
    process.stdout.write(
      `rebuilt ${result.events.toLocaleString('en-US')} events in ${seconds.toFixed(2)} s: ${Math.round(rate).toLocaleString('en-US')} ev/s, peak RSS ${peak.toFixed(0)} MB ` +
        `(${rssBeforeMb.toFixed(0)} MB before); count ${result.timings.count.toFixed(2)} s, replay ${result.timings.replay.toFixed(2)} s, ` +
        `indexes ${result.timings.indexes.toFixed(2)} s, digests ${result.timings.digests.toFixed(2)} s; reading alone ${readSeconds.toFixed(2)} s\n` +
        `the CLI: ${Math.round(cli.events / cli.seconds).toLocaleString('en-US')} ev/s, peak RSS ${cli.peakRssMb.toFixed(0)} MB, same digests\n`,
    );
    emitReport({
      workload: 'replay',
      setup: {
        ...SETUP,
        dataset: {
          file: dataset.file,
          generatedNow: dataset.generatedNow,
          applications: manifest.applications,
          streams: manifest.streams,
          copies: manifest.copies,
          templateEvents: manifest.templateEvents,
          olderSchemaEvents: manifest.olderSchemaEvents,
          fileMb: Math.round(manifest.fileBytes / 2 ** 20),
          byType: manifest.byType,
          generationSeconds: manifest.seconds,
        },
        readModelsSynchronous: runtime.sqliteSynchronous,
        note: 'the events file was just written or read, so it is likely in the OS page cache (a warm-cache figure)',
      },
      measurements: [
        {
          name: 'replay · rebuild all read models',
          subject: 'ours',
          value: rate,
          unit: 'events/s',
          better: 'higher',
          target: { value: 300_000, text: '≥ 300,000 events/s' },
          details: { events: result.events, seconds, timings: result.timings, rows, digests: result.digests },
        },
        {
          name: 'replay · read and decode only (store.readAll, no projection)',
          subject: 'ours (floor)',
          value: read / readSeconds,
          unit: 'events/s',
          better: 'higher',
          details: {
            events: read,
            seconds: readSeconds,
            note: 'what reading the events through the EventStore port costs before any projection work',
          },
        },
        {
          name: 'replay · rebuild all read models · npm run cli -- rebuild',
          subject: 'ours (the CLI)',
          value: cli.events / cli.seconds,
          unit: 'events/s',
          better: 'higher',
          details: { events: cli.events, seconds: cli.seconds, sameDigests: true },
        },
        {
          name: 'replay · peak RSS of the rebuilding process · npm run cli -- rebuild',
          subject: 'ours (the CLI)',
          value: cli.peakRssMb,
          unit: 'MB',
          better: 'lower',
          target: { value: 300, text: '< 300 MB' },
          details: { note: 'the compiled CLI as an operator runs it, in a process of its own; getrusage maxRSS' },
        },
        {
          name: 'replay · peak RSS of the rebuilding process · in the bench process',
          subject: 'ours (bench harness)',
          value: peak,
          unit: 'MB',
          better: 'lower',
          details: {
            rssBeforeRebuildMb: rssBeforeMb,
            note: 'not the product: node, the swc on-the-fly compiler of the bench harness and the loaded modules account for the RSS before the rebuild',
          },
        },
        {
          name: 'replay · dataset generation (not part of the replay)',
          subject: 'bench',
          value: manifest.seconds.total,
          unit: 's',
          better: 'lower',
          details: { ...manifest.seconds, cachedFromAnEarlierRun: !dataset.generatedNow },
        },
      ],
    });
  } finally {
    db.close();
    await store.close();
    scratch.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`replay failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
