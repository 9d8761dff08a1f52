import { testSeed, withSeed } from '../support/seed';
import type { CrashServer } from './server-control';

export interface CrashRun {
  /** Named in the failure, with the seed to replay it. */
  readonly name: string;
  /** The test's own bound, below Jest's so that the seed and the step are printed first. */
  readonly budgetMs: number;
  /** What the test is doing now, for a run over its budget. */
  readonly step: () => string;
  readonly server: () => CrashServer | undefined;
  /** Called on a failure, before it is thrown (the tests keep their files then). */
  readonly onFailure: () => void;
  readonly body: (seed: number) => Promise<void>;
}

/**
 * Runs a test against the killed-and-restarted server: with a seed (printed on failure), within a
 * budget, and with the server's last output added to a failure.
 */
export async function runCrashTest(run: CrashRun): Promise<void> {
  const seed = testSeed();
  let budget: NodeJS.Timeout | undefined;
  const overBudget = new Promise<never>((_, fail) => {
    budget = setTimeout(
      () => fail(new Error(`the ${run.name} ran over its budget of ${run.budgetMs} ms during: ${run.step()}`)),
      run.budgetMs,
    );
  });
  try {
    await withSeed(run.name, seed, (s) => Promise.race([run.body(s), overBudget]));
  } catch (error) {
    run.onFailure();
    const server = run.server();
    if (server && error instanceof Error)
      error.message += `\n--- last lines of the server's output ---\n${server.recentOutput(25)}`;
    throw error;
  } finally {
    clearTimeout(budget);
  }
}

/** The child's environment: the SQLite files, the test's secrets and clock, a free port, no rate limits. */
export function crashServerEnv(files: {
  readonly eventsFile: string;
  readonly readModelsFile: string;
  readonly clockFile: string;
}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EVENT_STORE: 'sqlite',
    KANDAS_EVENTS_FILE: files.eventsFile,
    KANDAS_READ_MODELS_FILE: files.readModelsFile,
    SQLITE_SYNCHRONOUS: 'FULL',
    KANDAS_JWT_SECRET: 'crash-test-jwt-secret-of-at-least-32-characters',
    KANDAS_OTP_SECRET: 'crash-test-otp-secret-of-at-least-32-characters',
    KANDAS_OTP_DELIVERY: 'echo',
    KANDAS_COMMAND_RATE_LIMITS: 'off',
    HOST: '127.0.0.1',
    PORT: '0',
    KANDAS_CLOCK_FILE: files.clockFile,
    KANDAS_SCHEDULER_INTERVAL_MS: '50',
    NODE_ENV: 'test',
  };
  delete env.EVENTSTORE_CONNECTION_STRING;
  delete env.KANDAS_TRUSTED_CA_FILE;
  return env;
}
