import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { AppModule } from '../../apps/back-office/src/app.module';

describe('back office health (real HTTP, SQLite file)', () => {
  let dir: string;
  let app: INestApplication;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kandas-e2e-'));
    const config = readRuntimeConfig({ KANDAS_EVENTS_FILE: join(dir, 'events.sqlite'), KANDAS_READ_MODELS_FILE: join(dir, 'read.sqlite'), SQLITE_SYNCHRONOUS: 'NORMAL' });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });

  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is live and ready on a new, empty store', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    await request(app.getHttpServer()).get('/health').expect(200, { status: 'ok', eventStore: { head: null } });
  });

  it('is not ready when the event store cannot answer', async () => {
    await app.get<EventStore>(EVENT_STORE).close();
    const response = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(response.body).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('closed') });
  });
});
