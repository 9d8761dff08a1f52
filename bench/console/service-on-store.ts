/**
 * The built service (`npm run build`, what `npm start` runs) on a copy of the seeded store, as an
 * officer's browser meets it: listening on a port, the console served at /console, every deadline
 * due by now fired and every subscription caught up before anything is measured.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { jwtSettings, mintToken } from '@libs/auth';
import type { Role } from '@libs/auth';
import { freshEnvironment, startService, stopService } from '../../test/e2e/support/built-service';
import type { Build } from './build';
import { scratchDir } from '../support/scratch';
import { EVENTS_FILE, READ_MODELS_FILE } from './seeded-store';

/** How long the service may take to fire what fell due and catch its subscriptions up. */
const CATCH_UP_TIMEOUT_MS = 300_000;

export interface RunningService {
  readonly base: string;
  /** The read-models file the service works on (for the query plans). */
  readonly readModelsFile: string;
  readonly eventsFile: string;
  /** Seconds from the start of the process to listening, and then to caught up. */
  readonly startSeconds: number;
  readonly catchUpSeconds: number;
  /** Deadlines that had fallen due between the seed's last day and today, fired at start. */
  readonly firedAtStart: number;
  /** A bearer token as the service would mint it for this officer. */
  token(role: Role, id: string): string;
  /** The token's session as the console keeps it in sessionStorage (`kandas.session`). */
  session(role: Exclude<Role, 'portal'>, id: string): string;
  stop(): Promise<void>;
}

/** Copies the store (the cache stays as it was made) and starts the compiled service on the copy. */
export async function serviceOnStore(build: Build, storeDir: string): Promise<RunningService> {
  const scratch = scratchDir('console-service');
  cpSync(storeDir, scratch.dir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  const eventsFile = join(scratch.dir, EVENTS_FILE);
  const readModelsFile = join(scratch.dir, READ_MODELS_FILE);
  const env = freshEnvironment({
    KANDAS_EVENTS_FILE: eventsFile,
    KANDAS_READ_MODELS_FILE: readModelsFile,
    KANDAS_JWT_SECRET: secret,
    KANDAS_CONSOLE_DIR: build.consoleDir,
    // Nothing signs the chain head in the background while pages are timed.
    KANDAS_CHECKPOINT_INTERVAL_SECONDS: '0',
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const started = performance.now();
  let child: ChildProcess | undefined;
  try {
    const running = await startService(build.dir, scratch.dir, env);
    child = running.child;
    const listening = performance.now();
    const settings = jwtSettings({ KANDAS_JWT_SECRET: secret }, scratch.dir);
    const token = (role: Role, id: string) => mintToken(settings, { id, role }, new Date(), 8 * 3600);
    const firedAtStart = await fireDue(running.base, token('operator', 'operator-bench'));
    await caughtUp(running.base);
    await signCheckpoint(running.base, token('admin', 'admin-bench'));
    const service: RunningService = {
      base: running.base,
      readModelsFile,
      eventsFile,
      startSeconds: (listening - started) / 1000,
      catchUpSeconds: (performance.now() - listening) / 1000,
      firedAtStart,
      token,
      session: (role, id) =>
        JSON.stringify({
          token: token(role, id),
          actor: { id, role },
          expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
        }),
      stop: async () => {
        await stopService(running.child);
        scratch.dispose();
      },
    };
    return service;
  } catch (error) {
    if (child) await stopService(child);
    scratch.dispose();
    throw error;
  }
}

/** Fires the deadlines due by now (the seed's store ends on its last simulated day, today is later). */
async function fireDue(base: string, token: string): Promise<number> {
  const response = await fetch(`${base}/admin/sla/fire-due`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`POST /admin/sla/fire-due answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { fired: number }).fired;
}

/**
 * A running service signs its chain head every few minutes (KANDAS_CHECKPOINT_INTERVAL_SECONDS): one
 * is signed now, so the auditor's screens find a latest checkpoint and verify checks against it.
 */
async function signCheckpoint(base: string, token: string): Promise<void> {
  const response = await fetch(`${base}/audit/checkpoints`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  if (response.status !== 201)
    throw new Error(`POST /audit/checkpoints answered ${response.status}: ${await response.text()}`);
}

/** Until every subscription's lag is 0 twice in a row (the saga's reactions to what was fired are appended meanwhile). */
async function caughtUp(base: string): Promise<void> {
  const deadline = Date.now() + CATCH_UP_TIMEOUT_MS;
  let quietPolls = 0;
  while (quietPolls < 2) {
    if (Date.now() > deadline)
      throw new Error(`the service's subscriptions did not catch up in ${CATCH_UP_TIMEOUT_MS} ms`);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const lags = [...metrics.matchAll(/^kandas_subscription_lag_events\{[^}]*\} (\d+)$/gm)].map((m) => Number(m[1]));
    if (lags.length === 0) throw new Error('GET /metrics reports no kandas_subscription_lag_events');
    quietPolls = lags.every((lag) => lag === 0) ? quietPolls + 1 : 0;
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  }
}
