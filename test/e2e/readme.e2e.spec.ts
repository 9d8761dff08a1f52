import { ChildProcess, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { jwtSettings, mintToken } from '@libs/auth';
import { e2eEventStore } from './support/e2e-app';
import {
  buildService,
  cliEntry,
  freshEnvironment,
  REPO,
  serviceEntry,
  startService,
  stopService,
} from './support/built-service';

/** The README's shell block that follows `heading`, as a reader copies it. */
function readmeBlock(heading: string): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const after = readme.slice(readme.indexOf(heading));
  const block = /```bash\n([\s\S]*?)```/.exec(after);
  if (readme.indexOf(heading) < 0 || !block) throw new Error(`README.md has no bash block after "${heading}"`);
  return block[1]!;
}

// These run the built service as a process of its own on SQLite (what `npm start` runs); the
// EventStoreDB project of the e2e suite has nothing to add to them.
const onSqlite = e2eEventStore() === 'eventstoredb' ? describe.skip : describe;

onSqlite('the service as `npm start` runs it, in a fresh clone', () => {
  let build: string;
  const dirs: string[] = [];
  const freshClone = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kandas-clone-'));
    dirs.push(dir);
    return dir;
  };
  beforeAll(() => {
    build = buildService();
  }, 300_000);
  afterAll(() => {
    for (const dir of [...dirs, build]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start in production without its secrets: one line on stderr, no stack trace, exit 1, no file made', () => {
    const cwd = freshClone();
    const started = spawnSync(process.execPath, [serviceEntry(build)], {
      cwd,
      env: freshEnvironment({ NODE_ENV: 'production', PORT: '0' }),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toBe('Cannot start: KANDAS_JWT_SECRET is required in production\n');
    expect(started.stdout).not.toMatch(/\n\s+at |node_modules|\.js:\d+/);
    expect(readdirSync(cwd)).toEqual([]);
  }, 180_000);

  it('refuses the development sign-in in production, in one line, before looking for any secret (ADR 31)', () => {
    const cwd = freshClone();
    const started = spawnSync(process.execPath, [serviceEntry(build)], {
      cwd,
      env: freshEnvironment({ NODE_ENV: 'production', PORT: '0', KANDAS_DEV_SIGN_IN: 'on' }),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toBe(
      'Cannot start: Environment variable KANDAS_DEV_SIGN_IN: on is refused in production: the development sign-in lets anyone who reaches the service act in any role\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
  }, 180_000);

  describe('the happy path of the README, with curl, word for word', () => {
    let service: { child: ChildProcess; base: string; output: string[] } | undefined;
    afterAll(async () => {
      if (service) await stopService(service.child);
    });

    it('includes the family: no quota call before submitting, and tokens from `npm run cli -- token` with no extra variable', async () => {
      const cwd = freshClone();
      cpSync(join(REPO, 'docs/examples'), join(cwd, 'docs/examples'), { recursive: true });
      service = await startService(build, cwd, freshEnvironment({ PORT: '0' }));
      expect(service.output.join('\n')).toMatch(/Published quota orders: \d+ capacities recorded now, 0 already set/);

      // Two substitutions only: the port the test's server got, and `npm run cli` as what it runs.
      const script = readmeBlock('The happy path with curl')
        .replace(/^BASE=.*$/m, `BASE=${service.base}`)
        .replaceAll('npm run cli --silent --', `node ${JSON.stringify(cliEntry(build))}`);
      expect(script).not.toMatch(/\/quotas\//);
      const run = spawnSync('bash', ['-euo', 'pipefail', '-c', `${script}\nprintf '\\nREADME_ID=%s\\n' "$ID"`], {
        cwd,
        env: freshEnvironment(),
        encoding: 'utf8',
        timeout: 240_000,
      });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).not.toMatch(/"status":\s*4\d\d/);
      const id = /README_ID=([0-9a-f-]{36})/.exec(run.stdout)?.[1];
      expect(id).toBeDefined();

      // The README says: ask again if the saga's steps came after your review's position. The saga runs
      // in the service's own process, on its own clock: this waits for it, bounded only against a hang.
      const reviewer = mintToken(
        jwtSettings({}, join(cwd, 'data')),
        { id: 'reviewer-1', role: 'reviewer' },
        new Date(),
      );
      const statusOf = async () => {
        const view = await request(service!.base).get(`/applications/${id}`).set('Authorization', `Bearer ${reviewer}`);
        return (view.body as { data?: { status?: string } }).data?.status;
      };
      const giveUpAt = Date.now() + 120_000;
      let status = await statusOf();
      while (status !== 'included' && Date.now() < giveUpAt) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = await statusOf();
      }
      expect(status).toBe('included');
    }, 300_000);
  });
});
