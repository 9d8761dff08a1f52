import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_KEY_FILE, ServiceSigningKey } from '@libs/auth';
import { cliProcess, offlineCommand, seededStore } from './support/cli-runs';

describe('cli export then verify-export, on a seeded SQLite store (ADR 25)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let applicationId: string;
  const cli = cliProcess(
    () => dir,
    () => env,
  );
  const verifyExport = offlineCommand('verify-export', () => env);

  beforeAll(async () => {
    const seeded = await seededStore('kandas-verify-export-', { applications: 6, seed: 'export-1' });
    ({ dir, env } = seeded);
    applicationId = seeded.applicationIds[0]!;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');
  const writeLines = (file: string, content: string[]) => writeFileSync(file, content.join('\n') + '\n');

  it('exports an application, then verifies it with the public key in the data folder; an edit fails, exit 1', async () => {
    const file = join(dir, 'application.jsonl');
    const exported = await cli('export', '--stream', `application-${applicationId}`, '--out', file);
    expect(exported.stdout).toMatch(
      /^Exported \d+ event\(s\) as jsonl \(personal data masked\) to .*application\.jsonl\.$/m,
    );
    expect(exported.stdout).toMatch(
      /^Signed manifest \(ed25519:[0-9a-f]{16}, export head [0-9a-f]{64}\) in .* \(its last line\)\.$/m,
    );

    const ok = await cli('verify-export', file);
    expect(ok.stdout).toMatch(
      new RegExp(
        `^OK: .*application\\.jsonl: \\d+ row\\(s\\) of stream application-${applicationId}, positions \\d+ to \\d+, masked\\n`,
      ),
    );
    expect(ok.stdout).toContain('no checkpoint when it was exported');

    const rows = lines(file);
    writeLines(file, [
      rows[0]!.replace(/"occurredAt":"[^"]+"/, '"occurredAt":"2026-01-01T00:00:00.000Z"'),
      ...rows.slice(1),
    ]);
    await expect(cli('verify-export', file)).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(
        /^INVALID: .*application\.jsonl: 2 problem\(s\)\n {2}line 1 \(position \d+\): rowHash .* the row was edited\n/,
      ),
    });
  }, 120_000);

  it('reports a shortened, a reordered and an extended export, each with where and what', async () => {
    const file = join(dir, 'all.jsonl');
    await cli('export', '--from', '2026-01-01T00:00:00Z', '--to', '2027-01-01T00:00:00Z', '--out', file);
    const all = lines(file);
    const [rows, manifest] = [all.slice(0, -1), all[all.length - 1]!];
    expect(await verifyExport(file)).toMatchObject({
      code: 0,
      lines: [expect.stringMatching(/^OK: /), expect.any(String), expect.any(String)],
    });

    writeLines(file, [...rows.slice(0, -3), manifest]);
    const shortened = await verifyExport(file);
    expect(shortened.code).toBe(1);
    expect(shortened.lines).toContain(
      `  export: ${rows.length - 3} rows where the manifest says ${rows.length}: rows were dropped`,
    );

    writeLines(file, [rows[0]!, rows[2]!, rows[1]!, ...rows.slice(3), manifest]);
    const reordered = await verifyExport(file);
    expect(reordered.code).toBe(1);
    expect(reordered.lines).toContainEqual(
      expect.stringMatching(/^ {2}line 2 \(position \d+\): chainHash .* does not follow/),
    );
    expect(reordered.lines).toContainEqual(
      expect.stringMatching(/^ {2}line 3 \(position \d+\): position \d+ does not come after \d+/),
    );

    writeLines(file, [...rows, rows[rows.length - 1]!, manifest]);
    const extended = await verifyExport(file);
    expect(extended.code).toBe(1);
    expect(extended.lines).toContain(
      `  export: ${rows.length + 1} rows where the manifest says ${rows.length}: rows were added`,
    );
  }, 120_000);

  it('verifies a CSV export with its manifest beside it, and refuses bad arguments with exit 2', async () => {
    const file = join(dir, 'application.csv');
    const exported = await cli('export', '--stream', `application-${applicationId}`, '--format', 'csv', '--out', file);
    expect(exported.stdout).toContain(`in ${file}.manifest.json.`);
    expect((await verifyExport(file)).code).toBe(0);

    const elsewhere = join(dir, 'elsewhere.json');
    writeFileSync(elsewhere, readFileSync(`${file}.manifest.json`));
    rmSync(`${file}.manifest.json`);
    expect((await verifyExport(file)).code).toBe(2);
    expect((await verifyExport(file, '--manifest', elsewhere)).code).toBe(0);

    const stranger = join(dir, 'stranger.pem');
    writeFileSync(stranger, ServiceSigningKey.generate().publicKeyPem);
    const wrongKey = await verifyExport(file, '--manifest', elsewhere, '--public-key', stranger);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.lines[1]).toMatch(
      /^ {2}manifest: signed with key ed25519:\w+, but the public key given is ed25519:\w+$/,
    );

    expect((await verifyExport(join(dir, 'missing.jsonl'))).code).toBe(2);
    expect((await verifyExport(file, '--public-key', join(dir, PUBLIC_KEY_FILE + '.missing'))).code).toBe(2);
    await expect(cli('export', '--stream', 'x', '--format', 'csv')).rejects.toMatchObject({
      code: 2,
      stderr: 'error: --format csv needs --out <file>: its signed manifest is written beside it\n',
    });
  }, 120_000);
});
