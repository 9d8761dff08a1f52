/**
 * The console benchmark's data: a store of N applications played through the real workflow by the
 * CLI's seed (`npm run cli -- seed --applications N`, the compiled CLI in a process of its own),
 * events and read models both, made once and cached under bench/.data.
 *
 * The cache is keyed by what decides its content and its shape: the seed's arguments, the seed's own
 * source files, the event store's migrations and the version of every read model's schema (read
 * from a rebuild into memory, so a schema bumped anywhere makes a new store). A folder is taken only
 * when its manifest is there, and the manifest is written last.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { EventTypeRegistry } from '@libs/event-sourcing';
import { WORKFLOW_EVENT_TYPES } from '@libs/workflow';
import { rebuildReadModels } from '@apps/composition-root';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { MIGRATIONS } from '@infra/event-store/sqlite/schema';
import { SqliteCheckpointStore } from '@infra/read-models';
import { BENCH_DATA, scratchDir } from '../support/scratch';

const ROOT = resolve(__dirname, '..', '..');
const SEED_SOURCES = join(ROOT, 'apps', 'cli', 'src', 'seed');
/** Bump when the way this store is made changes in a way the key below does not see. */
const STORE_VERSION = 1;

export interface SeedRequest {
  readonly applications: number;
  readonly seed: string;
}

export interface SeededStoreManifest {
  readonly key: Record<string, unknown>;
  readonly applications: number;
  readonly events: number;
  /** The seed's own summary (outcomes, events, commands, deadlines fired). */
  readonly seedSummary: string;
  readonly seconds: number;
  readonly eventsFileMb: number;
  readonly readModelsFileMb: number;
  readonly madeAt: string;
}

export interface SeededStore {
  /** The folder holding events.sqlite, read-models.sqlite and the development keys beside them. */
  readonly dir: string;
  readonly manifest: SeededStoreManifest;
  readonly generatedNow: boolean;
}

export const EVENTS_FILE = 'events.sqlite';
export const READ_MODELS_FILE = 'read-models.sqlite';

/** The cached store for `request`, or a new one made by the compiled CLI at `cli` (its main.js). */
export async function ensureSeededStore(request: SeedRequest, cli: string): Promise<SeededStore> {
  const key = await storeKey(request);
  const digest = createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 12);
  const dir = join(BENCH_DATA, `console-${request.applications}-${digest}`);
  const cached = readManifest(dir);
  if (cached) return { dir, manifest: cached, generatedNow: false };

  const scratch = scratchDir(`console-${request.applications}-seeding`);
  const started = performance.now();
  const output = await seedWithTheCli(request, cli, scratch.dir);
  const seconds = (performance.now() - started) / 1000;
  const manifest: SeededStoreManifest = {
    key,
    applications: request.applications,
    events: countEvents(join(scratch.dir, EVENTS_FILE)),
    seedSummary: output.slice(output.indexOf('Seeded ')).trim(),
    seconds,
    eventsFileMb: megabytes(join(scratch.dir, EVENTS_FILE)),
    readModelsFileMb: megabytes(join(scratch.dir, READ_MODELS_FILE)),
    madeAt: new Date().toISOString(),
  };
  rmSync(dir, { recursive: true, force: true });
  renameSync(scratch.dir, dir);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest, generatedNow: true };
}

function readManifest(dir: string): SeededStoreManifest | undefined {
  const file = join(dir, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SeededStoreManifest) : undefined;
}

/** Everything the stored files depend on; a change of any of it makes (and caches) another store. */
async function storeKey(request: SeedRequest): Promise<Record<string, unknown>> {
  const sources = createHash('sha256');
  for (const file of readdirSync(SEED_SOURCES).sort())
    sources.update(file).update(readFileSync(join(SEED_SOURCES, file)));
  return {
    storeVersion: STORE_VERSION,
    applications: request.applications,
    seed: request.seed,
    seedSources: sources.digest('hex').slice(0, 16),
    eventStoreMigrations: MIGRATIONS.length,
    readModelSchemas: await readModelSchemaVersions(),
  };
}

/** The version of every read model's schema, as this build creates them (a rebuild of an empty store, in memory). */
async function readModelSchemaVersions(): Promise<Record<string, number>> {
  const db = new Database(':memory:');
  try {
    const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES);
    await rebuildReadModels({
      store: new InMemoryEventStore(),
      registry,
      db,
      checkpoints: new SqliteCheckpointStore(db),
    });
    const rows = db.prepare('SELECT read_model, version FROM read_model_schemas ORDER BY read_model').all() as {
      read_model: string;
      version: number;
    }[];
    return Object.fromEntries(rows.map((row) => [row.read_model, row.version]));
  } finally {
    db.close();
  }
}

/** `seed --applications N --seed S` by the compiled CLI into `dir`; its month lines go to stderr as progress. */
function seedWithTheCli(request: SeedRequest, cli: string, dir: string): Promise<string> {
  const args = [cli, 'seed', '--applications', String(request.applications), '--seed', request.seed];
  const env = {
    ...process.env,
    KANDAS_EVENTS_FILE: join(dir, EVENTS_FILE),
    KANDAS_READ_MODELS_FILE: join(dir, READ_MODELS_FILE),
  };
  return new Promise((resolveOutput, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const collect = (chunk: string) => {
      text += chunk;
      process.stderr.write(chunk.replace(/^/gm, '    '));
    };
    child.stdout.setEncoding('utf8').on('data', collect);
    child.stderr.setEncoding('utf8').on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveOutput(text) : reject(new Error(`the seed exited with ${code}`))));
  });
}

function countEvents(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
  } finally {
    db.close();
  }
}

function megabytes(file: string): number {
  return Math.round(statSync(file).size / 2 ** 20);
}
