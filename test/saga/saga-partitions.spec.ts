import type { RecordedEvent } from '@libs/event-sourcing';
import { DurableSagaRunner } from '@libs/event-sourcing-nest';
import { EventTypeRegistry } from '@libs/event-sourcing';
import { defaultWorkflowConfig, fixedLaw, ReviewSaga, WORKFLOW_EVENT_TYPES } from '@libs/workflow';
import { SagaHarness } from './support/saga-harness';

const APPLICATION = '0b9f6c1e-3c55-4a8e-9a49-5d7e8f0a1b2c';
const QUOTA = { region: 'pavlodar', year: 2026, category: 'kandas' };
const ON_QUOTA = 'regional-quota-pavlodar-2026-kandas';
const ON_APPLICATION = `application-${APPLICATION}`;

function recorded(type: string, streamId: string, data: object): RecordedEvent<never> {
  return {
    eventId: 'e',
    type,
    schemaVersion: 1,
    data,
    metadata: { occurredAt: '2026-03-02T04:00:00.000Z' },
    streamId,
    revision: 0,
    position: 1n,
    recordedAt: '2026-03-02T04:00:00.000Z',
  } as RecordedEvent<never>;
}

const onApplication = (type: string, data: object) =>
  recorded(type, ON_APPLICATION, { applicationId: APPLICATION, ...data });
const onQuota = (type: string, data: object) =>
  recorded(type, ON_QUOTA, { applicationId: APPLICATION, ...QUOTA, ...data });

describe('saga partitions: a step runs on the partition of the stream it writes to', () => {
  it.each([
    [
      'an eligible review reserves seats: on the quota, so seats go first fit in review order',
      onApplication('ApplicationReviewed', { verdict: 'eligible', quota: QUOTA }),
      ON_QUOTA,
    ],
    ['a refusal gives seats back: on the quota', onApplication('ApplicationRefused', { quota: QUOTA }), ON_QUOTA],
    ['a withdrawal gives seats back: on the quota', onApplication('ApplicationWithdrawn', { quota: QUOTA }), ON_QUOTA],
    [
      'a not-eligible review refuses the application: on the application',
      onApplication('ApplicationReviewed', {
        verdict: 'not-eligible',
        quota: QUOTA,
        findings: [],
        grounds: ['OTHER'],
      }),
      ON_APPLICATION,
    ],
    ['seats reserved include the application: on the application', onQuota('SeatsReserved', {}), ON_APPLICATION],
    [
      'a declined reservation refuses the application: on the application',
      onQuota('SeatReservationDeclined', {}),
      ON_APPLICATION,
    ],
    [
      'signing schedules the deadline: on the application',
      onApplication('ApplicationSigned', { signedAt: '2026-03-02T05:00:00.000Z' }),
      ON_APPLICATION,
    ],
    ['a breach escalates: on the application', onApplication('ReviewSlaBreached', {}), ON_APPLICATION],
    ['an inclusion grants the subsidies: on the application', onApplication('ApplicationIncluded', {}), ON_APPLICATION],
  ])('%s', (_why, event, partition) => {
    const saga = new ReviewSaga(
      fixedLaw(defaultWorkflowConfig()),
      new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES),
    );
    expect(saga.partitionOf(event)).toBe(partition);
  });
});

describe('the review saga is fed only the events it acts on', () => {
  let h: SagaHarness | undefined;
  afterEach(() => h?.close());

  it('signing, deadlines scheduled, breaches, review, reopening, revocation, seats reserved or declined, refusal, withdrawal, inclusion, arrival — not the rest of an application’s events', async () => {
    h = await SagaHarness.start();
    expect([...h.app.get(DurableSagaRunner).filter.eventTypes].sort()).toEqual([
      'ApplicationIncluded',
      'ApplicationRefused',
      'ApplicationReviewed',
      'ApplicationSigned',
      'ApplicationWithdrawn',
      'ComplaintBreached',
      'DecisionRevoked',
      'FamilyArrived',
      'HearingNoticeBreached',
      'ReviewDeadlineRescheduled',
      'ReviewDeadlineScheduled',
      'ReviewReopenedAsEligible',
      'ReviewSlaBreached',
      'SeatReservationDeclined',
      'SeatsReserved',
    ]);
  });
});
