import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { initialAmendments } from '@domain/law';
import { PUBLIC_KEY_FILE } from '@libs/auth';
import { verifyExportFile } from '@libs/workflow';
import { E2eApp, e2eEventStore } from './support/e2e-app';
import { SPOUSE_IIN } from '../domain/application/fixtures';
import { APPLICANT_IIN, openQuota, reviewEligible, submissionBody, submitAndSign } from './support/journeys';
import { expectFieldErrors, expectProblem, UNKNOWN_ID } from './support/problems';

const MASKED = `**********${APPLICANT_IIN.slice(10)}`;

describe('the auditors’ history and time travel over HTTP', () => {
  let e: E2eApp;
  let id: string;
  let beforeSubmission: string;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
    beforeSubmission = '2026-03-02T05:00:30.000Z'; // between the quota order (05:00) and the submission (05:01)
    e.clock.set('2026-03-02T05:01:00.000Z');
    id = await submitAndSign(e, submissionBody());
    await e.settle();
    await reviewEligible(e, id);
    await e.settle();
  });
  afterAll(() => e.close());

  it('gives an auditor the history with its metadata, every IIN masked', async () => {
    const { body } = await e.as('auditor').get(`/audit/applications/${id}/history`).expect(200);
    expect(body.applicationId).toBe(id);
    expect(body.events.map((event: { type: string }) => event.type)).toEqual([
      'ApplicationSubmitted',
      'SigningCodeIssued',
      'ApplicationSigned',
      'ReviewDeadlineScheduled',
      'HearingNoticeDeadlineScheduled',
      'ReviewStarted',
      'ApplicationReviewed',
      'ApplicationIncluded',
      'SubsidyGranted',
      'SubsidyGranted',
    ]);
    expect(body.events[0]).toMatchObject({
      position: expect.stringMatching(/^\d+$/),
      revision: 0,
      actor: { id: 'egov', role: 'portal' },
      commandId: expect.any(String),
      correlationId: expect.any(String),
      causationId: expect.any(String),
      occurredAt: expect.any(String),
      recordedAt: expect.any(String),
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain(APPLICANT_IIN);
    expect(text).toContain(MASKED);
    expect(text).not.toMatch(/"\d{12}"/);
  });

  it('shows the reviewer who decides on the person the IINs unmasked', async () => {
    const { body } = await e.as('reviewer').get(`/audit/applications/${id}/history`).expect(200);
    expect(JSON.stringify(body)).toContain(APPLICANT_IIN);
  });

  it('forbids the portal, and the reviewer the auditors’ other views', async () => {
    expectProblem(await e.as('portal', 'egov').get(`/audit/applications/${id}/history`), 403, 'AUTH.FORBIDDEN');
    expectProblem(
      await e.as('portal', 'egov').get(`/audit/applications/${id}/as-of?revision=0`),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(await e.as('reviewer').get(`/audit/applications/${id}/diff?from=0&to=1`), 403, 'AUTH.FORBIDDEN');
  });

  it('answers 404 for an application with no stream', async () => {
    expectProblem(await e.as('auditor').get(`/audit/applications/${UNKNOWN_ID}/history`), 404, 'APPLICATION.NOT_FOUND');
    expectProblem(
      await e.as('auditor').get(`/audit/applications/${UNKNOWN_ID}/as-of?revision=0`),
      404,
      'APPLICATION.NOT_FOUND',
    );
    expectProblem(
      await e.as('auditor').get(`/audit/applications/${UNKNOWN_ID}/diff?from=0&to=1`),
      404,
      'APPLICATION.NOT_FOUND',
    );
    expectProblem(
      await e.as('auditor').get('/audit/quotas/almaty/2030/kandas/as-of?revision=0'),
      404,
      'QUOTA.NOT_FOUND',
    );
    expectProblem(
      await e.as('auditor').get('/audit/correlations/nothing-like-this'),
      404,
      'AUDIT.CORRELATION_NOT_FOUND',
    );
  });

  it('follows the review’s correlation into the quota stream', async () => {
    const history = await e.as('auditor').get(`/audit/applications/${id}/history`).expect(200);
    const reviewed = history.body.events.find((event: { type: string }) => event.type === 'ApplicationReviewed');
    const { body } = await e.as('admin').get(`/audit/correlations/${reviewed.correlationId}`).expect(200);
    const streams = new Set(body.events.map((event: { streamId: string }) => event.streamId));
    // The inclusion is recorded for each person with an IIN (ADR 16), their stream ids masked like any IIN;
    // the applicant is told of it on the application's notice stream (ADR 28).
    const masked = (iin: string) => `person-**********${iin.slice(10)}`;
    expect(streams).toEqual(
      new Set([
        `application-${id}`,
        'regional-quota-pavlodar-2026-kandas',
        masked(APPLICANT_IIN),
        masked(SPOUSE_IIN),
        `notices-${id}`,
      ]),
    );
    expect(body.events.map((event: { type: string }) => event.type)).toEqual(
      expect.arrayContaining(['ApplicationReviewed', 'SeatsReserved', 'ApplicationIncluded', 'NoticeIssued']),
    );
  });

  it('folds the application as of a revision or an instant, masked', async () => {
    // Revision 1 is the signing code issued; 2 the signature.
    const signed = await e.as('auditor').get(`/audit/applications/${id}/as-of?revision=2`).expect(200);
    expect(signed.body).toMatchObject({
      revision: 2,
      position: expect.stringMatching(/^\d+$/),
      state: { status: 'signed' },
    });
    expect(JSON.stringify(signed.body)).not.toContain(APPLICANT_IIN);
    const now = await e
      .as('auditor')
      .get(`/audit/applications/${id}/as-of?at=${encodeURIComponent(new Date().toISOString())}`)
      .expect(200);
    expect(now.body).toMatchObject({ revision: 9, state: { status: 'included' } });
    expectProblem(
      await e.as('auditor').get(`/audit/applications/${id}/as-of?at=${encodeURIComponent(beforeSubmission)}`),
      404,
      'AUDIT.NOTHING_AS_OF',
    );
  });

  it('folds a quota into plain JSON', async () => {
    const { body } = await e.as('auditor').get(`/audit/quotas/pavlodar/2026/kandas/as-of?revision=1`).expect(200);
    expect(body.state).toMatchObject({
      status: 'open',
      capacity: 977,
      taken: 3,
      reservations: { [id]: 3 },
      declined: [],
    });
  });

  it('diffs two revisions', async () => {
    const { body } = await e.as('auditor').get(`/audit/applications/${id}/diff?from=2&to=7`).expect(200);
    expect(body.events.map((event: { revision: number }) => event.revision)).toEqual([3, 4, 5, 6, 7]);
    expect(body.changes).toContainEqual({ path: 'status', before: 'signed', after: 'included' });
  });

  it('refuses malformed points with 400 naming the field', async () => {
    const auditor = e.as('auditor');
    expectFieldErrors(await auditor.get(`/audit/applications/${id}/as-of`), ['at']);
    expectFieldErrors(await auditor.get(`/audit/applications/${id}/as-of?at=yesterday`), ['at']);
    expectFieldErrors(await auditor.get(`/audit/applications/${id}/as-of?revision=-1`), ['revision']);
    expectFieldErrors(await auditor.get(`/audit/applications/${id}/as-of?revision=1&at=2026-03-02T05:00:00Z`), [
      'revision',
    ]);
    expectFieldErrors(await auditor.get(`/audit/applications/${id}/diff?from=x`), ['from', 'to']);
    expectFieldErrors(await auditor.get(`/audit/applications/${id}/diff?from=5&to=1`), ['to']);
    expectFieldErrors(await auditor.get('/audit/quotas/atlantis/20x6/other/as-of?revision=0'), [
      'region',
      'year',
      'category',
    ]);
    expectProblem(await auditor.get('/audit/applications/not-a-uuid/history'), 400);
  });
});

describe('tamper evidence over HTTP', () => {
  it('verifies a clean store on either adapter: SQLite by its hash chains, EventStoreDB by the digest chain over $all', async () => {
    const e = await E2eApp.start();
    try {
      await openQuota(e);
      const { body } = await e.as('auditor').get('/audit/verify').expect(200);
      expect(body).toMatchObject({
        ok: true,
        store: e2eEventStore() === 'eventstoredb' ? 'eventstoredb' : 'sqlite',
        // The quota, after the initial amendments of the law recorded at start (ADR 22), and this
        // read itself, recorded in the access chain before it is answered (ADR 26).
        events: 2 + initialAmendments().length,
        lastChainHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        brokenLinks: [],
        gaps: [],
        anchor: { source: 'none', status: 'none' },
      });
    } finally {
      await e.close();
    }
  });
});

describe('exports over HTTP', () => {
  it('exports a stream masked as JSON Lines, and in clear only under an admin’s grant, recording the disclosure', async () => {
    const e = await E2eApp.start();
    try {
      await openQuota(e);
      const id = await submitAndSign(e, submissionBody());
      const masked = await e
        .as('auditor')
        .get(`/audit/export?stream=application-${id}&format=jsonl`)
        .expect(200)
        .expect('Content-Type', /ndjson/);
      const lines = masked.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines[0]).toMatchObject({ type: 'ApplicationSubmitted', streamId: `application-${id}` });
      expect(masked.text).not.toContain(APPLICANT_IIN);
      expect(masked.text).toContain(MASKED);

      expectFieldErrors(
        await e.as('admin', 'admin-7').get(`/audit/export?stream=application-${id}&unmaskReason=court%20order`),
        ['unmaskReason'],
      );
      const grant = await e
        .as('admin', 'admin-7')
        .post('/audit/disclosure-grants', {
          grantee: 'auditor-2',
          selection: { stream: `application-${id}` },
          reason: 'court order 12-3',
          expiresAt: '2026-03-03T05:00:00Z',
        })
        .expect(201);
      const clear = await e
        .as('auditor', 'auditor-2')
        .get(`/audit/export?stream=application-${id}&format=csv&grant=${grant.body.grantId}`)
        .expect(200)
        .expect('Content-Type', /text\/csv/);
      expect(clear.text).toContain(APPLICANT_IIN);
      const disclosures = [];
      for await (const event of e.store.readStream('audit-disclosures')) disclosures.push(event);
      expect(disclosures).toEqual([
        expect.objectContaining({
          type: 'PersonalDataDisclosed',
          data: expect.objectContaining({
            grantId: grant.body.grantId,
            grantedBy: 'admin-7',
            reason: 'court order 12-3',
            requestedBy: { id: 'auditor-2', role: 'auditor' },
          }),
        }),
      ]);
      await e.as('auditor').get('/audit/export?format=xml&stream=x').expect(400);
    } finally {
      await e.close();
    }
  });
});

