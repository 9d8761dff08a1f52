import { MCI_TABLE, type MciRow } from '@domain/subsidy';
import { EventTypeRegistry } from '@libs/event-sourcing';
import type { Position, ReadAllOptions } from '@libs/event-sourcing';
import { TestClock } from '@libs/testing';
import { recordLawBaseline, RecordedLaw, WORKFLOW_EVENT_TYPES } from '@libs/workflow';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { newEvents } from '../contract/fixtures';
import { AmendableLaw, amendMci } from '../saga/support/amendable-law';

/** The in-memory store, noting where each readAll started. */
class ReadsNoted extends InMemoryEventStore {
  readonly starts: Array<Position | 'start' | undefined> = [];

  override readAll(options?: ReadAllOptions) {
    this.starts.push(options?.fromPosition);
    return super.readAll(options);
  }
}

describe('the recorded law, refreshed', () => {
  const clock = new TestClock('2026-03-02T05:00:00.000Z');
  const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES);

  async function storeWithTheLawAndMuchElse(): Promise<ReadsNoted> {
    const store = new ReadsNoted();
    await recordLawBaseline(store, registry, clock);
    for (let i = 0; i < 5; i++) await store.append(`application-${i}`, newEvents(20), { expectedRevision: 'any' });
    return store;
  }

  it('reads only what was stored since the previous refresh, not everything after the last law event', async () => {
    const store = await storeWithTheLawAndMuchElse();
    const law = new RecordedLaw(store, registry);
    await law.refresh();
    const head = (await store.headPosition())!;
    await law.refresh();
    await store.append('application-9', newEvents(3), { expectedRevision: 'any' });
    await law.refresh();
    // From the head seen (that event skipped), never from `head + 1n`: not a position on EventStoreDB.
    expect(store.starts).toEqual(['start', head, head]);
  });

  it('still sees an amendment recorded after a refresh, and applies each amendment once', async () => {
    const store = await storeWithTheLawAndMuchElse();
    const law = new RecordedLaw(store, registry);
    await law.refresh();
    const before = law.recorded().mci.length;
    const added: MciRow = { validFrom: '2027-01-01', value: 4500 };
    await amendMci({ store, clock }, new AmendableLaw(), [...MCI_TABLE, added], added);
    await law.refresh();
    await law.refresh();
    expect(law.recorded().mci.length).toBe(before + 1);
    expect(law.current().subsidyPolicy.mciTable?.at(-1)).toEqual(added);
  });

  it('reads the whole store when it has read nothing yet, and nothing of an empty one', async () => {
    const store = new ReadsNoted();
    const law = new RecordedLaw(store, registry);
    await law.refresh();
    await recordLawBaseline(store, registry, clock);
    await law.refresh();
    expect(store.starts).toEqual(['start', 'start']);
    expect(law.recorded().mci.length).toBeGreaterThan(0);
  });
});
