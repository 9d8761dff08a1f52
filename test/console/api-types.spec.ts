import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..');

/**
 * The console's API types are generated from the OpenAPI document (ADR 30): a controller changed
 * without `npm run console:api` leaves the console compiled against an API that no longer exists.
 */
describe("the console's typed client", () => {
  it('is exactly what the OpenAPI document of the back office generates', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--require',
        join(REPO, 'test', 'support', 'swc-register.js'),
        join(REPO, 'scripts', 'console-api.ts'),
        '--check',
      ],
      { cwd: REPO, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
