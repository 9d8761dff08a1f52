import { DomainError } from '@domain/shared/errors';
import { QuotaCommand, QuotaEvent, QuotaState, regionalQuotaDecider } from '@domain/quota';
import { SeededRandom } from '@libs/seeded-random';
import { release, reserve, setCapacity } from './quota-fixtures';

function randomCommand(random: () => number, step: number): QuotaCommand {
  const pick = (n: number) => Math.floor(random() * n);
  const applicationId = `app-${pick(60)}`;
  const roll = random();
  if (roll < 0.05) return setCapacity(pick(80), { number: `order-${step}`, date: '2026-06-01' });
  if (roll < 0.6) return reserve(applicationId, 1 + pick(7));
  return release(applicationId);
}

function seatsInReservations(state: QuotaState): number {
  return state.status === 'open' ? [...state.reservations.values()].reduce((sum, persons) => sum + persons, 0) : 0;
}

describe('RegionalQuota: never over capacity, whatever the sequence of commands', () => {
  it.each([1, 7, 42, 2026, 99991])('seed %p: seats taken ≤ capacity after every step of 3,000', (seed) => {
    const random = new SeededRandom(seed).next;
    const { initialState, decide, evolve } = regionalQuotaDecider;
    let state = initialState();
    const recorded: QuotaEvent[] = [];
    for (let step = 0; step < 3000; step++) {
      let events: readonly QuotaEvent[] = [];
      try {
        events = decide(randomCommand(random, step), state);
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('QUOTA.CAPACITY_BELOW_TAKEN');
      }
      state = events.reduce(evolve, state);
      recorded.push(...events);
      if (state.status === 'open') {
        expect(state.taken).toBeLessThanOrEqual(state.capacity);
        expect(state.taken).toBe(seatsInReservations(state));
      }
    }
    const replayed = recorded.reduce(evolve, initialState());
    expect(replayed).toEqual(state);
    expect(recorded.some((e) => e.type === 'SeatReservationDeclined')).toBe(true);
    expect(recorded.some((e) => e.type === 'SeatsReleased')).toBe(true);
  });
});
