import { mciDecider, type MciAmended, type SetMci } from '@domain/law';
import { deciderSpecification } from '@libs/testing';
import { AMENDMENT, AT, BASIS } from './law-fixtures';

const spec = deciderSpecification(mciDecider);
const mci2027: SetMci = {
  type: 'SetMci',
  validFrom: '2027-01-01',
  value: 4500,
  ...AMENDMENT,
  takesEffectOn: '2027-01-01',
};

describe('every amendment carries its legal basis', () => {
  it('given any table, when the basis is malformed, then LAW.BASIS_INVALID names each field', () => {
    const legalBasis = {
      ...BASIS,
      kind: 'rumour',
      source: 'http://example.kz',
      title: ' ',
      date: '2026-02-30',
    } as never;
    expect(() => mciDecider.decide({ ...mci2027, legalBasis }, mciDecider.initialState())).toThrow(
      expect.objectContaining({
        code: 'LAW.BASIS_INVALID',
        violations: ['legalBasis.kind', 'legalBasis.date', 'legalBasis.title', 'legalBasis.source'].map((field) =>
          expect.objectContaining({ field }),
        ),
      }),
    );
  });

  it('when the change takes effect on a day already past, then it needs a reason (LAW.REASON_REQUIRED)', () => {
    spec
      .given([])
      .when({ ...mci2027, takesEffectOn: '2026-12-01' })
      .thenThrows({ code: 'LAW.REASON_REQUIRED' });
  });

  it('when a past effective date gives its reason, then the amendment records it with the instant it was recorded', () => {
    const command = { ...mci2027, takesEffectOn: '2026-12-01', reason: 'published late' };
    const expected: MciAmended = {
      type: 'MciAmended',
      data: {
        legalBasis: BASIS,
        takesEffectOn: '2026-12-01',
        reason: 'published late',
        recordedAt: AT,
        version: '1',
        table: [{ validFrom: '2027-01-01', value: 4500 }],
        rowsAdded: [{ validFrom: '2027-01-01', value: 4500 }],
        rowsChanged: [],
      },
    };
    spec.given([]).when(command).then([expected]);
  });
});
