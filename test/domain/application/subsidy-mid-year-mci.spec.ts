import { applicationDecider, type ApplicationEvent } from '@domain/application';
import type { GrantSubsidy } from '@domain/application/decisions/grant-subsidy';
import type { MciRow } from '@domain/subsidy';
import { APPLICATION_ID, history } from './fixtures';

/** FACTS: the MCI of 2022 was 3,063 ₸, and 3,180 ₸ from 1 June 2022 (a change in the middle of the year). */
const MCI_2022: readonly MciRow[] = [
  { validFrom: '2022-01-01', value: 3063 },
  { validFrom: '2022-06-01', value: 3180 },
  { validFrom: '2023-01-01', value: 3450 },
];

/** The fixture's inclusion, decided on `date` (its history otherwise as is: only the decision's date matters here). */
function includedOn(date: string, decidedAt: string): ApplicationEvent[] {
  return history
    .included()
    .map((event) =>
      event.type === 'ApplicationIncluded'
        ? { ...event, data: { ...event.data, decision: { ...event.data.decision, date }, decidedAt } }
        : event,
    );
}

const grant = (kind: 'relocation' | 'rent', at: string): GrantSubsidy => ({
  type: 'GrantSubsidy',
  applicationId: APPLICATION_ID,
  at,
  kind,
  policy: { mciTable: MCI_2022 },
});

const decide = (given: ApplicationEvent[], command: GrantSubsidy) =>
  applicationDecider.decide(command, given.reduce(applicationDecider.evolve, applicationDecider.initialState()));

describe('a subsidy takes the MCI in force on the decision date, several a year allowed', () => {
  it('given a decision dated 15 June 2022, when the relocation subsidy is granted, then it is 70 × 3 persons × 3,180 ₸', () => {
    const [event] = decide(
      includedOn('2022-06-15', '2022-06-15T05:00:00.000Z'),
      grant('relocation', '2022-06-15T05:00:00.000Z'),
    );
    expect(event).toMatchObject({
      type: 'SubsidyGranted',
      data: { kind: 'relocation', amount: 70 * 3 * 3180, mci: { value: 3180, year: 2022, validFrom: '2022-06-01' } },
    });
  });

  it('given a decision dated 31 May 2022, then the MCI of before June applies: 3,063 ₸', () => {
    const [event] = decide(
      includedOn('2022-05-31', '2022-05-31T05:00:00.000Z'),
      grant('relocation', '2022-05-31T05:00:00.000Z'),
    );
    expect(event).toMatchObject({ data: { amount: 70 * 3 * 3063, mci: { value: 3063, validFrom: '2022-01-01' } } });
  });

  it('given a decision dated 15 June 2022 and its subsidy granted in 2023, then the decision date still rules: 3,180 ₸', () => {
    const [event] = decide(
      includedOn('2022-06-15', '2022-06-15T05:00:00.000Z'),
      grant('rent', '2023-02-01T05:00:00.000Z'),
    );
    expect(event).toMatchObject({ data: { kind: 'rent', amount: 20 * 3180 * 12, mci: { value: 3180 } } });
  });
});
