import { applicationDecider } from '@domain/application';
import type { GrantSubsidy } from '@domain/application/decisions/grant-subsidy';
import type { WithdrawApplication } from '@domain/application/decisions/withdraw';
import { deciderSpecification } from '@libs/testing';
import { APPLICATION_ID, history, QUOTA } from './fixtures';

const spec = deciderSpecification(applicationDecider);
const AT = '2026-03-10T06:00:02.000Z';
const grant = (kind: 'relocation' | 'rent', overrides: Partial<GrantSubsidy> = {}): GrantSubsidy => ({
  type: 'GrantSubsidy',
  applicationId: APPLICATION_ID,
  at: AT,
  kind,
  ...overrides,
});
const withdraw = (reason = 'The family stays in Mongolia'): WithdrawApplication => ({
  type: 'WithdrawApplication',
  applicationId: APPLICATION_ID,
  at: AT,
  reason,
});

describe('GrantSubsidy', () => {
  it('grants the relocation subsidy: 70 MCI × 3 persons at the 2026 MCI of 4,325 ₸ = 908,250 ₸', () => {
    const [event] = applicationDecider.decide(
      grant('relocation'),
      history.included().reduce(applicationDecider.evolve, applicationDecider.initialState()),
    );
    expect(event).toMatchObject({
      type: 'SubsidyGranted',
      data: {
        applicationId: APPLICATION_ID,
        kind: 'relocation',
        amount: 908_250,
        mci: { value: 4325, year: 2026 },
        inputs: { persons: 3, mciPerPerson: 70 },
        grantedAt: AT,
      },
    });
    expect((event!.data as { legalBasis: string }).legalBasis).toMatch(/No\. 234/);
  });

  it('grants the rent subsidy for 12 months at the rate of the region and settlement kind', () => {
    const [event] = applicationDecider.decide(
      grant('rent'),
      history.included().reduce(applicationDecider.evolve, applicationDecider.initialState()),
    );
    expect(event).toMatchObject({
      type: 'SubsidyGranted',
      data: {
        kind: 'rent',
        mci: { value: 4325, year: 2026 },
        inputs: { months: 12, monthlyRateMci: 20, monthlyAmount: 86_500 },
        amount: 1_038_000,
      },
    });
  });

  it('uses the tables the administrator gives', () => {
    const rentRates = { version: 'order-2026-17', provisional: false, rates: { pavlodar: { town: 25 } } };
    const [event] = applicationDecider.decide(
      grant('rent', { policy: { rentRates } }),
      history.included().reduce(applicationDecider.evolve, applicationDecider.initialState()),
    );
    expect(event).toMatchObject({
      data: {
        inputs: {
          monthlyRateMci: 25,
          monthlyAmount: 108_125,
          rateTable: { version: 'order-2026-17', provisional: false },
        },
        amount: 1_297_500,
      },
    });
  });

  it('grants each kind once', () => {
    const granted = [
      ...history.included(),
      ...applicationDecider.decide(
        grant('relocation'),
        history.included().reduce(applicationDecider.evolve, applicationDecider.initialState()),
      ),
    ];
    spec.given(granted).when(grant('relocation')).thenThrows({ code: 'APPLICATION.SUBSIDY_ALREADY_GRANTED' });
    expect(
      applicationDecider.decide(
        grant('rent'),
        granted.reduce(applicationDecider.evolve, applicationDecider.initialState()),
      ),
    ).toHaveLength(1);
  });

  it('grants nothing before inclusion, after a refusal, or of an unknown kind', () => {
    spec.given(history.reviewed('eligible')).when(grant('relocation')).thenThrows({ code: 'APPLICATION.NOT_INCLUDED' });
    spec.given(history.refused()).when(grant('relocation')).thenThrows({ code: 'APPLICATION.NOT_INCLUDED' });
    spec.given(history.withdrawn()).when(grant('relocation')).thenThrows({ code: 'APPLICATION.WITHDRAWN' });
    spec
      .given(history.included())
      .when(grant('housing' as never))
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
  });
});

describe('WithdrawApplication', () => {
  it.each([
    ['submitted', history.submitted],
    ['signed', history.signed],
    ['under review', () => history.underReview()],
    ['reviewed', () => history.reviewed()],
  ])('lets the applicant withdraw a %s application', (_, given) => {
    spec
      .given(given())
      .when(withdraw())
      .then([
        {
          type: 'ApplicationWithdrawn',
          data: {
            applicationId: APPLICATION_ID,
            quota: QUOTA,
            reason: 'The family stays in Mongolia',
            withdrawnAt: AT,
          },
        },
      ]);
  });

  it('refuses a withdrawal after the decision, twice, without a reason, or of nothing', () => {
    spec.given(history.included()).when(withdraw()).thenThrows({ code: 'APPLICATION.ALREADY_DECIDED' });
    spec.given(history.refused()).when(withdraw()).thenThrows({ code: 'APPLICATION.ALREADY_DECIDED' });
    spec.given(history.withdrawn()).when(withdraw()).thenThrows({ code: 'APPLICATION.WITHDRAWN' });
    spec.given(history.signed()).when(withdraw('')).thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
    spec.given([]).when(withdraw()).thenThrows({ code: 'APPLICATION.NOT_SUBMITTED' });
  });
});
