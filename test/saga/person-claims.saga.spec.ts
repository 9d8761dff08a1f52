import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { applicationStreamId } from '@domain/application';
import { personsOf, personStreamId } from '@domain/person';
import { EventStoreUnavailableError, type CommandContext, type EventTypeRegistry } from '@libs/event-sourcing';
import { EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import {
  ApplicationCommandMessage,
  applicationDigest,
  DEFAULT_PERSON_CLAIM_POLICY,
  PersonClaims,
  PersonStreams,
} from '@libs/workflow';
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

/**
 * ADR 16: only a refusal is sure to have stored nothing. When a later claim fails because the store
 * is unavailable, the claims already taken stay, and the retry under the same key finds them.
 */
describe('person claims after a store fault', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await SagaHarness.start();
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
  });
  afterEach(() => h.close());

  it('stay when the second claim meets a store fault, and the retry with the same key completes the submission', async () => {
    // Given a family whose second person (in IIN order) cannot be claimed: the store is unavailable
    const submission = family();
    const [first, second] = personsOf(submission);
    const applicationId = randomUUID();
    const commandId = randomUUID();
    const submitUnderOneKey = () =>
      h.app.get(CommandBus).execute(
        new ApplicationCommandMessage(
          {
            type: 'SubmitApplication',
            applicationId,
            submission,
            digest: applicationDigest(submission),
            regionHasQuota: true,
          },
          {
            commandId,
            correlationId: commandId,
            causationId: commandId,
            actor: { id: 'egov', role: 'portal' },
            now: h.clock.now(),
          },
        ),
      );
    const append = h.store.append.bind(h.store);
    const fault = jest
      .spyOn(h.store, 'append')
      .mockImplementation((streamId, events, options) =>
        streamId === personStreamId(second!.iin)
          ? Promise.reject(new EventStoreUnavailableError('test: the events file is locked', { fault: 'locked' }))
          : append(streamId, events, options),
      );

    // When it is submitted
    await expect(submitUnderOneKey()).rejects.toBeInstanceOf(EventStoreUnavailableError);

    // Then the first claim stays (no release), the second was not taken, the application not stored
    expect((await h.events(personStreamId(first!.iin))).map((e) => e.type)).toEqual(['PersonClaimed']);
    expect(await h.events(personStreamId(second!.iin))).toEqual([]);
    expect(await h.events(applicationStreamId(applicationId))).toEqual([]);

    // When the store is back and the same command is retried (same key, same command id)
    fault.mockRestore();
    await submitUnderOneKey();

    // Then the application is stored once, every person claimed once for it, nothing released
    expect((await h.events(applicationStreamId(applicationId))).map((e) => e.type)).toEqual(['ApplicationSubmitted']);
    for (const person of personsOf(submission)) {
      const events = await h.events(personStreamId(person.iin));
      expect(events.map((e) => [e.type, (e.data as { applicationId: string }).applicationId])).toEqual([
        ['PersonClaimed', applicationId],
      ]);
    }
  });

  it('are released when a later claim is refused: a refusal stored nothing', async () => {
    // Given a family whose second person is taken by another submission just after the check found
    // every person free, while the first person is being claimed (the race the claims exist for)
    const submission = family();
    const [first, second] = personsOf(submission);
    const other = family((s) => ({ ...s, applicant: { ...s.applicant, iin: second!.iin }, familyMembers: [] }));
    const append = h.store.append.bind(h.store);
    let raced = false;
    jest.spyOn(h.store, 'append').mockImplementation(async (streamId, events, options) => {
      if (streamId === personStreamId(first!.iin) && !raced) {
        raced = true;
        await submit(h, randomUUID(), other);
      }
      return append(streamId, events, options);
    });

    // When the family is submitted
    const applicationId = randomUUID();
    await expect(submit(h, applicationId, submission)).rejects.toMatchObject({ code: 'PERSON.HAS_OPEN_APPLICATION' });

    // Then the first claim was taken and released again (the compensation)
    const events = await h.events(personStreamId(first!.iin));
    expect(events.map((e) => [e.type, (e.data as { applicationId: string }).applicationId])).toEqual([
      ['PersonClaimed', applicationId],
      ['PersonReleased', applicationId],
    ]);
  });
});

function submit(h: SagaHarness, applicationId: string, submission: ReturnType<typeof family>) {
  return h.apply(
    {
      type: 'SubmitApplication',
      applicationId,
      submission,
      digest: applicationDigest(submission),
      regionHasQuota: true,
    },
    { id: 'egov', role: 'portal' },
  );
}
