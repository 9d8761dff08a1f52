import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ServiceSigningKey } from '@libs/auth';
import { cliProcess, offlineCommand, seededStore } from './support/cli-runs';

describe('cli decision-document then verify-document, on a seeded SQLite store (ADR 29)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const ids: Record<'included' | 'refused' | 'open', string> = { included: '', refused: '', open: '' };
  const cli = cliProcess(
    () => dir,
    () => env,
  );
  const verifyDocument = offlineCommand('verify-document', () => env);

  beforeAll(async () => {
    const seeded = await seededStore('kandas-decision-document-', { applications: 12, seed: '1' });
    ({ dir, env } = seeded);
    const readModels = new Database(join(dir, 'read-models.sqlite'), { readonly: true });
    const idWhere = (condition: string) =>
      String(readModels.prepare(`SELECT application_id FROM applications WHERE ${condition} LIMIT 1`).pluck().get());
    ids.included = idWhere(`status = 'included'`);
    ids.refused = idWhere(`status = 'refused'`);
    ids.open = idWhere(`status NOT IN ('included', 'refused', 'withdrawn')`);
    readModels.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the letter and its signature, which verify offline with the data folder’s public key; one byte changed fails', async () => {
    const file = join(dir, 'inclusion.pdf');
    const written = await cli('decision-document', ids.included, '--out', file);
    expect(written.stdout).toMatch(
      /^Wrote decision № KQ-2026-\w+ of 2026-\d\d-\d\d \(included\) to .*inclusion\.pdf \(\d+ bytes\)\.\nSigned with ed25519:[0-9a-f]{16} \(Ed25519\) in .*inclusion\.pdf\.sig\.\n$/,
    );
    expect(JSON.parse(readFileSync(`${file}.sig`, 'utf8'))).toEqual({
      keyId: expect.stringMatching(/^ed25519:/),
      algorithm: 'Ed25519',
      signature: expect.any(String),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await verifyDocument(file)).toEqual({
      code: 0,
      lines: [expect.stringMatching(/^OK: .*inclusion\.pdf is signed by ed25519:[0-9a-f]{16} \(Ed25519, .*\.sig\)\.$/)],
    });

    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(100) ^ 0x20, 100);
    writeFileSync(file, bytes);
    expect(await verifyDocument(file)).toEqual({
      code: 1,
      lines: [
        `INVALID: ${file}`,
        "  - the file's SHA-256 differs from the signature's",
        '  - the signature does not match the file',
      ],
    });
  }, 120_000);

  it('renders the same bytes again for the same events, and verifies a refusal with the signature named', async () => {
    const first = join(dir, 'refusal.pdf');
    const again = join(dir, 'refusal-again.pdf');
    await cli('decision-document', ids.refused, '--out', first);
    await cli('decision-document', ids.refused, '--out', again);
    expect(readFileSync(again).equals(readFileSync(first))).toBe(true);
    expect(readFileSync(`${again}.sig`, 'utf8')).toBe(readFileSync(`${first}.sig`, 'utf8'));
    expect((await verifyDocument(again, '--signature', `${first}.sig`)).code).toBe(0);

    const stranger = join(dir, 'stranger.pem');
    writeFileSync(stranger, ServiceSigningKey.generate().publicKeyPem);
    expect(await verifyDocument(first, '--public-key', stranger)).toMatchObject({
      code: 1,
      lines: [
        `INVALID: ${first}`,
        '  - the signature was made with another key',
        '  - the signature does not match the file',
      ],
    });
  }, 120_000);

  it('exits 1 for an application with no letter, and 2 for bad arguments', async () => {
    await expect(cli('decision-document', ids.open, '--out', join(dir, 'open.pdf'))).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^No letter yet: Application .* is not decided \(status \S+\)\.\n$/),
    });
    await expect(cli('decision-document', ids.included)).rejects.toMatchObject({
      code: 2,
      stderr: "error: required option '--out <file>' not specified\n",
    });
    const nothing = join(dir, 'nothing.pdf');
    expect((await verifyDocument(nothing)).code).toBe(2);
    const file = join(dir, 'plain.pdf');
    writeFileSync(file, 'not a pdf');
    writeFileSync(`${file}.sig`, 'not json');
    expect((await verifyDocument(file)).code).toBe(2);
    expect((await verifyDocument(file, '--signature', `${file}.sig`, '--public-key', `${file}.sig`)).code).toBe(2);
  }, 120_000);
});
