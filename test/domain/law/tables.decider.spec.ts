import { REFUSAL_GROUNDS_V1 } from '@domain/application';
import { DEFAULT_SLA_POLICY } from '@domain/calendar';
import { DEFAULT_RENT_RATES } from '@domain/subsidy';
import { groundsInUse, refusalGroundsDecider, rentRatesDecider, slaPolicyDecider } from '@domain/law';
import { deciderSpecification } from '@libs/testing';
import { AMENDMENT, initial } from './law-fixtures';

describe('rent rates, refusal grounds and the SLA policy, amended as whole tables', () => {
  const rentSpec = deciderSpecification(rentRatesDecider);
  const grounds = deciderSpecification(refusalGroundsDecider);
  const sla = deciderSpecification(slaPolicyDecider);
  const rentBaseline = rentRatesDecider.decide(
    initial('rent-rates:provisional-default'),
    rentRatesDecider.initialState(),
  );
  const groundsBaseline = refusalGroundsDecider.decide(
    initial('refusal-grounds:v1'),
    refusalGroundsDecider.initialState(),
  );

  it('given the provisional rates, when confirmed with a city rate of 25 MCI, then version 2 is recorded', () => {
    const rates = { ...DEFAULT_RENT_RATES.rates, pavlodar: { city: 25, town: 20, village: 15 } };
    const [event] = rentRatesDecider.decide(
      { type: 'SetRentRates', provisional: false, rates, ...AMENDMENT },
      rentBaseline.reduce(rentRatesDecider.evolve, rentRatesDecider.initialState()),
    );
    expect(event!.data.rates).toEqual({ version: '2', provisional: false, rates });
  });

  it('refuses a rate outside 15–30 MCI', () => {
    rentSpec
      .given(rentBaseline)
      .when({ type: 'SetRentRates', provisional: false, rates: { pavlodar: { city: 31 } }, ...AMENDMENT })
      .thenThrows({ code: 'SUBSIDY.RENT_RATE_OUT_OF_RANGE' });
  });

  it('given grounds v1, when a ground is left out, then LAW.GROUND_REMOVED: it is retired instead', () => {
    const without = REFUSAL_GROUNDS_V1.grounds.filter((g) => g.code !== 'OTHER');
    grounds
      .given(groundsBaseline)
      .when({ type: 'SetRefusalGrounds', grounds: without, ...AMENDMENT })
      .thenThrows({ code: 'LAW.GROUND_REMOVED' });
    const retired = REFUSAL_GROUNDS_V1.grounds.map((g) => (g.code === 'OTHER' ? { ...g, retired: true } : g));
    const [event] = refusalGroundsDecider.decide(
      { type: 'SetRefusalGrounds', grounds: retired, ...AMENDMENT },
      groundsBaseline.reduce(refusalGroundsDecider.evolve, refusalGroundsDecider.initialState()),
    );
    expect(groundsInUse(event!.data.version, event!.data.grounds).grounds.map((g) => g.code)).not.toContain('OTHER');
  });

  it('refuses a ground without its three labels, or a code listed twice (LAW.GROUNDS_INVALID)', () => {
    const bad = [{ ...REFUSAL_GROUNDS_V1.grounds[0]!, kk: '' }, REFUSAL_GROUNDS_V1.grounds[0]!];
    grounds
      .given([])
      .when({ type: 'SetRefusalGrounds', grounds: bad, ...AMENDMENT })
      .thenThrows({ code: 'LAW.GROUNDS_INVALID' });
  });

  it('validates the SLA policy as the calendar does (CALENDAR.SLA_POLICY_INVALID)', () => {
    const policy = { ...DEFAULT_SLA_POLICY, zone: 'UTC+5' };
    sla
      .given([])
      .when({ type: 'SetSlaPolicy', policy, ...AMENDMENT })
      .thenThrows({ code: 'CALENDAR.SLA_POLICY_INVALID' });
  });
});
