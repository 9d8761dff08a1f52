import { createAppLogger } from '../../../apps/back-office/src/observability/app-logger';
import { E2eApp } from '../../e2e/support/e2e-app';

/**
 * What the process writes while it runs: process.stdout and process.stderr (where the app's pino logger and
 * Nest's ConsoleLogger write) and the console methods (which Jest reroutes past process.stdout).
 * Nothing is passed through while capturing, so the captured logs do not clutter the test output.
 */
export class OutputCapture {
  private readonly chunks: string[] = [];
  private readonly restorers: Array<() => void> = [];

  static start(): OutputCapture {
    const capture = new OutputCapture();
    capture.patchStream(process.stdout);
    capture.patchStream(process.stderr);
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      const original = console[method];
      console[method] = (...args: unknown[]) => void capture.chunks.push(`${args.map(String).join(' ')}\n`);
      capture.restorers.push(() => void (console[method] = original));
    }
    return capture;
  }

  /** The captured text, one entry per line (empty lines dropped). */
  lines(): string[] {
    return this.chunks
      .join('')
      .split('\n')
      .filter((line) => line.trim() !== '');
  }

  stop(): void {
    for (const restore of this.restorers.splice(0).reverse()) restore();
  }

  private patchStream(stream: NodeJS.WriteStream): void {
    const original = stream.write;
    stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
      this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
      callback?.();
      return true;
    };
    this.restorers.push(() => void (stream.write = original));
  }
}

/**
 * The back office as every e2e test starts it, but with the production logger (pino through
 * nestjs-pino) writing to its default sink (process.stdout) at every level, `trace` up — instead of
 * E2eApp's `logger: false`.
 */
export function startWithProductionLogger(env: NodeJS.ProcessEnv): Promise<E2eApp> {
  return E2eApp.start({ env: { EVENT_STORE: 'sqlite', ...env }, logger: createAppLogger({ level: 'trace' }) });
}
