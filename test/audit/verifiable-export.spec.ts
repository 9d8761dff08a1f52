import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceSigningKey } from '@libs/auth';
import { EventTypeRegistry } from '@libs/event-sourcing';
import type { EventStore } from '@libs/event-sourcing';
import {
  AuditExports,
  chainHashOf,
  EXPORT_COLUMNS,
  rowHashOf,
  runExportCommand,
  signManifest,
  verifyExportFile,
} from '@libs/workflow';
import type { ExportFormat, ExportSelection, SignedExportManifest } from '@libs/workflow';
import { canonicalJson } from '@domain/shared/canonical-json';
import { createHash } from 'node:crypto';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { APPLICANT_IIN } from '../domain/application/fixtures';
import { InMemoryCheckpointLog, signedCheckpoint } from './support/in-memory-checkpoint-log';
import { parseCsv } from './support/parse-csv';

const CORRELATION = '11111111-1111-4111-8111-000000000000';
const AUDITOR = { id: 'auditor-7', role: 'auditor' };
const key = ServiceSigningKey.generate();
const registry = new EventTypeRegistry().register({ type: 'NoteTaken', schemaVersion: 1 });

type Row = Record<string, unknown>;

/** Two streams written in turns (global order interleaves them), one correlation, a Person's stream. */
async function storeWithNotes(): Promise<EventStore> {
  const store = new InMemoryEventStore();
  const note = async (stream: string, n: number) => {
    const commandId = `11111111-1111-4111-8111-${String(n).padStart(12, '0')}`;
    await store.append(
      stream,
      [
        {
          eventId: `22222222-2222-4222-8222-${String(n).padStart(12, '0')}`,
          type: 'NoteTaken',
          schemaVersion: 1,
          data: { n, text: `note ${n}, with a comma`, person: { lastName: 'Нұрланұлы', iin: APPLICANT_IIN } },
          metadata: {
            actor: { id: 'officer-1', role: 'operator' },
            commandId,
            correlationId: CORRELATION,
            causationId: commandId,
            occurredAt: `2026-03-02T06:0${n}:00.000Z`,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  };
  for (const [stream, n] of [
    ['notes-a', 1],
    ['notes-b', 2],
    ['notes-a', 3],
    ['notes-b', 4],
    ['notes-a', 5],
    [`person-${APPLICANT_IIN}`, 6],
  ] as const)
    await note(stream, n);
  return store;
}

describe('verifiable exports: row hashes, a signed manifest, verify-export (ADR 25)', () => {
  let dir: string;
  let store: EventStore;
  let checkpoints: InMemoryCheckpointLog;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kandas-verifiable-export-'));
    store = await storeWithNotes();
    checkpoints = new InMemoryCheckpointLog();
    await checkpoints.append(
      signedCheckpoint(key, { position: '6', events: 6, headHash: 'ab'.repeat(32) }, '2026-03-02T06:30:00.000Z'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let files = 0;
  const exported = async (
    selection: ExportSelection,
    format: ExportFormat = 'jsonl',
    log: InMemoryCheckpointLog | null = checkpoints,
  ) => {
    const file = join(dir, `export-${++files}.${format}`);
    const deps = {
      exports: new AuditExports(store, registry, key, log ?? undefined),
      now: () => new Date('2026-03-10T06:00:00.000Z'),
      actor: AUDITOR,
    };
    expect(await runExportCommand(deps, { selection, format, out: file }, () => undefined)).toBe(0);
    return file;
  };
  const verify = (file: string, publicKeyPem = key.publicKeyPem, manifestFile?: string) =>
    verifyExportFile({ file, publicKeyPem, manifestFile });
  const problemsOf = async (file: string) => (await verify(file)).problems.map((p) => `${p.where}: ${p.what}`);

  /** A JSON Lines export as its rows and its manifest, to tamper with; `write` puts them back. */
  const jsonl = (file: string) => {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const rows = lines.slice(0, -1).map((line) => JSON.parse(line) as Row);
    const { manifest } = JSON.parse(lines[lines.length - 1]!) as { manifest: SignedExportManifest };
    return { rows, manifest };
  };
  const write = (file: string, rows: Row[], manifest: unknown) =>
    writeFileSync(file, [...rows, { manifest }].map((line) => JSON.stringify(line) + '\n').join(''));
  /** The hashes of rows from `from` on computed again, as a forger with no key would. */
  const rehash = (rows: Row[]) => {
    let previous = '';
    return rows.map((row) => {
      const rowHash = rowHashOf(row);
      previous = chainHashOf(previous, rowHash);
      return { ...row, rowHash, chainHash: previous };
    });
  };

  it('gives every row its rowHash and chainHash, computable without our code', async () => {
    const { rows } = jsonl(await exported({ correlationId: CORRELATION }));
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    let previous = '';
    for (const { rowHash, chainHash, ...values } of rows) {
      expect(rowHash).toBe(sha256(canonicalJson(values)));
      expect(chainHash).toBe(sha256(`${previous}\n${String(rowHash)}`));
      previous = String(chainHash);
    }
    expect(Object.keys(rows[0]!)).toEqual([...EXPORT_COLUMNS]);
  });

  it('ends JSON Lines with a manifest signed by the service key, naming the selection, the rows and the latest checkpoint', async () => {
    const file = await exported({ correlationId: CORRELATION });
    const { rows, manifest } = jsonl(file);
    expect(manifest).toEqual({
      version: 1,
      selection: { correlationId: CORRELATION },
      format: 'jsonl',
      masked: true,
      disclosure: null,
      count: 6,
      firstPosition: rows[0]!.position,
      lastPosition: rows[5]!.position,
      exportHead: rows[5]!.chainHash,
      storeHead: { position: '6', events: 6, headHash: 'ab'.repeat(32) },
      checkpoint: await checkpoints.latest(),
      exportedAt: '2026-03-10T06:00:00.000Z',
      exportedBy: AUDITOR,
      keyId: key.keyId,
      signature: expect.any(String),
    });
    expect(await verify(file)).toMatchObject({ valid: true, rows: 6, problems: [] });
  });

  it('masks a Person stream’s IIN in the manifest’s selection, as in the rows', async () => {
    const file = await exported({ stream: `person-${APPLICANT_IIN}` });
    expect(readFileSync(file, 'utf8')).not.toContain(APPLICANT_IIN);
    expect(await verify(file)).toMatchObject({ valid: true, rows: 1 });
  });

  it('says checkpoint: null without a checkpoint log, and still verifies', async () => {
    const file = await exported({ stream: 'notes-a' }, 'jsonl', null);
    expect(jsonl(file).manifest).toMatchObject({ checkpoint: null, storeHead: null });
    expect(await verify(file)).toMatchObject({ valid: true, rows: 3 });
  });

  it('detects an edited row, at its line', async () => {
    const file = await exported({ correlationId: CORRELATION });
    const { rows, manifest } = jsonl(file);
    rows[2] = { ...rows[2], data: { ...(rows[2]!.data as Row), text: 'note 3, rewritten' } };
    write(file, rows, manifest);
    const problems = await problemsOf(file);
    expect(problems).toEqual([
      expect.stringMatching(/^line 3 \(position \d+\): rowHash \w+… does not match the row's content .*edited$/),
      expect.stringMatching(/^export: the chain recomputed from the rows ends at .*not the rows that were signed$/),
    ]);
  });

  it('detects an edit whose every hash was computed again: the signed head differs', async () => {
    const file = await exported({ correlationId: CORRELATION });
    const { rows, manifest } = jsonl(file);
    rows[4] = { ...rows[4], actor: { id: 'officer-2', role: 'operator' } };
    write(file, rehash(rows), manifest);
    expect(await problemsOf(file)).toEqual([
      expect.stringMatching(/^export: the chain recomputed from the rows ends at \w+…, the signed export head is/),
    ]);
  });

  it('detects a row dropped in the middle, at the row after the gap', async () => {
    const file = await exported({ correlationId: CORRELATION });
    const { rows, manifest } = jsonl(file);
    write(file, [...rows.slice(0, 2), ...rows.slice(3)], manifest);
    const problems = await problemsOf(file);
    expect(problems[0]).toMatch(/^line 3 \(position \d+\): chainHash .* does not follow from the previous row/);
    expect(problems).toContain('export: 5 rows where the manifest says 6: rows were dropped');
  });

  it('detects the tail cut off, even with the manifest kept', async () => {
    const file = await exported({ correlationId: CORRELATION });
    const { rows, manifest } = jsonl(file);
    write(file, rows.slice(0, 4), manifest);
    const problems = await problemsOf(file);
    expect(problems).toEqual([
      'export: 4 rows where the manifest says 6: rows were dropped',
      `export: last position ${String(rows[3]!.position)} where the manifest says ${manifest.lastPosition}`,
      expect.stringMatching(/^export: the chain recomputed/),
    ]);
  });

  it('detects a manifest cut off with the tail', async () => {
    const file = await exported({ correlationId: CORRELATION });
    const { rows } = jsonl(file);
    writeFileSync(file, rows.map((row) => JSON.stringify(row) + '\n').join(''));
    expect(await problemsOf(file)).toEqual(['manifest: none: the last line is not {"manifest":{…}} (was it cut off?)']);
  });

  it('detects two rows swapped: out of global order, and off the chain', async () => {
    const file = await exported({ correlationId: CORRELATION });
    const { rows, manifest } = jsonl(file);
    [rows[1], rows[2]] = [rows[2]!, rows[1]!];
    write(file, rows, manifest);
    const problems = await problemsOf(file);
    expect(problems).toContain(
      `line 3 (position ${String(rows[2].position)}): position ${String(rows[2].position)} does not come after ${String(rows[1].position)}: rows out of order or repeated`,
    );
    expect(problems.filter((p) => p.includes('does not follow from the previous row'))).toHaveLength(3);
  });

  it('detects a row added at the end with its hashes computed, and a revision missing in a stream', async () => {
    const file = await exported({ stream: 'notes-a' });
    const { rows, manifest } = jsonl(file);
    const forged = { ...rows[2]!, revision: 4, position: '99', eventId: '33333333-3333-4333-8333-333333333333' };
    write(file, rehash([...rows, forged]), manifest);
    expect(await problemsOf(file)).toEqual([
      'line 4 (position 99): revision 4 where 3 comes next: revisions missing before it',
      'export: 4 rows where the manifest says 3: rows were added',
      `export: last position 99 where the manifest says ${manifest.lastPosition}`,
      expect.stringMatching(/^export: the chain recomputed/),
    ]);
  });

  it('detects a row of another selection slipped in', async () => {
    const file = await exported({ stream: 'notes-a' });
    const { rows, manifest } = jsonl(file);
    const other = jsonl(await exported({ stream: 'notes-b' })).rows[0]!;
    write(file, [rows[0]!, other, ...rows.slice(1)], manifest);
    expect(await problemsOf(file)).toContain(
      `line 2 (position ${String(other.position)}): stream notes-b is not the one selected`,
    );
  });

  it('detects a tampered manifest, a wrong key, and a checkpoint not signed by the key', async () => {
    const file = await exported({ correlationId: CORRELATION });
    const { rows, manifest } = jsonl(file);
    write(file, rows.slice(0, 5), {
      ...manifest,
      count: 5,
      lastPosition: rows[4]!.position,
      exportHead: rows[4]!.chainHash,
    });
    expect(await problemsOf(file)).toEqual([
      'manifest: the signature does not verify: the manifest was altered or not signed by this key',
    ]);

    const intact = await exported({ correlationId: CORRELATION });
    const other = ServiceSigningKey.generate();
    expect((await verify(intact, other.publicKeyPem)).problems).toEqual([
      { where: 'manifest', what: `signed with key ${key.keyId}, but the public key given is ${other.keyId}` },
      { where: 'checkpoint', what: `signed with key ${key.keyId}, but the public key given is ${other.keyId}` },
    ]);

    const forgedCheckpoint = { ...manifest.checkpoint!, headHash: 'cd'.repeat(32) };
    const resigned = {
      ...manifest,
      checkpoint: forgedCheckpoint,
      storeHead: { ...manifest.storeHead!, headHash: 'cd'.repeat(32) },
    };
    const { signature: _old, ...unsigned } = resigned;
    write(file, rows, signManifest(unsigned, key));
    expect(await problemsOf(file)).toEqual(['checkpoint: the signature does not verify']);
  });

  describe('CSV, its manifest beside the file', () => {
    it('writes the hashes as columns and the manifest to <file>.manifest.json; the same rows hash alike in both formats', async () => {
      const csv = await exported({ correlationId: CORRELATION }, 'csv');
      const records = parseCsv(readFileSync(csv, 'utf8'));
      expect(records[0]).toEqual([...EXPORT_COLUMNS]);
      const manifest = JSON.parse(readFileSync(`${csv}.manifest.json`, 'utf8')) as SignedExportManifest;
      const asJsonl = jsonl(await exported({ correlationId: CORRELATION })).manifest;
      expect(manifest.format).toBe('csv');
      expect(manifest.exportHead).toBe(asJsonl.exportHead);
      expect(records.slice(1).map((r) => r[EXPORT_COLUMNS.indexOf('rowHash')])).toEqual(
        jsonl(await exported({ correlationId: CORRELATION })).rows.map((row) => row.rowHash),
      );
      expect(await verify(csv)).toMatchObject({ valid: true, rows: 6, format: 'csv' });
    });

    it('detects an edited field, a dropped record and a swap', async () => {
      const csv = await exported({ stream: 'notes-a' }, 'csv');
      const text = readFileSync(csv, 'utf8');
      // The note's text is masked (an unknown event type's data is masked whole, ADR 26): edit its type.
      const edited = text.split('\r\n');
      edited[2] = edited[2]!.replace('NoteTaken', 'NoteRetaken');
      writeFileSync(csv, edited.join('\r\n'));
      expect(await problemsOf(csv)).toEqual([
        expect.stringMatching(/^record 2 \(line 3\) \(position \d+\): rowHash .* the row was edited$/),
        expect.stringMatching(/^export: the chain recomputed/),
      ]);

      const records = text.trimEnd().split('\r\n');
      writeFileSync(csv, [records[0], records[1], records[3]].join('\r\n') + '\r\n');
      const dropped = await problemsOf(csv);
      expect(dropped).toContain('export: 2 rows where the manifest says 3: rows were dropped');
      expect(dropped).toContainEqual(expect.stringMatching(/^record 2 .*revision 2 where 1 comes next/));

      writeFileSync(csv, [records[0], records[2], records[1], records[3]].join('\r\n') + '\r\n');
      expect(await problemsOf(csv)).toContainEqual(expect.stringMatching(/^record 2 .*does not come after/));
    });

    it('refuses to check a CSV without its manifest (bad arguments, not a verdict)', async () => {
      const csv = await exported({ stream: 'notes-a' }, 'csv');
      rmSync(`${csv}.manifest.json`);
      await expect(verify(csv)).rejects.toThrow(/no manifest .*manifest\.json/);
    });
  });
});
