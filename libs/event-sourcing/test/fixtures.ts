import { CommandContext, Decider, DomainEvent, EventTypeRegistry } from '@libs/event-sourcing';

/** A deliberately tiny decider: a counter that refuses to go above its limit. */
export type CounterEvent = DomainEvent<'Incremented', { by: number }>;
export interface Increment {
  readonly by: number;
  readonly limit: number;
}
export class LimitExceeded extends Error {
  readonly code = 'COUNTER.LIMIT_EXCEEDED';
}

export const counter: Decider<Increment, CounterEvent, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command, total) => {
    if (total + command.by > command.limit) throw new LimitExceeded(`${total} + ${command.by} > ${command.limit}`);
    return [{ type: 'Incremented', data: { by: command.by } }];
  },
};

/** v1 stored `{ amount }`; v2 renamed it to `{ by }`. */
export function counterRegistry(): EventTypeRegistry {
  return new EventTypeRegistry().register({
    type: 'Incremented',
    schemaVersion: 2,
    upcasters: { 1: (data) => ({ by: (data as { amount: number }).amount }) },
  });
}

let sequence = 0;
export function context(overrides: Partial<CommandContext> = {}): CommandContext {
  sequence += 1;
  return {
    commandId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    correlationId: 'corr-1',
    causationId: 'cause-1',
    actor: { id: 'officer-7', role: 'reviewer' },
    now: new Date('2026-03-02T05:00:00.000Z'),
    ...overrides,
  };
}