describe('verifiable exports over HTTP (ADR 25)', () => {
  /** The body as text and the HTTP trailers, which only the raw response holds (superagent hands it to a parser). */
  const withTrailers = (received: unknown, done: (error: Error | null, body: unknown) => void) => {
    const response = received as IncomingMessage;
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => done(null, { text, trailers: response.trailers }));
  };

  it('streams bodies that verify offline with the public key in the data folder: JSON Lines in band, CSV with its manifest in the trailer', async () => {
    const e = await E2eApp.start();
    try {
      await openQuota(e);
      const id = await submitAndSign(e, submissionBody());
      const publicKeyPem = readFileSync(join(e.dir, PUBLIC_KEY_FILE), 'utf8');

      const jsonl = await e.as('auditor').get(`/audit/export?stream=application-${id}`).expect(200);
      const jsonlFile = join(e.dir, 'received.jsonl');
      writeFileSync(jsonlFile, jsonl.text);
      expect(await verifyExportFile({ file: jsonlFile, publicKeyPem })).toMatchObject({ valid: true, problems: [] });
      writeFileSync(jsonlFile, jsonl.text.replace(/"revision":1,/, '"revision":7,'));
      expect((await verifyExportFile({ file: jsonlFile, publicKeyPem })).valid).toBe(false);

      const { body: grant } = await e
        .as('admin', 'admin-7')
        .post('/audit/disclosure-grants', {
          grantee: 'auditor-2',
          selection: { stream: `application-${id}` },
          reason: 'court order',
          expiresAt: new Date(e.clock.now().getTime() + 86_400_000).toISOString(),
        })
        .expect(201);
      const csv = await e
        .as('auditor', 'auditor-2')
        .get(`/audit/export?stream=application-${id}&format=csv&grant=${grant.grantId}`)
        .buffer(true)
        .parse(withTrailers)
        .expect(200)
        .expect('Trailer', 'Kandas-Export-Manifest');
      const { text, trailers } = csv.body as { text: string; trailers: Record<string, string> };
      const csvFile = join(e.dir, 'received.csv');
      writeFileSync(csvFile, text);
      const manifest = Buffer.from(trailers['kandas-export-manifest']!, 'base64').toString('utf8');
      writeFileSync(`${csvFile}.manifest.json`, manifest);
      expect(JSON.parse(manifest)).toMatchObject({
        format: 'csv',
        masked: false,
        disclosure: { eventId: expect.any(String), grant: { grantId: grant.grantId } },
        exportedBy: { id: 'auditor-2', role: 'auditor' },
      });
      expect(await verifyExportFile({ file: csvFile, publicKeyPem })).toMatchObject({ valid: true, problems: [] });
    } finally {
      await e.close();
    }
  });
});
