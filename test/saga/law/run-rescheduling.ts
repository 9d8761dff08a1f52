import type { ReviewDeadlineRescheduled } from '@domain/application';
import type { RecordedEvent } from '@libs/event-sourcing';
import { LawFollowerSaga } from '@libs/workflow';
import type { DurableSagaRunner } from '@libs/event-sourcing-nest';
import type { AmendableLaw } from '../support/amendable-law';
import type { SagaHarness } from '../support/saga-harness';
import { NEW_CALENDAR, OLD_CALENDAR, under, type Signed } from './reschedule-scenario';

type Rescheduled = ReviewDeadlineRescheduled['data'];

interface Scenario {
  readonly h: SagaHarness;
  readonly law: AmendableLaw;
  readonly signed: readonly Signed[];
  readonly amendmentId: string;
}

/** The rescheduling scenario's assertions, for any event store the harness runs on. */
export function runRescheduling(start: () => Promise<Scenario>): void {
  let s: Scenario;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(() => s.h.close());

  const ofType = async (id: string, type: string): Promise<RecordedEvent[]> =>
    (await s.h.events(`application-${id}`)).filter((e) => e.type === type);

  it('moves exactly the deadlines that cross 31 August, one working day earlier, citing the amendment', async () => {
    const crossing = s.signed.filter(({ signedAt }) => under(OLD_CALENDAR, signedAt).dueOn > '2026-08-31');
    expect(crossing.length).toBeGreaterThan(0);
    expect(crossing.length).toBeLessThan(s.signed.length);
    for (const { id, signedAt } of s.signed) {
      const old = under(OLD_CALENDAR, signedAt);
      const moved = await ofType(id, 'ReviewDeadlineRescheduled');
      if (old.dueOn <= '2026-08-31') {
        expect(moved).toEqual([]);
        continue;
      }
      expect(moved).toHaveLength(1);
      const data = moved[0]!.data as Rescheduled;
      expect(data.previous).toMatchObject({ dueOn: old.dueOn, dueAt: old.dueAt });
      expect(data.deadline).toEqual(under(NEW_CALENDAR, signedAt));
      expect(data.deadline.dueOn).toBe(NEW_CALENDAR.subtractWorkingDays(old.dueOn, 1));
      expect(data.deadline.calendarVersion).toContain('2026.2');
      expect(data.amendment).toMatchObject({
        eventId: s.amendmentId,
        streamId: 'law-calendar-2026',
        type: 'CalendarYearAmended',
        version: '2026.2',
        legalBasis: { kind: 'announcement', date: '2026-03-18' },
      });
      expect(data.corrected).toEqual([]);
      expect(moved[0]!.metadata.actor).toEqual({ id: 'law-follower', role: 'system' });
    }
  });

  it('reschedules nothing twice: neither a redelivery of the amendment nor a restart', async () => {
    const before = (await s.h.allEvents()).length;
    const amendment = (await s.h.allEvents()).find((e) => e.eventId === s.amendmentId)!;
    await s.h.app.get<DurableSagaRunner>(LawFollowerSaga).handle(amendment);
    await s.h.settle();
    s = { ...s, h: await s.h.restart({ law: s.law }) };
    await s.h.settle();
    expect((await s.h.allEvents()).length).toBe(before);
  });

  it('fires every at-risk flag and breach at its instant under the amended calendar, never at the old one', async () => {
    const instants = new Set<string>();
    for (const { signedAt } of s.signed)
      for (const d of [under(OLD_CALENDAR, signedAt), under(NEW_CALENDAR, signedAt)])
        for (const at of [d.atRiskAt, d.dueAt]) if (at > s.h.clock.now().toISOString()) instants.add(at);
    for (const at of [...instants].sort()) await s.h.advanceTo(at);
    await s.h.advanceTo('2026-10-01T05:00:00.000Z');

    for (const { id, signedAt } of s.signed) {
      const expected = under(NEW_CALENDAR, signedAt);
      const atRisk = await ofType(id, 'ReviewSlaAtRisk');
      const breached = await ofType(id, 'ReviewSlaBreached');
      expect(atRisk.map((e) => (e.data as { flaggedAt: string }).flaggedAt)).toEqual([expected.atRiskAt]);
      expect(breached.map((e) => (e.data as { breachedAt: string }).breachedAt)).toEqual([expected.dueAt]);
    }
  });
}
