import { commandIdCausedBy, eventIdFor, isUuid, uuidV5 } from '@libs/event-sourcing';

describe('name-based ids (uuid v5)', () => {
  it('matches the RFC 9562 test vector', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('gives a redelivered cause the same id, and another cause another id', () => {
    expect(eventIdFor('cmd-1', 0)).toBe(eventIdFor('cmd-1', 0));
    expect(eventIdFor('cmd-1', 1)).not.toBe(eventIdFor('cmd-1', 0));
    expect(commandIdCausedBy('evt-1', 'grant-relocation')).toBe(commandIdCausedBy('evt-1', 'grant-relocation'));
    expect(commandIdCausedBy('evt-1', 'grant-rent')).not.toBe(commandIdCausedBy('evt-1', 'grant-relocation'));
    expect(isUuid(eventIdFor('cmd-1', 0))).toBe(true);
  });
});
