import { deciderSpecification } from '@libs/testing';
import { regionalQuotaDecider } from '@domain/quota';
import { capacitySet, PAVLODAR_2026_KANDAS, reservationDeclined, reserve, setCapacity } from './quota-fixtures';

const spec = deciderSpecification(regionalQuotaDecider);

describe('RegionalQuota: a stream holds one quota only', () => {
  it.each([
    ['another region', { ...PAVLODAR_2026_KANDAS, region: 'akmola' as const }],
    ['another year', { ...PAVLODAR_2026_KANDAS, year: 2025 }],
    ['another category', { ...PAVLODAR_2026_KANDAS, category: 'resettler' as const }],
  ])('refuses a reservation for %s', (_, key) => {
    spec
      .given([capacitySet(10)])
      .when(reserve('app-1', 1, key))
      .thenThrows({ code: 'QUOTA.WRONG_QUOTA' });
  });

  it('refuses a capacity for another quota', () => {
    spec
      .given([capacitySet(10)])
      .when(setCapacity(10, undefined, { ...PAVLODAR_2026_KANDAS, year: 2027 }))
      .thenThrows({ code: 'QUOTA.WRONG_QUOTA' });
  });

  it('knows its quota from a refusal recorded before any capacity', () => {
    spec
      .given([reservationDeclined('app-1', 1, 0, 'QUOTA_NOT_SET')])
      .when(setCapacity(10, undefined, { ...PAVLODAR_2026_KANDAS, region: 'akmola' }))
      .thenThrows({ code: 'QUOTA.WRONG_QUOTA' });
  });

  it('refuses an unknown region code', () => {
    spec
      .given([])
      .when(reserve('app-1', 1, { ...PAVLODAR_2026_KANDAS, region: 'atlantis' as never }))
      .thenThrows({ code: 'QUOTA.INVALID_COMMAND' });
  });
});
