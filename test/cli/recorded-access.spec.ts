import { jwtSettings, mintToken } from '@libs/auth';
import type { RecordedEvent } from '@libs/event-sourcing';
import { AUDIT_ACCESS_STREAM, verifyAccessChain } from '@libs/workflow';
import type { AuditRecordReadData } from '@libs/workflow';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { runCommand } from '../../apps/cli/src/run-command';
import { SagaHarness } from '../saga/support/saga-harness';

const SECRET = 'recorded-access-spec-secret-0123456789abcdef0123456789';

/** A copy of a recorded read, appended by hand to another store at a revision: to edit or reorder the chain. */
function appendRecord(store: InMemoryEventStore, data: AuditRecordReadData, revision: number) {
  const metadata = {
    actor: data.reader,
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    occurredAt: data.readAt,
  };
  return store.append(
    AUDIT_ACCESS_STREAM,
    [
      {
        eventId: `00000000-0000-4000-8000-00000000000${revision}`,
        type: 'AuditRecordRead',
        schemaVersion: 1,
        data,
        metadata,
      },
    ],
    { expectedRevision: revision === 0 ? 'no-stream' : revision - 1 },
  );
}

describe('recorded access and disclosure grants from the CLI (ADR 26)', () => {
  let h: SagaHarness;
  const previousSecret = process.env.KANDAS_JWT_SECRET;
  const cli = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await runCommand(h.app, argv, (line) => lines.push(line));
    return { code, lines };
  };
  const token = (role: 'admin' | 'auditor', id: string) =>
    mintToken(jwtSettings({ KANDAS_JWT_SECRET: SECRET }), { id, role }, h.clock.now());
  const access = async () => {
    const records: RecordedEvent[] = [];
    for await (const event of h.store.readStream(AUDIT_ACCESS_STREAM)) records.push(event);
    return records.map((record) => record.data as AuditRecordReadData);
  };

  beforeAll(async () => {
    process.env.KANDAS_JWT_SECRET = SECRET;
    h = await SagaHarness.start();
  });
  afterAll(async () => {
    await h.close();
    if (previousSecret === undefined) delete process.env.KANDAS_JWT_SECRET;
    else process.env.KANDAS_JWT_SECRET = previousSecret;
  });

  it('records each audit command as the OS user, never the token, and verifies the chain', async () => {
    await cli('correlation', '00000000-0000-4000-8000-000000000000');
    await cli('export', '--stream', 'application-x', '--token', token('auditor', 'auditor-2'));
    const verified = await cli('verify-access');
    expect(verified.code).toBe(0);
    expect(verified.lines[0]).toMatch(/^OK: 3 recorded read\(s\) verified; chain head [0-9a-f]{64}$/);
    const reads = await access();
    expect(reads.map((read) => read.operation)).toEqual(['correlation', 'export', 'verify-access']);
    expect(reads[0]).toMatchObject({
      reader: { id: expect.stringMatching(/^cli:/), role: 'cli' },
      target: { 'correlation-id': '00000000-0000-4000-8000-000000000000' },
      previousHash: null,
    });
    expect(reads[1]!.target).toEqual({ stream: 'application-x', format: 'jsonl' });
    expect(reads[1]!.previousHash).toBe(reads[0]!.hash);
  });

  it('grants a disclosure only on an admin’s valid token, and prints the grant id', async () => {
    const args = ['--grantee', 'auditor-2', '--stream', 'application-x', '--reason', 'court', '--expires'];
    const expires = new Date(h.clock.now().getTime() + 86_400_000).toISOString();
    const granted = await cli('grant-disclosure', '--token', token('admin', 'admin-7'), ...args, expires);
    expect(granted).toEqual({ code: 0, lines: [expect.stringMatching(/^[0-9a-f-]{36}$/)] });
    // Refused as commander refuses: one line on stderr, exit code 2.
    expect((await cli('grant-disclosure', '--token', token('auditor', 'auditor-2'), ...args, expires)).code).toBe(2);
    expect((await cli('grant-disclosure', '--token', 'not-a-token', ...args, expires)).code).toBe(2);
    expect((await cli('grant-disclosure', '--token', token('admin', 'admin-7'), ...args, 'tomorrow')).code).toBe(2);
  });

  it('names the first edited, removed or reordered access record', async () => {
    const store = new InMemoryEventStore();
    const records = await access();
    await appendRecord(store, records[0]!, 0);
    await appendRecord(store, { ...records[1]!, target: { stream: 'something-else' } }, 1);
    expect(await verifyAccessChain(store)).toMatchObject({
      ok: false,
      readsChecked: 1,
      brokenAt: { revision: 1, reason: 'its hash does not match its content' },
    });
    const reordered = new InMemoryEventStore();
    await appendRecord(reordered, records[1]!, 0);
    expect(await verifyAccessChain(reordered)).toMatchObject({ ok: false, readsChecked: 0, brokenAt: { revision: 0 } });
  });
});
