import { EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { EventTypeRegistry } from '@libs/event-sourcing';
import {
  AuditStreamNotFoundError,
  AuditTrail,
  diffJson,
  InvalidAuditPointError,
  maskPersonalId,
  maskPersonalText,
  printCorrelation,
  printDiff,
  printHistory,
  printStateAsOf,
  toPlainJson,
} from '@libs/workflow';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { APPLICANT_IIN } from '../domain/application/fixtures';
import { SagaHarness } from '../saga/support/saga-harness';
import { knownFamily, review, submitAndSign } from '../saga/support/scenario';

/** `at` compares occurredAt, the injected clock: a mark between two steps, then the clock moves on past it. */
function mark(h: SagaHarness): string {
  const instant = new Date(h.clock.now().getTime() + 30_000).toISOString();
  h.clock.set(new Date(h.clock.now().getTime() + 60_000));
  return instant;
}

describe('the audit trail over a real workflow history', () => {
  let h: SagaHarness;
  let audit: AuditTrail;
  let id: string;
  const marks: Record<'beforeSubmission' | 'afterSigning' | 'afterDecision', string> = {
    beforeSubmission: '',
    afterSigning: '',
    afterDecision: '',
  };

  beforeAll(async () => {
    h = await SagaHarness.start();
    audit = new AuditTrail(h.store, h.app.get<EventTypeRegistry>(EVENT_TYPE_REGISTRY));
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    marks.beforeSubmission = mark(h);
    id = await submitAndSign(h, knownFamily());
    await h.settle();
    marks.afterSigning = mark(h);
    h.clock.set('2026-03-10T06:00:00.000Z');
    await review(h, id, 'eligible');
    await h.settle();
    marks.afterDecision = mark(h);
  });
  afterAll(() => h.close());

  it('reads a history with every piece of metadata, positions as strings, in revision order', async () => {
    const history = await audit.applicationHistory(id);
    expect(history.map((e) => e.type)).toEqual([
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
    expect(history.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(history[0]).toEqual({
      position: expect.stringMatching(/^\d+$/),
      streamId: `application-${id}`,
      revision: 0,
      eventId: expect.any(String),
      type: 'ApplicationSubmitted',
      schemaVersion: expect.any(Number),
      occurredAt: '2026-03-02T05:01:00.000Z',
      recordedAt: expect.any(String),
      actor: { id: 'egov', role: 'portal' },
      commandId: expect.any(String),
      correlationId: expect.any(String),
      causationId: expect.any(String),
      data: expect.objectContaining({ applicationId: id }),
    });
    const positions = history.map((e) => BigInt(e.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(history.find((e) => e.type === 'ApplicationIncluded')!.actor).toEqual({ id: 'review-saga', role: 'system' });
    expect(JSON.stringify(history)).toContain(APPLICANT_IIN);
  });

  it('refuses an unknown stream', async () => {
    await expect(audit.applicationHistory('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      AuditStreamNotFoundError,
    );
  });

  it('follows one correlation across the application and its quota stream, in global order', async () => {
    const reviewed = (await audit.applicationHistory(id)).find((e) => e.type === 'ApplicationReviewed')!;
    const caused = await audit.correlation(reviewed.correlationId);
    expect(caused.map((e) => [e.streamId, e.type])).toEqual(
      expect.arrayContaining([
        [`application-${id}`, 'ApplicationReviewed'],
        ['regional-quota-pavlodar-2026-kandas', 'SeatsReserved'],
        [`application-${id}`, 'ApplicationIncluded'],
      ]),
    );
    expect(caused[0]!.type).toBe('ApplicationReviewed');
    const positions = caused.map((e) => BigInt(e.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(caused.every((e) => e.correlationId === reviewed.correlationId)).toBe(true);
    expect(await audit.correlation('no-such-correlation')).toEqual([]);
  });

  it('folds the application as of a revision', async () => {
    // Revision 1 is the signing code issued, 2 the signature.
    const signed = await audit.applicationAsOf(id, { revision: 2 });
    expect(signed).toMatchObject({
      streamId: `application-${id}`,
      revision: 2,
      position: expect.stringMatching(/^\d+$/),
      state: { status: 'signed' },
    });
    expect((await audit.applicationAsOf(id, { revision: 7 }))!.state).toMatchObject({
      status: 'included',
      persons: 3,
    });
    expect(await audit.applicationAsOf(id, { revision: 99 })).toBeNull();
  });

  it('folds the application as of an instant (recordedAt): nothing before submission, signed after signing, included after the decision', async () => {
    expect(await audit.applicationAsOf(id, { at: marks.beforeSubmission })).toBeNull();
    // The saga, running live, may already have scheduled the review deadline and the hearing notice's
    // (revisions 3 and 4): still signed.
    const signed = await audit.applicationAsOf(id, { at: marks.afterSigning });
    expect(signed).toMatchObject({ state: { status: 'signed' } });
    expect([2, 3, 4]).toContain(signed!.revision);
    const decided = await audit.applicationAsOf(id, { at: marks.afterDecision });
    expect(decided).toMatchObject({
      revision: 9,
      state: { status: 'included', subsidies: { relocation: expect.any(Object), rent: expect.any(Object) } },
    });
  });

  it('turns the quota state into plain JSON (no Map, no Set)', async () => {
    const opened = await audit.quotaAsOf('pavlodar', 2026, 'kandas', { revision: 0 });
    expect(opened!.state).toEqual({
      status: 'open',
      key: { region: 'pavlodar', year: 2026, category: 'kandas' },
      capacity: 977,
      order: expect.any(Object),
      taken: 0,
      reservations: {},
      declined: [],
    });
    const now = await audit.quotaAsOf('pavlodar', 2026, 'kandas', { at: marks.afterDecision });
    expect(now!.state).toMatchObject({ taken: 3, reservations: { [id]: 3 }, declined: [] });
    expect(JSON.parse(JSON.stringify(now))).toEqual(now);
  });

  it('validates the point: exactly one of at and revision, a real instant', async () => {
    await expect(audit.applicationAsOf(id, {})).rejects.toBeInstanceOf(InvalidAuditPointError);
    await expect(audit.applicationAsOf(id, { at: 'yesterday' })).rejects.toMatchObject({ field: 'point' });
    await expect(audit.applicationAsOf(id, { at: marks.afterSigning, revision: 1 })).rejects.toBeInstanceOf(
      InvalidAuditPointError,
    );
    await expect(audit.diff('application', id, { revision: 5 }, { revision: 1 })).rejects.toMatchObject({
      field: 'to',
    });
  });

  it('diffs two points: the events between them and the fields that changed', async () => {
    const diff = await audit.diff('application', id, { revision: 2 }, { at: marks.afterDecision });
    expect(diff.from).toMatchObject({ revision: 2 });
    expect(diff.to).toMatchObject({ revision: 9 });
    expect(diff.events.map((e) => e.revision)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(diff.changes).toContainEqual({ path: 'status', before: 'signed', after: 'included' });
    expect(diff.changes).toContainEqual({ path: 'persons', before: null, after: 3 });
    expect(diff.changes.some((c) => c.path.startsWith('sla.deadline'))).toBe(true);
    expect(diff.changes.map((c) => c.path)).toEqual([...diff.changes.map((c) => c.path)].sort());
    const fromNothing = await audit.diff('application', id, { at: marks.beforeSubmission }, { revision: 0 });
    expect(fromNothing.from).toEqual({ revision: -1, position: null });
    expect(fromNothing.changes).toContainEqual({ path: 'status', before: 'none', after: 'submitted' });
    const quota = await audit.diff('quota', 'pavlodar-2026-kandas', { revision: 0 }, { revision: 1 });
    expect(quota.changes).toContainEqual({ path: 'taken', before: 0, after: 3 });
    expect(quota.changes).toContainEqual({ path: `reservations.${id}`, before: null, after: 3 });
  });

  it('prints readable lines for the CLI, IINs masked', async () => {
    const lines: string[] = [];
    expect(await printHistory(audit, id, (line) => lines.push(line))).toBe(0);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\s*\\d+  application-${id}@0  ApplicationSubmitted\\s+2026-03-02T05:01:00.000Z  portal:egov  command \\S+$`,
      ),
    );
    const asOf: string[] = [];
    expect(await printStateAsOf(audit, id, { revision: 2 }, (line) => asOf.push(line))).toBe(0);
    expect(asOf.join('\n')).toContain('"status": "signed"');
    expect(asOf.join('\n')).not.toContain(APPLICANT_IIN);
    const diff: string[] = [];
    expect(await printDiff(audit, id, { revision: 2 }, { revision: 7 }, (line) => diff.push(line))).toBe(0);
    expect(diff).toContain('  status: "signed" → "included"');
    expect(await printStateAsOf(audit, id, { at: 'yesterday' }, () => undefined)).toBe(2);
    expect(await printHistory(audit, '00000000-0000-4000-8000-000000000000', () => undefined)).toBe(1);
    expect(await printCorrelation(audit, '00000000-0000-4000-8000-000000000000', () => undefined)).toBe(1);
  });
});

describe('audit helpers', () => {
  it('masks a 12-digit run standing alone in any text, not a longer one nor the last group of a UUID', () => {
    expect(maskPersonalText(`signer ${APPLICANT_IIN}.`)).toBe(`signer **********${APPLICANT_IIN.slice(10)}.`);
    expect(maskPersonalText('1234567890123')).toBe('1234567890123');
    expect(maskPersonalText('3f0c5a7e-8d1b-4c2e-9a6f-123456789012')).toBe('3f0c5a7e-8d1b-4c2e-9a6f-123456789012');
  });

  it('masks the IIN naming a Person stream (ADR 16), and no other stream id', () => {
    expect(maskPersonalId(`person-${APPLICANT_IIN}`)).toBe(`person-**********${APPLICANT_IIN.slice(10)}`);
    expect(maskPersonalId('application-3f0c5a7e-8d1b-4c2e-9a6f-1b2c3d4e5f60')).toBe(
      'application-3f0c5a7e-8d1b-4c2e-9a6f-1b2c3d4e5f60',
    );
  });

  it('makes plain JSON deterministically and diffs nested fields', () => {
    expect(
      toPlainJson({
        m: new Map([
          ['b', 1],
          ['a', 2],
        ]),
        s: new Set(['y', 'x']),
        n: 10n,
        u: undefined,
      }),
    ).toEqual({ m: { a: 2, b: 1 }, s: ['x', 'y'], n: '10' });
    expect(diffJson({ a: 1, b: { c: [1], d: 'x' } }, { a: 1, b: { c: [1, 2], e: true } })).toEqual([
      { path: 'b.c', before: [1], after: [1, 2] },
      { path: 'b.d', before: 'x', after: null },
      { path: 'b.e', before: null, after: true },
    ]);
  });

  it('reads every event upcast to its current schema, on any store', async () => {
    const registry = new EventTypeRegistry().register({
      type: 'Noted',
      schemaVersion: 2,
      upcasters: { 1: (data) => ({ ...(data as object), by: 'unknown' }) },
    });
    const store = new InMemoryEventStore();
    const metadata = {
      correlationId: 'c-1',
      causationId: 'c-1',
      commandId: 'c-1',
      actor: { id: 'a', role: 'admin' },
      occurredAt: '2026-03-02T05:00:00.000Z',
    };
    await store.append(
      'note-1',
      [
        {
          eventId: '11111111-1111-4111-8111-111111111111',
          type: 'Noted',
          schemaVersion: 1,
          data: { text: 'old' },
          metadata,
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    const audit = new AuditTrail(store, registry);
    expect(await audit.history('note-1')).toEqual([
      expect.objectContaining({
        schemaVersion: 2,
        data: { text: 'old', by: 'unknown' },
        correlationId: 'c-1',
        position: expect.any(String),
      }),
    ]);
    expect((await audit.correlation('c-1')).map((e) => e.data)).toEqual([{ text: 'old', by: 'unknown' }]);
    await expect(audit.history('note-2')).rejects.toBeInstanceOf(AuditStreamNotFoundError);
  });
});
