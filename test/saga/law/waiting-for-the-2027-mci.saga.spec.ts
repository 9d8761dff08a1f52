import { MCI_TABLE, type MciRow } from '@domain/subsidy';
import { defaultWorkflowConfig, ResumeWaitingSteps } from '@libs/workflow';
import { DurableSagaRunner } from '@libs/event-sourcing-nest';
import { AmendableLaw, amendMci } from '../support/amendable-law';
import { SagaHarness } from '../support/saga-harness';
import { family, review, submitAndSign } from '../support/scenario';

/**
 * FACTS: the 2027 MCI is set by the budget law for 2027–2029 and is not known here; nothing may
 * guess it. The test records a value of its own, as an administrator will record the real one.
 */
const MCI_2027_OF_THIS_TEST: MciRow = { validFrom: '2027-01-01', value: 4500 };

describe('a subsidy step waits for the 2027 MCI, and resumes by itself once it is recorded', () => {
  let h: SagaHarness;
  let law: AmendableLaw;
  let id: string;
  afterAll(() => h.close());

  it('given an inclusion on 4 January 2027 with no 2027 MCI: the inclusion stands and both subsidies wait, neither retried nor parked', async () => {
    law = new AmendableLaw(defaultWorkflowConfig());
    h = await SagaHarness.start({ law });
    await h.openQuota('pavlodar', 2027, 'kandas', 500);
    h.clock.set('2026-12-21T05:00:00.000Z');
    id = await submitAndSign(
      h,
      family((s) => ({ ...s, year: 2027 })),
    );
    await h.settle();
    h.clock.set('2027-01-04T05:00:00.000Z');
    await review(h, id, 'eligible');
    await h.settle();

    const events = await h.events(`application-${id}`);
    expect(events.map((e) => e.type).slice(-2)).toEqual(['ApplicationReviewed', 'ApplicationIncluded']);
    expect(events.at(-1)!.data).toMatchObject({ decision: { date: '2027-01-04' } });
    const included = events.at(-1)!;
    expect(await h.deadLetters.list()).toEqual([
      expect.objectContaining({
        consumer: 'review-saga',
        eventId: included.eventId,
        type: 'ApplicationIncluded',
        status: 'waiting-for-data',
        error: expect.objectContaining({ code: 'SUBSIDY.MCI_NOT_AVAILABLE' }),
        awaiting: { table: 'mci', key: '2027-01-04' },
        attempts: 1,
      }),
    ]);
    expect(await h.deadLetters.list({ status: 'parked' })).toEqual([]);
    expect(h.waits).toEqual([]); // not retried: waiting cannot bring the MCI
    // The step's other command ran: the persons with an IIN (applicant and spouse) are recorded as included.
    const persons = (await h.allEvents()).filter((e) => e.type === 'PersonIncluded');
    expect(persons.map((e) => e.data)).toEqual([
      expect.objectContaining({ applicationId: id, role: 'applicant' }),
      expect.objectContaining({ applicationId: id, role: 'family-member' }),
    ]);
    expect(h.runners.find((r) => r.name === 'review-saga')!.state).toBe('running');
  });

  it('when an MciAmended adds 2027: both subsidies are granted, once, at the 2027 MCI, and nothing waits any more', async () => {
    await amendMci(h, law, [...MCI_TABLE, MCI_2027_OF_THIS_TEST], MCI_2027_OF_THIS_TEST);
    await h.settle();

    const granted = (await h.events(`application-${id}`)).filter((e) => e.type === 'SubsidyGranted');
    expect(granted.map((e) => e.data)).toEqual([
      expect.objectContaining({
        kind: 'relocation',
        amount: 70 * 3 * 4500,
        mci: { value: 4500, year: 2027, validFrom: '2027-01-01' },
      }),
      expect.objectContaining({ kind: 'rent', amount: 20 * 4500 * 12 }),
    ]);
    // Dated by the inclusion, not by when the MCI came.
    expect(granted.map((e) => e.metadata.occurredAt)).toEqual(['2027-01-04T05:00:00.000Z', '2027-01-04T05:00:00.000Z']);
    expect(await h.deadLetters.list({ status: 'waiting-for-data' })).toEqual([]);
    expect(await h.deadLetters.list()).toEqual([expect.objectContaining({ status: 'resolved' })]);
  });

  it('then a redelivery of the amendment and of the inclusion, and a restart, grant nothing more', async () => {
    const before = (await h.allEvents()).length;
    const all = await h.allEvents();
    const amendment = all.find((e) => e.type === 'MciAmended')!;
    const included = all.find((e) => e.type === 'ApplicationIncluded')!;
    await h.app.get(ResumeWaitingSteps).handle(amendment);
    await h.app.get(DurableSagaRunner).handle(included);
    await h.settle();
    h = await h.restart({ law });
    await h.settle();

    expect((await h.allEvents()).length).toBe(before);
    expect((await h.typesOf(id)).filter((t) => t === 'SubsidyGranted')).toHaveLength(2);
    expect(await h.deadLetters.list({ status: 'parked' })).toEqual([]);
  });
});
