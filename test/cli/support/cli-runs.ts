import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../../apps/cli/src/run-command';
import { seedDemoData, SEED_DEFAULTS } from '../../../apps/cli/src/seed/seed-command';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');
const REGISTER = join(ROOT, 'test/support/swc-register.js');
const MAIN = join(ROOT, 'apps/cli/src/main.ts');

/** The real CLI, in its own process, as an operator runs it (rejects with code, stdout and stderr on a non-zero exit). */
export const cliProcess =
  (cwd: () => string, env: () => NodeJS.ProcessEnv) =>
  (...args: string[]) =>
    run(process.execPath, ['--require', REGISTER, MAIN, ...args], { cwd: cwd(), env: env() });

/**
 * An offline command (`verify-export`, `verify-document`) in this process, with a workflow that
 * refuses to boot: it must need none. Its exit code and the lines it printed.
 */
export const offlineCommand =
  (command: string, env: () => NodeJS.ProcessEnv) =>
  async (...args: string[]): Promise<{ code: number; lines: string[] }> => {
    const lines: string[] = [];
    const saved = process.env;
    process.env = env();
    try {
      const code = await runCli(
        [command, ...args],
        (line) => lines.push(line),
        () => {
          throw new Error(`${command} booted the workflow`);
        },
      );
      return { code, lines };
    } finally {
      process.env = saved;
    }
  };

/** A SQLite store in a fresh folder, seeded with demo applications; the environment the CLI runs with on it. */
export async function seededStore(
  folderPrefix: string,
  seed: { readonly applications: number; readonly seed: string },
): Promise<{ dir: string; env: NodeJS.ProcessEnv; applicationIds: readonly string[] }> {
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  const env = {
    ...process.env,
    EVENT_STORE: 'sqlite',
    KANDAS_EVENTS_FILE: join(dir, 'events.sqlite'),
    KANDAS_READ_MODELS_FILE: join(dir, 'read-models.sqlite'),
  };
  const seeded = await seedDemoData(
    { ...seed, from: SEED_DEFAULTS.from, to: SEED_DEFAULTS.to, force: false, env },
    () => undefined,
  );
  if (seeded.kind !== 'seeded') throw new Error(`not seeded: ${seeded.reason}`);
  return { dir, env, applicationIds: seeded.report.applicationIds };
}
