import { InvalidReadModelQueryError } from '@infra/read-models';
import { envelope, ReadModels } from './support/read-models';

const submitted = (id: string, submittedAt: string, region = 'pavlodar') => ({
  applicationId: id,
  submittedAt,
  submission: {
    region: region,
    year: 2026,
    familyMembers: [{}],
    documents: [],
    applicant: { iin: '850315400124', category: 'kandas', name: { lastName: 'Ахметов', firstName: 'Серік' } },
  },
});
const app = (id: string) => `application-${id}`;
const quota = 'regional-quota-pavlodar-2026-kandas';
const key = { region: 'pavlodar', year: 2026, category: 'kandas' };

describe('read models: cases the workflow does not produce on its own', () => {
  it('normalises instants to UTC and keeps a 64-bit position exact', () => {
    const models = new ReadModels().feed([
      envelope(
        app('a'),
        0,
        'ApplicationSubmitted',
        submitted('a', '2026-03-02T10:00:00+05:00'),
        '2026-03-02T10:00:00+05:00',
        2n ** 53n + 1n,
      ),
    ]);
    expect(models.applications.get('a')).toMatchObject({
      status: 'submitted',
      submittedAt: '2026-03-02T05:00:00.000Z',
      updatedAt: '2026-03-02T05:00:00.000Z',
      applicantName: 'Ахметов Серік',
      persons: 2,
      lastRevision: 0,
      lastPosition: '9007199254740993',
    });
  });

  it('does not count an application that is only submitted (not signed) in the SLA dashboard', () => {
    const models = new ReadModels().feed([
      envelope(app('a'), 0, 'ApplicationSubmitted', submitted('a', '2026-03-02T05:00:00Z')),
    ]);
    expect(models.sla.byRegion()).toEqual({
      year: null,
      regions: [],
      overall: { openOnTime: 0, atRisk: 0, breached: 0, decidedOnTime: 0, decidedLate: 0 },
    });
    expect(models.applications.unassignedQueue()).toEqual({ items: [], nextCursor: null });
  });

  it('groups the SLA by the ISO week of the due day: a worked Sunday belongs to the week of its Monday', () => {
    const signedAndDue = (id: string, dueOn: string) => [
      envelope(app(id), 0, 'ApplicationSubmitted', submitted(id, '2024-12-02T05:00:00Z')),
      envelope(app(id), 1, 'ApplicationSigned', { applicationId: id, signedAt: '2024-12-02T05:00:00Z' }),
      envelope(app(id), 2, 'ReviewDeadlineScheduled', {
        applicationId: id,
        acceptedOn: '2024-12-02',
        dueOn,
        dueAt: `${dueOn}T13:30:00Z`,
        atRiskOn: dueOn,
        atRiskAt: `${dueOn}T13:30:00Z`,
        calendarVersion: '2025.1',
        calendarProvisional: false,
      }),
    ];
    // Sunday 5 January 2025 was worked (for Friday 3 January): ISO week 2025-W01, which began on 30 December 2024.
    const models = new ReadModels().feed([
      ...signedAndDue('a', '2024-12-31'),
      ...signedAndDue('b', '2025-01-05'),
      ...signedAndDue('c', '2025-01-06'),
    ]);
    const weeks = models.sla
      .weeks()
      .items.map(({ week, weekStart, weekEnd, openOnTime }) => [week, weekStart, weekEnd, openOnTime]);
    expect(weeks).toEqual([
      ['2025-W01', '2024-12-30', '2025-01-05', 2],
      ['2025-W02', '2025-01-06', '2025-01-12', 1],
    ]);
  });

  it('a cursor neither skips nor repeats when a row that sorts before it arrives between two pages', () => {
    const models = new ReadModels().feed(
      ['b', 'c', 'd', 'e'].map((id, i) =>
        envelope(app(id), 0, 'ApplicationSubmitted', submitted(id, `2026-03-0${i + 2}T05:00:00Z`)),
      ),
    );
    const first = models.applications.list({}, { limit: 2 });
    models.feed([envelope(app('a'), 0, 'ApplicationSubmitted', submitted('a', '2026-03-01T05:00:00Z'))]);
    const second = models.applications.list({}, { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.applicationId)).toEqual(['b', 'c', 'd', 'e']);
    expect(second.nextCursor).toBeNull();
    expect(models.applications.list({}, { limit: 2 }).items.map((i) => i.applicationId)).toEqual(['a', 'b']);
  });

  it('refuses a bad limit, cursor or status with a coded error', () => {
    const { applications } = new ReadModels();
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof InvalidReadModelQueryError ? [error.code, error.field] : error;
      }
      return 'no error';
    };
    expect(code(() => applications.list({}, { limit: 0 }))).toEqual(['READ_MODEL.INVALID_QUERY', 'limit']);
    expect(code(() => applications.list({}, { limit: 201 }))).toEqual(['READ_MODEL.INVALID_QUERY', 'limit']);
    expect(code(() => applications.list({}, { limit: 2.5 }))).toEqual(['READ_MODEL.INVALID_QUERY', 'limit']);
    expect(code(() => applications.list({}, { cursor: 'not-a-cursor' }))).toEqual([
      'READ_MODEL.INVALID_QUERY',
      'cursor',
    ]);
    expect(code(() => applications.list({ status: 'lost' as never }))).toEqual(['READ_MODEL.INVALID_QUERY', 'status']);
    expect(applications.list({}, { limit: 200 })).toEqual({ items: [], nextCursor: null });
  });

  it('quota usage: a request declined before any capacity, then capacity, a reservation and its release', () => {
    const events = [
      envelope(quota, 0, 'SeatReservationDeclined', {
        ...key,
        applicationId: 'x',
        persons: 2,
        remaining: 0,
        reason: 'QUOTA_NOT_SET',
        declinedAt: '2026-01-05T05:00:00Z',
      }),
      envelope(quota, 1, 'QuotaCapacitySet', {
        ...key,
        capacity: 10,
        previousCapacity: null,
        order: { number: '12-345', date: '2025-12-12' },
        setAt: '2026-01-06T05:00:00Z',
      }),
      envelope(quota, 2, 'SeatsReserved', {
        ...key,
        applicationId: 'y',
        persons: 4,
        seatsTaken: 4,
        capacity: 10,
        remaining: 6,
        reservedAt: '2026-01-07T05:00:00Z',
      }),
      envelope(quota, 3, 'SeatsReleased', {
        ...key,
        applicationId: 'y',
        persons: 4,
        seatsTaken: 0,
        remaining: 10,
        reason: 'withdrawn',
        releasedAt: '2026-01-08T05:00:00Z',
      }),
    ];
    const models = new ReadModels().feed(events.slice(0, 1));
    expect(models.quotas.list()).toEqual([
      expect.objectContaining({ capacity: null, seatsTaken: 0, remaining: 0, declined: 1, order: null }),
    ]);
    models.feed(events.slice(1, 3)).feed(events.slice(1, 3)); // redelivered: counted once
    expect(models.quotas.list()).toEqual([
      expect.objectContaining({
        capacity: 10,
        seatsTaken: 4,
        remaining: 6,
        reservations: 1,
        declined: 1,
        order: { number: '12-345', date: '2025-12-12' },
      }),
    ]);
    models.feed(events.slice(3));
    expect(models.quotas.list()).toEqual([
      expect.objectContaining({
        seatsTaken: 0,
        remaining: 10,
        reservations: 1,
        releases: 1,
        updatedAt: '2026-03-02T05:00:00.000Z',
      }),
    ]);
  });

  const included = (id: string, region: string, date: string) =>
    envelope(app(id), 6, 'ApplicationIncluded', {
      applicationId: id,
      region,
      year: 2026,
      category: 'kandas',
      persons: 3,
      decision: { number: `K-${id}`, date },
      decidedAt: `${date}T05:00:00Z`,
      dueAt: null,
      late: false,
    });
  const granted = (id: string, kind: string, amount: number, revision = 7) =>
    envelope(app(id), revision, 'SubsidyGranted', {
      applicationId: id,
      kind,
      amount,
      grantedAt: '2026-03-05T05:00:00Z',
    });

  it('subsidy totals: sums beyond 2^31 stay exact, counted by the year of the decision', () => {
    const models = new ReadModels().feed([
      included('a', 'pavlodar', '2025-12-30'),
      granted('a', 'relocation', 1_500_000_000),
      included('b', 'pavlodar', '2026-01-02'),
      granted('b', 'relocation', 1_500_000_000),
      granted('b', 'rent', 7),
      included('c', 'pavlodar', '2026-01-03'),
      granted('c', 'relocation', 1_500_000_001),
      granted('c', 'relocation', 1_500_000_001), // redelivered
    ]);
    expect(models.subsidies.totals({ decisionYear: 2026 })).toEqual({
      totals: [
        { region: 'pavlodar', decisionYear: 2026, kind: 'relocation', count: 2, amount: 3_000_000_001 },
        { region: 'pavlodar', decisionYear: 2026, kind: 'rent', count: 1, amount: 7 },
      ],
      grandTotal: { count: 3, amount: 3_000_000_008 },
    });
    expect(models.subsidies.totals().grandTotal).toEqual({ count: 4, amount: 4_500_000_008 });
  });

  it('subsidy totals refuse to round a sum beyond 2^53 rather than report a wrong figure', () => {
    const big = 4_000_000_000_000_000;
    const models = new ReadModels().feed(
      ['a', 'b', 'c'].flatMap((id) => [included(id, 'astana', '2026-02-02'), granted(id, 'relocation', big)]),
    );
    expect(() => models.subsidies.totals()).toThrow(RangeError);
  });

  it('a subsidy with no inclusion before it is an inconsistent history: the projection stops on it', () => {
    expect(() => new ReadModels().feed([granted('z', 'rent', 100)])).toThrow(/follows no ApplicationIncluded/);
  });
});
