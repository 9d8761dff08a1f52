import {
  EventTypeRegistry,
  RecordedEvent,
  UnknownEventTypeError,
  UnsupportedSchemaVersionError,
} from '@libs/event-sourcing';
import { counterRegistry } from './fixtures';

function stored(schemaVersion: number, data: unknown, type = 'Incremented'): RecordedEvent {
  return {
    eventId: '11111111-1111-4111-8111-111111111111',
    streamId: 'counter-1',
    revision: 0,
    position: 0n,
    type,
    schemaVersion,
    data,
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      commandId: 'c',
      actor: { id: 'a', role: 'r' },
      occurredAt: '2026-01-01T00:00:00.000Z',
    },
    recordedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('event type registry', () => {
  it('reads an old-version event as the current version through the upcaster chain', () => {
    const event = counterRegistry().upcast(stored(1, { amount: 3 }));
    expect(event.schemaVersion).toBe(2);
    expect(event.data).toEqual({ by: 3 });
  });

  it('leaves a current-version event as it is', () => {
    expect(counterRegistry().upcast(stored(2, { by: 3 })).data).toEqual({ by: 3 });
  });

  it('refuses a type nobody registered, and a version newer than the code knows', () => {
    expect(() => counterRegistry().upcast(stored(1, {}, 'Unknown'))).toThrow(UnknownEventTypeError);
    expect(() => counterRegistry().upcast(stored(3, {}))).toThrow(UnsupportedSchemaVersionError);
  });

  it('refuses a definition whose upcaster chain has a hole, and a type registered twice', () => {
    expect(() =>
      new EventTypeRegistry().register({
        type: 'Later',
        schemaVersion: 3,
        upcasters: { 1: (d) => d },
      }),
    ).toThrow(/from v2/);
    expect(() => counterRegistry().register({ type: 'Incremented', schemaVersion: 1 })).toThrow(/twice/);
  });
});
