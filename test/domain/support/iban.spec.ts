import { kzIbanOf, kzIbanProblem, normalisedIban } from '@domain/support';

/** The recipient's account (ADR 33): an IBAN of Kazakhstan, its check digits verified (ISO 13616). */
describe('an IBAN of Kazakhstan', () => {
  // The example of the SWIFT IBAN registry for Kazakhstan.
  const VALID = 'KZ86125KZT5004100100';

  it('is accepted with its check digits right, written with spaces or in small letters', () => {
    expect(kzIbanProblem(VALID)).toBeNull();
    expect(kzIbanProblem('kz86 125K ZT50 0410 0100')).toBeNull();
    expect(normalisedIban('kz86 125K ZT50 0410 0100')).toBe(VALID);
  });

  it.each([
    ['a digit changed', 'KZ86125KZT5004100101', 'its check digits do not match the account (ISO 13616)'],
    ['two digits swapped', 'KZ86125KZT5004101000', 'its check digits do not match the account (ISO 13616)'],
    ['another country', 'DE89370400440532013000', 'must be an IBAN of Kazakhstan, starting with KZ'],
    ['too short', 'KZ86125KZT500410010', 'must have 20 characters, has 19'],
    [
      'a letter in the bank code',
      'KZ8612AKZT5004100100',
      'must be KZ, two check digits, a three-digit bank code and 13 letters or digits',
    ],
    ['not text', 42, 'must be an IBAN of Kazakhstan (KZ and 18 characters)'],
  ])('is refused with the reason: %s', (_, value, reason) => {
    expect(kzIbanProblem(value)).toBe(reason);
  });

  it('is made from a bank code and an account, its check digits computed', () => {
    expect(kzIbanOf('125', 'KZT5004100100')).toBe(VALID);
    expect(kzIbanProblem(kzIbanOf('601', '0000000000042'))).toBeNull();
    expect(() => kzIbanOf('12', 'KZT5004100100')).toThrow();
  });
});
