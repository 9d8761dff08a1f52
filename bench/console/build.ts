import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildService, REPO } from '../../test/e2e/support/built-service';

export interface Build {
  /** The compiled service and CLI (dist/apps… as `npm run build` makes them), node_modules linked. */
  readonly dir: string;
  /** The console's bundle, as `npm run build:console` makes it, for KANDAS_CONSOLE_DIR. */
  readonly consoleDir: string;
  dispose(): void;
}

/**
 * `npm run build`, into a folder of its own rather than dist/: the browser tests serve dist/console,
 * and a bench run beside them (the quick run in `npm test`) must not empty it under their feet.
 */
export function buildServiceAndConsole(): Build {
  const dir = buildService();
  const consoleDir = join(dir, 'console');
  const vite = spawnSync(
    process.execPath,
    [
      join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/console/vite.config.mts',
      '--outDir',
      consoleDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: REPO, encoding: 'utf8', timeout: 300_000 },
  );
  if (vite.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`vite build failed (${vite.status ?? vite.signal}):\n${vite.stderr}\n${vite.stdout}`);
  }
  return { dir, consoleDir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
