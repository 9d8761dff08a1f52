import Database from 'better-sqlite3';
import { join } from 'node:path';
import { runCommand } from '../../apps/cli/src/run-command';
import { SagaHarness } from '../saga/support/saga-harness';

const cli = async (h: SagaHarness, ...argv: string[]) => {
  const lines: string[] = [];
  const code = await runCommand(h.app, argv, (line) => lines.push(line));
  return { code, lines };
};

/** Cuts the last `count` events off the SQLite file behind the service's back, as a DBA could. */
function truncate(h: SagaHarness, count: number): void {
  const db = new Database(join(h.dir, 'events.sqlite'));
  try {
    db.prepare('DELETE FROM events WHERE position > (SELECT MAX(position) FROM events) - ?').run(count);
  } finally {
    db.close();
  }
}

describe('verify and checkpoint from the CLI (ADR 24)', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await SagaHarness.start();
    await h.openQuota('pavlodar', 2026, 'kandas', 100);
    await h.openQuota('almaty', 2026, 'kandas', 100);
    await h.openQuota('abai', 2026, 'kandas', 100);
  });
  afterEach(() => h.close());

  it('signs a checkpoint, names the public key file, and verify then checks the head against it', async () => {
    const head = `${await h.head()}`;
    const signed = await cli(h, 'checkpoint');
    expect(signed.code).toBe(0);
    expect(signed.lines[0]).toMatch(
      new RegExp(`^Signed checkpoint: position ${head}, \\d+ events, head [0-9a-f]{64}$`),
    );
    expect(signed.lines[1]).toContain(`appended to ${join(h.dir, 'checkpoints.jsonl')}`);
    expect(signed.lines[2]).toBe(`Public key: ${join(h.dir, 'kandas-signing-public-key.pem')}`);
    const verified = await cli(h, 'verify');
    expect(verified.code).toBe(0);
    expect(verified.lines[0]).toMatch(/^OK: \d+ events read \(sqlite\); chain head [0-9a-f]{64} at position \d+$/);
    expect(verified.lines[1]).toMatch(/^Anchor: OK matches \(checkpoint-log, signed .* by ed25519:[0-9a-f]{16}\)/);
  });

  it('detects a truncation by N events against the last checkpoint and exits 1', async () => {
    await cli(h, 'checkpoint');
    const head = Number(await h.head());
    truncate(h, 2);
    const { code, lines } = await cli(h, 'verify');
    expect(code).toBe(1);
    // The verify itself is recorded (ADR 26) before it reads: one event after the cut.
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^BROKEN: \\d+ events read \\(sqlite\\); chain head [0-9a-f]{64} at position ${head + 1}$`),
      ),
      '1 gap(s) — missing positions:',
      `  gap at position ${head - 1}..${head} (2 missing): stream unknown (no later event of it)`,
      expect.stringMatching(
        new RegExp(
          `^Anchor: FAILED position-missing \\(checkpoint-log, .*\\): no event at the anchored position ${head}: the store ends at position ${head + 1} \\(the anchored event was deleted\\)$`,
        ),
      ),
    ]);
  });

  it('refuses to sign a checkpoint over a truncated store', async () => {
    await cli(h, 'checkpoint');
    const head = Number(await h.head());
    truncate(h, 1);
    expect(await cli(h, 'checkpoint')).toEqual({
      code: 1,
      lines: [`No checkpoint signed: the store no longer holds position ${head} of the latest checkpoint; run verify`],
    });
  });

  it('without a checkpoint, warns that a truncation cannot be detected', async () => {
    const { code, lines } = await cli(h, 'verify');
    expect(code).toBe(0);
    expect(lines[1]).toMatch(/^Anchor: WARNING none \(none\): no checkpoint to compare with/);
  });

  it('takes the auditor’s own head with --expect-head and refuses a malformed one with exit 2', async () => {
    const { code, lines } = await cli(h, 'verify', '--expect-head', `1:${'a'.repeat(64)}`);
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(/^Anchor: FAILED head-mismatch \(expected-head\): chain hash at position 1 is/);
    expect((await cli(h, 'verify', '--expect-head', '1:xyz')).code).toBe(2);
    expect((await cli(h, 'verify', '--checkpoint', '/nonexistent.json')).code).toBe(2);
  });
});
