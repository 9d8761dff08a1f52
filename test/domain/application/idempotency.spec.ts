import { applicationDecider, applicationStreamId } from '@domain/application';
import type { SubmitApplication } from '@domain/application/decisions/submit';
import { EventTypeRegistry, handleCommand, IdempotencyKeyReusedError } from '@libs/event-sourcing';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { APPLICATION_ID, kandasFamily, SUBMISSION_DIGEST, SUBMITTED_AT } from './fixtures';

describe('a command id already handled is a no-op', () => {
  it('appends the submission once, however often the same command is sent', async () => {
    const store = new InMemoryEventStore();
    const registry = new EventTypeRegistry().register({
      type: 'ApplicationSubmitted',
      schemaVersion: 1,
    });
    const command: SubmitApplication = {
      type: 'SubmitApplication',
      applicationId: APPLICATION_ID,
      at: SUBMITTED_AT,
      submission: kandasFamily(),
      digest: SUBMISSION_DIGEST,
      regionHasQuota: true,
    };
    const context = {
      commandId: '9b2f4c1e-0000-4000-8000-000000000001',
      correlationId: 'c',
      causationId: 'c',
      actor: { id: 'egov', role: 'portal' },
      now: new Date(SUBMITTED_AT),
    };
    const target = { streamId: applicationStreamId(APPLICATION_ID), decider: applicationDecider, command, context };

    const first = await handleCommand(store, registry, target);
    const retried = await handleCommand(store, registry, target);

    expect(retried).toEqual({ ...first, alreadyHandled: true });
    expect(await store.streamRevision(applicationStreamId(APPLICATION_ID))).toBe(0);
  });

  it('refuses a retry whose request fingerprint differs from the one recorded with the stored events', async () => {
    const store = new InMemoryEventStore();
    const registry = new EventTypeRegistry().register({ type: 'ApplicationSubmitted', schemaVersion: 1 });
    const command: SubmitApplication = {
      type: 'SubmitApplication',
      applicationId: APPLICATION_ID,
      at: SUBMITTED_AT,
      submission: kandasFamily(),
      digest: SUBMISSION_DIGEST,
      regionHasQuota: true,
    };
    const context = (requestFingerprint?: string) => ({
      commandId: '9b2f4c1e-0000-4000-8000-000000000002',
      correlationId: 'c',
      causationId: 'c',
      actor: { id: 'egov', role: 'portal' },
      now: new Date(SUBMITTED_AT),
      ...(requestFingerprint ? { requestFingerprint } : {}),
    });
    const target = (requestFingerprint?: string) => ({
      streamId: applicationStreamId(APPLICATION_ID),
      decider: applicationDecider,
      command,
      context: context(requestFingerprint),
    });

    const first = await handleCommand(store, registry, target('request-a'));
    const [stored] = await collect(store.readStream(applicationStreamId(APPLICATION_ID)));
    expect(stored!.metadata.requestFingerprint).toBe('request-a');

    await expect(handleCommand(store, registry, target('request-a'))).resolves.toEqual({
      ...first,
      alreadyHandled: true,
    });
    await expect(handleCommand(store, registry, target('request-b'))).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    // A command without a fingerprint (a saga's, or one stored before they were recorded) is not compared.
    await expect(handleCommand(store, registry, target())).resolves.toMatchObject({ alreadyHandled: true });
    expect(await store.streamRevision(applicationStreamId(APPLICATION_ID))).toBe(0);
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
