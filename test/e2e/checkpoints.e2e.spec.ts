import { createServer } from 'node:net';
import { verifyDetached } from '@libs/auth';
import { CheckpointSigner, checkpointSigningText } from '@libs/workflow';
import { E2eApp, e2eEventStore } from './support/e2e-app';
import { openQuota } from './support/journeys';
import { expectFieldErrors, expectProblem } from './support/problems';

const store = () => (e2eEventStore() === 'eventstoredb' ? 'eventstoredb' : 'sqlite');

describe('anchored chain heads over HTTP (ADR 24)', () => {
  let e: E2eApp;
  beforeAll(async () => {
    e = await E2eApp.start({ env: { KANDAS_CHECKPOINT_INTERVAL_SECONDS: '600' } });
    await openQuota(e);
  });
  afterAll(() => e.close());

  it('has no checkpoint before the first one is signed', async () => {
    expectProblem(await e.as('auditor').get('/audit/checkpoints/latest'), 404, 'AUDIT.NO_CHECKPOINT');
  });

  it('lets an auditor or an admin sign the head now, and no other role', async () => {
    for (const role of ['portal', 'operator', 'reviewer', 'supervisor'] as const)
      expectProblem(await e.as(role).post('/audit/checkpoints'), 403, 'AUTH.FORBIDDEN');
    const { body } = await e.as('auditor').post('/audit/checkpoints').expect(201);
    const head = await e.head();
    expect(body).toMatchObject({
      version: 1,
      store: store(),
      position: `${head}`,
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      trigger: 'on-demand',
      signedAt: e.clock.now().toISOString(),
    });
    await e.as('admin').post('/audit/checkpoints').expect(201);
  });

  it('serves the latest checkpoint and the public key that checks its signature offline', async () => {
    const { body: checkpoint } = await e.as('auditor').get('/audit/checkpoints/latest').expect(200);
    const { body: key } = await e.as('auditor').get('/audit/public-key').expect(200);
    expect(key).toMatchObject({ algorithm: 'Ed25519', keyId: checkpoint.keyId });
    expect(verifyDetached(key.publicKeyPem, checkpointSigningText(checkpoint), checkpoint.signature)).toBe(true);
    expectProblem(await e.as('reviewer').get('/audit/public-key'), 403, 'AUTH.FORBIDDEN');
  });

  it('verifies the store against the latest checkpoint, or against a head the auditor names', async () => {
    const { body: checkpoint } = await e.as('auditor').get('/audit/checkpoints/latest').expect(200);
    const { body } = await e.as('auditor').get('/audit/verify').expect(200);
    expect(body).toMatchObject({
      ok: true,
      anchor: { source: 'checkpoint-log', status: 'matches', position: checkpoint.position, keyId: checkpoint.keyId },
    });
    const forged = await e
      .as('auditor')
      .get(`/audit/verify?expectHead=${checkpoint.position}:${'0'.repeat(64)}`)
      .expect(200);
    expect(forged.body).toMatchObject({ ok: false, anchor: { source: 'expected-head', status: 'head-mismatch' } });
    const own = await e
      .as('auditor')
      .get(`/audit/verify?expectHead=${checkpoint.position}:${checkpoint.headHash}`)
      .expect(200);
    expect(own.body).toMatchObject({ ok: true, anchor: { status: 'matches' } });
  });

  it('refuses a malformed expectHead, naming the field', async () => {
    expectFieldErrors(await e.as('auditor').get('/audit/verify?expectHead=12:abc'), ['expectHead']);
  });

  it('signs at the interval by the service clock, only when the head moved', async () => {
    const signer = e.app.get(CheckpointSigner);
    // The reads above were recorded (ADR 26): the first tick after the interval signs them in.
    e.clock.advance({ minutes: 11 });
    await signer.tick();
    const { body: before } = await e.as('auditor').get('/audit/checkpoints/latest').expect(200);
    e.clock.advance({ minutes: 11 });
    expect(await signer.tick()).toBeUndefined(); // nothing appended since
    await openQuota(e, 100, 'almaty');
    expect(await signer.tick()).toMatchObject({ trigger: 'interval', signedAt: e.clock.now().toISOString() });
    const { body: after } = await e.as('auditor').get('/audit/checkpoints/latest').expect(200);
    expect(BigInt(after.position)).toBeGreaterThan(BigInt(before.position));
  });
});

describe('a witness that does not answer (ADR 24)', () => {
  it('costs the witness its copy only: the checkpoint is signed and kept, and /metrics counts the failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const e = await E2eApp.start({ env: { KANDAS_CHECKPOINT_WITNESS_URL: `http://127.0.0.1:${port}/checkpoints` } });
    try {
      await e.as('admin').post('/audit/checkpoints').expect(201);
      await e.as('auditor').get('/audit/checkpoints/latest').expect(200);
      const metrics = await e.http.get('/metrics').expect(200);
      expect(metrics.text).toContain('kandas_checkpoint_copy_failures_total{copy="witness"} 1');
      expect(metrics.text).toContain('kandas_checkpoint_copies_total{copy="witness"} 0');
      expect(metrics.text).toMatch(/kandas_checkpoint_latest_signed_seconds \d+/);
    } finally {
      await e.close();
    }
  });
});
