import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { E2eApp } from './support/e2e-app';

/**
 * The back office serves the built console at /console (ADR 30): the page for every address the
 * console routes in the browser, its hashed assets cached for good, a policy that lets no inline
 * script run, and a clear 503 when nobody built it.
 */
describe('the console served at /console', () => {
  const built = mkdtempSync(join(tmpdir(), 'kandas-console-'));
  mkdirSync(join(built, 'assets'));
  writeFileSync(
    join(built, 'index.html'),
    '<!doctype html><title>console</title><script type="module" src="/console/assets/index-abc123.js"></script>',
  );
  writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log("console")');
  let e: E2eApp;
  beforeAll(async () => {
    e = await E2eApp.start({ env: { KANDAS_CONSOLE_DIR: built } });
  });
  afterAll(async () => {
    await e.close();
    rmSync(built, { recursive: true, force: true });
  });

  it.each(['/console', '/console/', '/console/queue', '/console/applications/5b0c0c39-0000-4000-8000-000000000000'])(
    'answers %s with the page, revalidated on every visit, under the console policy',
    async (path) => {
      const answer = await request(e.app.getHttpServer()).get(path).expect(200);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.text).toContain('<title>console</title>');
      expect(answer.headers['cache-control']).toBe('no-cache');
      const policy = answer.headers['content-security-policy'];
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(policy).toContain("frame-ancestors 'none'");
    },
  );

  it('serves a hashed asset cached for a year, and a missing one as 404, never the page', async () => {
    const asset = await request(e.app.getHttpServer()).get('/console/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const missing = await request(e.app.getHttpServer()).get('/console/assets/index-old.js').expect(404);
    expect(missing.text).not.toContain('<title>console</title>');
  });

  it('leaves the API as it was: no page for an API address, and the API policy', async () => {
    const answer = await e.as('reviewer').get('/queues/mine').expect(200);
    expect(answer.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('answers 503 naming what to run when the console was not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kandas-console-none-'));
    const bare = await E2eApp.start({ env: { KANDAS_CONSOLE_DIR: empty } });
    try {
      const answer = await request(bare.app.getHttpServer()).get('/console/queue').expect(503);
      expect(answer.body).toMatchObject({ code: 'CONSOLE.NOT_BUILT' });
      expect(answer.body.detail).toContain('npm run build');
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
