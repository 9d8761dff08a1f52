import type { RecordedEvent } from '@libs/event-sourcing';
import type { AuditRecordReadData } from '@libs/workflow';
import { verifyAccessChain } from '@libs/workflow';
import { E2eApp } from './support/e2e-app';
import { openQuota, submissionBody, submitAndSign } from './support/journeys';
import { expectFieldErrors, expectProblem } from './support/problems';

async function accessRecords(e: E2eApp): Promise<RecordedEvent[]> {
  const records: RecordedEvent[] = [];
  for await (const event of e.store.readStream('audit-access')) records.push(event);
  return records;
}

describe('recorded access and disclosure grants over HTTP (ADR 26)', () => {
  let e: E2eApp;
  let id: string;
  const grantBody = (overrides: Record<string, unknown> = {}) => ({
    grantee: 'auditor-2',
    selection: { stream: `application-${id}` },
    reason: 'prosecutor’s request 12-3',
    expiresAt: '2026-03-03T05:00:00Z',
    ...overrides,
  });
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
    id = await submitAndSign(e, submissionBody());
    await e.settle();
  });
  afterAll(() => e.close());

  it('records every auditor read — who, what, when, masked or not — in a chain of its own', async () => {
    const before = (await accessRecords(e)).length;
    e.clock.set('2026-03-02T06:00:00.000Z');
    await e.as('auditor', 'auditor-2').get(`/audit/applications/${id}/history`).expect(200);
    await e.as('auditor', 'auditor-2').get(`/audit/applications/${id}/as-of?revision=0`).expect(200);
    await e.as('auditor', 'auditor-2').get(`/audit/applications/${id}/diff?from=0&to=1`).expect(200);
    await e.as('reviewer', 'reviewer-1').get(`/audit/applications/${id}/history`).expect(200);
    await e.as('auditor', 'auditor-2').get(`/audit/export?stream=application-${id}`).expect(200);
    await e.as('auditor', 'auditor-2').get(`/audit/applications/${id}/decision`).expect(200);
    const records = (await accessRecords(e)).slice(before);
    expect(records.map((record) => (record.data as AuditRecordReadData).operation)).toEqual([
      'history',
      'as-of',
      'diff',
      'history',
      'export',
      'decision',
    ]);
    expect(records[0]!.data).toMatchObject({
      reader: { id: 'auditor-2', role: 'auditor' },
      target: { id },
      inClear: false,
      grantId: null,
      readAt: '2026-03-02T06:00:00.000Z',
    });
    expect(records[1]!.data).toMatchObject({ target: { id, revision: '0' } });
    expect(records[3]!.data).toMatchObject({ reader: { id: 'reviewer-1', role: 'reviewer' }, inClear: true });
    expect(await verifyAccessChain(e.store)).toMatchObject({ ok: true });
  });

  it('lets only an admin grant, never to themselves, and checks what is granted', async () => {
    expectProblem(await e.as('auditor').post('/audit/disclosure-grants', grantBody()), 403, 'AUTH.FORBIDDEN');
    expectFieldErrors(await e.as('admin', 'auditor-2').post('/audit/disclosure-grants', grantBody()), ['grantee']);
    expectFieldErrors(
      await e.as('admin', 'admin-7').post('/audit/disclosure-grants', grantBody({ expiresAt: '2026-01-01T00:00:00Z' })),
      ['expiresAt'],
    );
    expectFieldErrors(
      await e
        .as('admin', 'admin-7')
        .post('/audit/disclosure-grants', grantBody({ selection: { stream: 'a', from: 'b' } })),
      ['selection'],
    );
  });

  it('refuses an export in clear under an unknown, foreign, mismatched, expired or used grant', async () => {
    const { body: grant } = await e.as('admin', 'admin-7').post('/audit/disclosure-grants', grantBody()).expect(201);
    expect(grant).toMatchObject({ grantedBy: { id: 'admin-7', role: 'admin' }, grantee: 'auditor-2' });
    const exportAs = (user: string, query: string) => e.as('auditor', user).get(`/audit/export?${query}`);
    const mine = `stream=application-${id}&grant=${grant.grantId}`;
    expectProblem(
      await exportAs('auditor-2', `stream=application-${id}&grant=00000000-0000-4000-8000-000000000000`),
      403,
      'AUDIT.GRANT_UNKNOWN',
    );
    expectProblem(await exportAs('auditor-3', mine), 403, 'AUDIT.GRANT_OTHER_GRANTEE');
    expectProblem(
      await exportAs('auditor-2', `correlationId=x&grant=${grant.grantId}`),
      403,
      'AUDIT.GRANT_OTHER_SELECTION',
    );
    await exportAs('auditor-2', mine).expect(200);
    expectProblem(await exportAs('auditor-2', mine), 409, 'AUDIT.GRANT_USED');

    const { body: late } = await e.as('admin', 'admin-7').post('/audit/disclosure-grants', grantBody()).expect(201);
    e.clock.set('2026-03-03T05:00:00.000Z');
    expectProblem(
      await exportAs('auditor-2', `stream=application-${id}&grant=${late.grantId}`),
      403,
      'AUDIT.GRANT_EXPIRED',
    );
    const disclosures: RecordedEvent[] = [];
    for await (const event of e.store.readStream('audit-disclosures')) disclosures.push(event);
    expect(disclosures.map((event) => (event.data as { grantId: string }).grantId)).toEqual([grant.grantId]);
    const exports = (await accessRecords(e))
      .map((record) => record.data as AuditRecordReadData)
      .filter((read) => read.operation === 'export' && read.grantId === grant.grantId);
    expect(exports.length).toBeGreaterThanOrEqual(2);
    expect(exports.every((read) => read.inClear)).toBe(true);
  });
});
