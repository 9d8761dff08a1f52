import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LISTENING } from './child-protocol';

const ROOT = resolve(__dirname, '..', '..', '..');
const SWC_CLI = join(ROOT, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');
/** Bound on one start (compiled JavaScript, so about a second; CI runs other suites beside it). */
const START_TIMEOUT_MS = 60_000;
const KEPT_OUTPUT_LINES = 200;

/**
 * Compiles the service and the child entry once, as `npm run build` does (swc, the repo's .swcrc),
 * into a temporary folder whose node_modules is a link to the repo's: each restart then costs a
 * Node start, not a TypeScript compilation. Returns the folder and how long it took.
 */
export function buildServer(): { dir: string; ms: number } {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'kandas-crash-build-'));
  const child = ['server-process.ts', 'child-protocol.ts', 'file-clock.ts'].map(
    (file) => `test/reliability/crash/${file}`,
  );
  const sources = ['apps', 'libs', 'infra', 'domain', ...child];
  const built = spawnSync(
    process.execPath,
    [SWC_CLI, ...sources, '-d', dir, '--config-file', '.swcrc', '--ignore', '**/*.spec.ts', '--quiet'],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  if (built.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `swc build of the crash-test server failed (${built.status ?? built.signal}):\n${built.stderr}\n${built.stdout}`,
    );
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, ms: performance.now() - started };
}

export interface KillRecord {
  /** Requests the clients had sent and not yet got an answer to when the signal went. */
  readonly inFlight: number;
  readonly generation: number;
}

/**
 * The back office as a child process on the files of `env`, started, SIGKILLed and restarted by the
 * test. Each start is a new generation on a new port (PORT=0): a client that saw its request die
 * waits for the next generation and retries there.
 */
export class CrashServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private port = 0;
  private up = false;
  private upWaiters: Array<() => void> = [];
  private readonly output: string[] = [];
  private expectingExit = false;
  private disposed = false;
  /** Exits the test did not cause (a crash of the service itself), with the output before them. */
  readonly unexpectedExits: string[] = [];
  /** Starts so far; the current one's number while up. */
  generation = 0;
  /** Requests sent to the server and not yet answered (kept by the HTTP client). */
  inFlight = 0;
  readonly startMs: number[] = [];

  constructor(
    private readonly buildDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get isUp(): boolean {
    return this.up;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Spawns the child and resolves once it printed its port; fails (with its output) if it exits or takes too long. */
  async start(): Promise<void> {
    if (this.disposed) throw new Error('the crash-test server was disposed of');
    if (this.child) throw new Error('the crash-test server is already running');
    const started = performance.now();
    // stdin stays open: the child exits when it closes, so a test runner that dies leaves no server behind.
    const child = spawn(process.execPath, [join(this.buildDir, 'test', 'reliability', 'crash', 'server-process.js')], {
      cwd: this.buildDir,
      env: this.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    this.expectingExit = false;
    const generation = this.generation + 1;
    this.exited = new Promise((done) => child.once('close', () => done()));
    child.once('exit', (code, signal) => {
      this.up = false;
      if (!this.expectingExit)
        this.unexpectedExits.push(
          `generation ${generation} exited by itself (${code ?? signal}):\n${this.recentOutput(30)}`,
        );
    });
    const port = await new Promise<number>((done, fail) => {
      const timer = setTimeout(
        () =>
          fail(
            new Error(`the crash-test server did not listen within ${START_TIMEOUT_MS} ms:\n${this.recentOutput()}`),
          ),
        START_TIMEOUT_MS,
      );
      let partial = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop()!;
        for (const line of lines) {
          this.keep(`[${generation}] ${line}`);
          if (line.startsWith(`${LISTENING} `)) {
            clearTimeout(timer);
            done(Number(line.slice(LISTENING.length + 1)));
          }
        }
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) =>
        chunk
          .split('\n')
          .filter(Boolean)
          .forEach((line) => this.keep(`[${generation}:err] ${line}`)),
      );
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`the crash-test server exited (${code ?? signal}) before listening:\n${this.recentOutput()}`));
      });
    }).catch(async (error: unknown) => {
      this.expectingExit = true;
      child.kill('SIGKILL');
      await this.exited;
      this.child = undefined;
      throw error;
    });
    this.port = port;
    this.generation = generation;
    this.up = true;
    this.startMs.push(performance.now() - started);
    for (const wake of this.upWaiters.splice(0)) wake();
  }

  /** `kill -9` now, whatever the server is doing; resolves once the process is gone. */
  async kill(): Promise<KillRecord> {
    const child = this.child;
    if (!child) throw new Error('no crash-test server to kill');
    const record = { inFlight: this.inFlight, generation: this.generation };
    this.up = false;
    this.expectingExit = true;
    child.kill('SIGKILL');
    await this.exited;
    this.child = undefined;
    this.keep(`[${record.generation}] --- SIGKILL with ${record.inFlight} request(s) in flight ---`);
    return record;
  }

  /** A clean stop (SIGTERM, Nest's shutdown hooks close the stores); SIGKILL if it takes over 10 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.up = false;
    this.expectingExit = true;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
    this.child = undefined;
  }

  /** For afterAll: kills the child if one runs, and refuses any later start (a timed-out test may still try one). */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.child) await this.kill();
    for (const wake of this.upWaiters.splice(0)) wake();
  }

  /** Resolves when a generation later than `generation` is up (at once if it already is). */
  async nextGeneration(generation: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!(this.up && this.generation > generation)) {
      if (this.disposed) throw new Error('the crash-test server was disposed of');
      const left = deadline - performance.now();
      if (left <= 0)
        throw new Error(`the server did not come back after generation ${generation} within ${timeoutMs} ms`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.upWaiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  recentOutput(lines = 60): string {
    return this.output.slice(-lines).join('\n');
  }

  private keep(line: string): void {
    if (/"context":"(RouterExplorer|RoutesResolver|InstanceLoader)"/.test(line)) return; // Nest's start-up inventory
    this.output.push(line.length > 2000 ? `${line.slice(0, 2000)}…` : line);
    if (this.output.length > KEPT_OUTPUT_LINES) this.output.splice(0, this.output.length - KEPT_OUTPUT_LINES);
  }
}
