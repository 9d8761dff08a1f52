import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..', '..');
const SWC_CLI = join(REPO, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');

/**
 * The service and the CLI compiled as `npm run build` compiles them (swc, the repo's .swcrc) into a
 * temporary folder whose node_modules links to the repo's: what `npm start` and `npm run cli` run.
 */
export function buildService(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kandas-build-'));
  const built = spawnSync(
    process.execPath,
    [
      SWC_CLI,
      'apps',
      'libs',
      'infra',
      'domain',
      '-d',
      dir,
      '--config-file',
      '.swcrc',
      '--ignore',
      '**/*.spec.ts',
      '--quiet',
    ],
    { cwd: REPO, encoding: 'utf8', timeout: 300_000 },
  );
  if (built.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`swc build failed (${built.status ?? built.signal}):\n${built.stderr}\n${built.stdout}`);
  }
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export const serviceEntry = (build: string) => join(build, 'apps', 'back-office', 'src', 'main.js');
export const cliEntry = (build: string) => join(build, 'apps', 'cli', 'src', 'main.js');

/** The environment of a fresh shell: none of the service's own variables, whatever the test runner has set. */
export function freshEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const ours = /^(KANDAS_|EVENT_STORE|EVENTSTORE_|SQLITE_|NODE_ENV$|PORT$|HOST$|E2E_)/.test(name);
    if (!ours) env[name] = value;
  }
  return { ...env, ...extra };
}

/** `npm start` in `cwd`, on port 0; resolves with its base URL once it listens. */
export async function startService(
  build: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; base: string; output: string[] }> {
  const child = spawn(process.execPath, [serviceEntry(build)], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const base = await new Promise<string>((resolvePort, reject) => {
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        output.push(line);
        const listening = /Back office on (http:\/\/[^\s]+) /.exec(line);
        if (listening) resolvePort(listening[1]!);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.on('exit', (code) =>
      reject(new Error(`the service exited (${code}) before listening:\n${output.join('\n')}`)),
    );
  });
  return { child, base, output };
}

export async function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}
