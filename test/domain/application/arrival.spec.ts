import {
  applicationDecider,
  type ApplicationCommand,
  type ApplicationEvent,
  type FamilyArrived,
} from '@domain/application';
import { PAYMENT_TERMS_V1 } from '@domain/support';
import { deciderSpecification } from '@libs/testing';
import { APPLICANT_IIN, APPLICATION_ID as id, history, QUOTA } from './fixtures';
import { revokedInclusionData } from './hearing-fixtures';

const spec = deciderSpecification(applicationDecider);
const fold = (events: readonly ApplicationEvent[]) =>
  events.reduce(applicationDecider.evolve, applicationDecider.initialState());
const grant = (kind: 'relocation' | 'rent'): ApplicationCommand => ({
  type: 'GrantSubsidy',
  applicationId: id,
  at: '2026-03-10T06:00:02.000Z',
  kind,
});
/** Included on 10 March 2026 for three persons, both subsidies granted (rent 20 MCI: a town in Pavlodar). */
const granted = (): ApplicationEvent[] =>
  [grant('relocation'), grant('rent')].reduce<ApplicationEvent[]>(
    (events, command) => [...events, ...applicationDecider.decide(command, fold(events))],
    history.included(),
  );
const AT = '2026-04-02T06:00:00.000Z';
const arrive = (change: Partial<Extract<ApplicationCommand, { type: 'RecordArrival' }>> = {}): ApplicationCommand => ({
  type: 'RecordArrival',
  applicationId: id,
  at: AT,
  settlement: { kind: 'town', name: 'Ekibastuz' },
  arrivedOn: '2026-03-28',
  registration: { address: 'Ekibastuz, Satpayev St 12, apt 4', registeredOn: '2026-03-30' },
  iban: 'kz86 125k zt50 0410 0100',
  recordedBy: 'portal',
  terms: PAYMENT_TERMS_V1,
  ...change,
});
const arrived: FamilyArrived = {
  type: 'FamilyArrived',
  data: {
    applicationId: id,
    quota: QUOTA,
    settlement: { kind: 'town', name: 'Ekibastuz' },
    arrivedOn: '2026-03-28',
    registration: { address: 'Ekibastuz, Satpayev St 12, apt 4', registeredOn: '2026-03-30' },
    recipient: { iin: APPLICANT_IIN, iban: 'KZ86125KZT5004100100' },
    support: { persons: 3, monthlyRateMci: 20 },
    recordedBy: 'portal',
    termsVersion: '1',
    recordedAt: AT,
  },
};
const fieldsOf = (error: unknown) => (error as { violations: { field: string }[] }).violations.map((v) => v.field);

/** The family's arrival in its region (ADR 33): what makes support payable after inclusion. */
describe('recording an included family’s arrival', () => {
  it('records where and when the family settled, who is paid where, and what the decision granted', () => {
    spec.given(granted()).when(arrive()).then([arrived]);
  });

  it('once: the same arrival again is a retry, another one is refused', () => {
    spec
      .given([...granted(), arrived])
      .when(arrive({ recordedBy: 'officer' }))
      .thenNothingHappened();
    spec
      .given([...granted(), arrived])
      .when(arrive({ arrivedOn: '2026-03-29' }))
      .thenThrows({ code: 'APPLICATION.ALREADY_ARRIVED' });
  });

  it('not again by itself after the inclusion it arrived under was revoked and the family included anew: that is for the ministry to decide', () => {
    const revoked: ApplicationEvent = {
      type: 'DecisionRevoked',
      data: revokedInclusionData({ remedy: 'include', revokedAt: '2026-04-10T05:00:00.000Z' }),
    };
    const first = history
      .included()
      .find((e): e is Extract<ApplicationEvent, { type: 'ApplicationIncluded' }> => e.type === 'ApplicationIncluded')!;
    const reincluded: ApplicationEvent = {
      type: 'ApplicationIncluded',
      data: {
        ...first.data,
        decision: { number: `${first.data.decision?.number}-2`, date: '2026-04-10' },
        decidedAt: '2026-04-10T05:00:00.000Z',
      },
    };
    const regranted = [grant('relocation'), grant('rent')].reduce<ApplicationEvent[]>(
      (events, command) => [
        ...events,
        ...applicationDecider.decide({ ...command, at: '2026-04-10T05:00:02.000Z' }, fold(events)),
      ],
      [...granted(), arrived, revoked, reincluded],
    );
    spec
      .given(regranted)
      .when(
        arrive({
          at: '2026-04-14T06:00:00.000Z',
          arrivedOn: '2026-04-13',
          registration: { address: 'x', registeredOn: '2026-04-13' },
        }),
      )
      .thenThrows({ code: 'APPLICATION.SUPPORT_TO_BE_DECIDED' });
  });

  it('only for an included family, once its subsidies are granted', () => {
    spec.given(history.refused()).when(arrive()).thenThrows({ code: 'APPLICATION.NOT_INCLUDED' });
    spec.given(history.reviewed('eligible')).when(arrive()).thenThrows({ code: 'APPLICATION.NOT_INCLUDED' });
    spec.given(history.included()).when(arrive()).thenThrows({ code: 'APPLICATION.SUBSIDIES_PENDING' });
  });

  it('refuses dates before the decision or in the future, a registration before the arrival, a wrong account', () => {
    spec
      .given(granted())
      .when(
        arrive({
          arrivedOn: '2026-03-09',
          registration: { address: ' ', registeredOn: '2026-03-08' },
          iban: 'KZ86125KZT5004100101',
          settlement: { kind: 'hamlet' as 'town', name: '' },
        }),
      )
      .thenThrows(
        (error) =>
          JSON.stringify(fieldsOf(error)) ===
          JSON.stringify([
            'settlement.kind',
            'settlement.name',
            'registration.address',
            'arrivedOn',
            'registration.registeredOn',
            'iban',
          ]),
      );
    spec
      .given(granted())
      .when(arrive({ arrivedOn: '2026-04-03', registration: { address: 'x', registeredOn: '2026-04-03' } }))
      .thenThrows((error) => fieldsOf(error).includes('arrivedOn'));
  });

  it('within the arrival limit when the payment terms set one (version 1 sets none)', () => {
    const within30 = { ...PAYMENT_TERMS_V1, version: 'test-30', arrivalWithinDays: 30 };
    spec
      .given(granted())
      .when(arrive({ terms: within30 }))
      .then([{ ...arrived, data: { ...arrived.data, termsVersion: 'test-30' } }]);
    spec
      .given(granted())
      .when(arrive({ terms: { ...within30, arrivalWithinDays: 10 } }))
      .thenThrows({ code: 'APPLICATION.ARRIVAL_TOO_LATE' });
  });
});
