import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../../apps/cli/src/run-command';

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
