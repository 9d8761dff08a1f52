import { randomUUID } from 'node:crypto';
import { applicationStreamId } from '@domain/application';
import { personStreamId } from '@domain/person';
import type { CommandContext, EventTypeRegistry } from '@libs/event-sourcing';
import { EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { applicationDigest, DEFAULT_PERSON_CLAIM_POLICY, PersonClaims, PersonStreams } from '@libs/workflow';
import { SagaHarness } from './support/saga-harness';
import { family } from './support/scenario';

/**
 * A crash between claiming the persons and storing the application (ADR 16), played by taking the
 * claims exactly as a submission does and then stopping.
 */
describe('person claims whose application never came to exist', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await SagaHarness.start();
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
  });
  afterEach(() => h.close());

  const context = (commandId: string): CommandContext => ({
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: { id: 'egov', role: 'portal' },
    now: h.clock.now(),
  });
  const crashAfterClaiming = async (applicationId: string, commandId: string, submission = family()) => {
    const streams = new PersonStreams(h.store, h.app.get<EventTypeRegistry>(EVENT_TYPE_REGISTRY));
    await new PersonClaims(streams, DEFAULT_PERSON_CLAIM_POLICY).claimAll(
      applicationId,
      submission,
      context(commandId),
    );
    return submission;
  };
  const submit = (applicationId: string, submission: ReturnType<typeof family>) =>
    h.apply(
      {
        type: 'SubmitApplication',
        applicationId,
        submission,
        digest: applicationDigest(submission),
        regionHasQuota: true,
      },
      { id: 'egov', role: 'portal' },
    );

  it('block the person during the grace period, then are abandoned and the person taken by the next submission', async () => {
    const crashed = randomUUID();
    const submission = await crashAfterClaiming(crashed, randomUUID());
    const again = family((s) => ({ ...s, applicant: { ...s.applicant, iin: submission.applicant.iin } }));
    await expect(submit(randomUUID(), again)).rejects.toMatchObject({ code: 'PERSON.HAS_OPEN_APPLICATION' });

    h.clock.advance({ minutes: 15 });
    const next = randomUUID();
    await submit(next, again);
    const events = await h.events(personStreamId(submission.applicant.iin));
    expect(events.map((e) => [e.type, (e.data as { applicationId: string }).applicationId])).toEqual([
      ['PersonClaimed', crashed],
      ['PersonReleased', crashed],
      ['PersonClaimed', next],
    ]);
    expect((events[1]!.data as { reason: string }).reason).toBe('claim-abandoned');
  });

  it('are found by the retried submission, which then stores the application once', async () => {
    const applicationId = randomUUID();
    const submission = await crashAfterClaiming(applicationId, randomUUID());
    await submit(applicationId, submission);
    expect(await h.events(applicationStreamId(applicationId))).toHaveLength(1);
    const claims = await h.events(personStreamId(submission.applicant.iin));
    expect(claims.map((e) => e.type)).toEqual(['PersonClaimed']);
  });
});
